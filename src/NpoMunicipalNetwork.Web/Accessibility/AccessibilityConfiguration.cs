
namespace NpoMunicipalNetwork.Accessibility;

public sealed class AccessibilityRunConfiguration : IEntityTypeConfiguration<AccessibilityRun>
{
    public void Configure(EntityTypeBuilder<AccessibilityRun> e)
    {
        e.ToTable("AccessibilityRuns");
        e.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Tool).HasMaxLength(AccessibilityRun.ToolLength);
        e.Property(r => r.StartedBy).HasMaxLength(AccessibilityRun.StartedByLength);
        e.HasIndex(r => new { r.Source, r.RanUtc });
        e.HasMany(r => r.Pages).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AccessibilityPageResultConfiguration : IEntityTypeConfiguration<AccessibilityPageResult>
{
    public void Configure(EntityTypeBuilder<AccessibilityPageResult> e)
    {
        e.ToTable("AccessibilityPageResults");
        e.Property(p => p.Url).HasMaxLength(AccessibilityPageResult.UrlLength);
        e.Property(p => p.Title).HasMaxLength(AccessibilityPageResult.TitleLength);
        e.HasMany(p => p.Criteria).WithOne().HasForeignKey(c => c.PageResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AccessibilityCriterionResultConfiguration : IEntityTypeConfiguration<AccessibilityCriterionResult>
{
    public void Configure(EntityTypeBuilder<AccessibilityCriterionResult> e)
    {
        e.ToTable("AccessibilityCriterionResults");
        e.Property(c => c.Criterion).HasMaxLength(AccessibilityCriterionResult.CriterionLength);
        e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Rules).HasMaxLength(AccessibilityCriterionResult.RulesLength);
    }
}
