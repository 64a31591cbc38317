using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Cases.Exchange;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// Builds the open-data ZIP from the same cross-tenant reads the public pages use, and stores it.
/// <see cref="BuildAsync"/> only reads; <see cref="SaveAsync"/> adds the bundle, whatever else the
/// caller put in the unit of work (its audit entry) and prunes old bundles in one transaction.
/// </summary>
public sealed class OpenDataBuilder(NetworkDbContext db, IOptions<OpenDataOptions> options, TimeProvider clock, IConfiguration config)
{
    /// <summary>One build at a time per instance: a build holds every public row in memory.</summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // Japanese stays readable
    };

    /// <param name="requestBaseUrl">The request's origin, used for links when <c>Network:PublicBaseUrl</c> is not set.</param>
    public async Task<OpenDataBundle> BuildAsync(OpenDataTrigger trigger, string? builtBy, string? requestBaseUrl, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var baseUrl = (config["Network:PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBaseUrl ?? "").TrimEnd('/');
            var builtUtc = clock.GetUtcNow().UtcDateTime;
            var tables = new List<OpenDataTable>();
            tables.AddRange(await MemberTables.BuildAsync(db, baseUrl, clock.Today(), ct));
            tables.AddRange(await CaseTables.BuildAsync(db, baseUrl, ct));
            tables.AddRange(await ForumTables.BuildAsync(db, baseUrl, ct));
            tables.AddRange(await PublicationTables.BuildAsync(db, baseUrl, ct));

            var o = options.Value;
            var licence = string.IsNullOrWhiteSpace(o.Licence) ? OpenDataOptions.DefaultLicence : o.Licence.Trim();
            var content = await ZipAsync(tables, builtUtc, licence, o.EffectiveLicenceUrl, baseUrl, ct);
            return new OpenDataBundle
            {
                BuiltUtc = builtUtc, Content = content, Length = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Licence = licence, LicenceUrl = o.EffectiveLicenceUrl, Trigger = trigger, BuiltByName = builtBy,
                Datasets = JsonSerializer.Serialize(tables.Select(t => new OpenDataDataset(t.Name, t.Title, t.Count)), Json),
            };
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>
    /// After a build: every row it held is garbage now, but the server garbage collector keeps the heap it grew to
    /// (hundreds of megabytes at 100,000 cases) for a daily job. One compacting collection that gives memory back to the
    /// system costs a fraction of a second, once a day.
    /// </summary>
    public static void ReturnMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Saves the bundle with the rest of the unit of work and deletes all but the newest <c>OpenData:Keep</c>.</summary>
    public async Task SaveAsync(OpenDataBundle bundle, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.OpenDataBundles.Add(bundle);
        await db.SaveChangesAsync(ct);
        var keep = await db.OpenDataBundles.OrderByDescending(b => b.BuiltUtc).ThenByDescending(b => b.Id)
            .Take(Math.Max(1, options.Value.Keep)).Select(b => b.Id).ToListAsync(ct);
        await db.OpenDataBundles.Where(b => !keep.Contains(b.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<byte[]> ZipAsync(IReadOnlyList<OpenDataTable> tables, DateTime builtUtc, string licence, string? licenceUrl, string baseUrl,
        CancellationToken ct)
    {
        var stamp = new DateTimeOffset(JapanTime.ToJst(builtUtc).Ticks, JapanTime.Offset);
        var builtAt = new DateTimeOffset(DateTime.SpecifyKind(builtUtc, DateTimeKind.Utc)).ToOffset(JapanTime.Offset);
        using var buffer = new MemoryStream();
        await using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            async Task Entry(string name, Func<Stream, Task> write)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                await using var stream = await entry.OpenAsync(ct);
                await write(stream);
            }

            Task Text(string name, string text) => Entry(name, s => s.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask());

            await Text("README.md", OpenDataDocuments.Readme(tables, builtUtc, licence, licenceUrl, baseUrl));
            await Text("LICENSE.txt", OpenDataDocuments.Licence(licence, licenceUrl, builtUtc));
            await Text("codebook.md", OpenDataDocuments.CodebookMarkdown(tables, builtUtc, licence));
            await Entry("codebook.json", s => JsonSerializer.SerializeAsync(s, OpenDataDocuments.CodebookJson(tables, builtUtc, licence, licenceUrl), Json, ct));
            foreach (var t in tables)
            {
                await Entry(t.Name + ".csv", s => Spreadsheet.WriteCsvAsync(s, new Sheet(t.Title, t.Columns.Select(c => c.Label).ToList(), t.CsvRows), ct));
                await Entry(t.Name + ".json", s => JsonSerializer.SerializeAsync(s, new
                {
                    dataset = t.Name, title = t.Title, builtAt, licence = new { name = licence, url = licenceUrl }, count = t.Count, items = t.JsonItems,
                }, Json, ct));
            }
        }
        return buffer.ToArray();
    }
}

/// <summary>A file of the bundle as the public page lists it.</summary>
public sealed record OpenDataDataset(string Name, string Title, int Rows);
