
namespace NpoMunicipalNetwork.Files;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameLength);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.HasIndex(f => f.UploadedOnTenantId);
        // The bytes sit in their own table so listing files never reads them.
        e.HasOne(f => f.Content).WithOne().HasForeignKey<StoredFileContent>(c => c.StoredFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> e) => e.HasKey(c => c.StoredFileId);
}
