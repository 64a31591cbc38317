using NpoMunicipalNetwork.Cases;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.OpenData;

/// <summary>
/// Public and non-public content side by side, so a bundle test can show what goes in and what stays out:
/// on 佐賀県 a published case (with a formula-looking summary), a draft and a closed case; a published case
/// on a site that is then disabled; a forum with a public and a member-only material; published and draft
/// news and reports on the hub.
/// </summary>
public sealed record OpenDataWorld(TestApp App, int PublishedCase, HttpClient Secretariat)
{
    public const string PublishedTitle = "公開中の協働事例";
    public const string DraftTitle = "下書きのままの事例";
    public const string ClosedTitle = "公開を終えた事例";
    public const string DisabledSiteTitle = "停止したサイトの事例";
    public const string PublicMaterial = "公開資料（一般）";
    public const string MemberMaterial = "会員限定の内部資料";
    public const string PublishedNews = "公開したお知らせ";
    public const string DraftNews = "下書きのお知らせ";
    public const string PublishedReport = "公開した報告書";
    public const string DraftReport = "下書きの報告書";

    public static async Task<OpenDataWorld> BuildAsync(TestApp app)
    {
        var published = await app.CreateCaseAsync("saga", CaseTestHelpers.Content(PublishedTitle) with { Summary = "=HYPERLINK(\"x\") に見える概要" });
        await app.CreateCaseAsync("saga", CaseTestHelpers.Content(DraftTitle), publish: false);
        var closed = await app.CreateCaseAsync("saga", CaseTestHelpers.Content(ClosedTitle));
        await app.InTenantAsync("saga", async db =>
        {
            var c = await db.PolicyCases.SingleAsync(x => x.Id == closed);
            c.IsPublished = false;
            c.ClosedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var stopped = await app.CreateTenantWithPageAsync("intro", "はじめに");
        await app.CreateCaseAsync(stopped, CaseTestHelpers.Content(DisabledSiteTitle));
        await app.ApplyRecipeAsync($$"""{ "name": "stop", "steps": [ { "name": "Tenants", "tenants": [ { "name": "{{stopped}}", "displayName": "停止市", "status": "disabled" } ] } ] }""");

        var forumId = await app.CreateOpenForumAsync(7, capacity: 10);
        await app.InTenantAsync("hub", async db =>
        {
            db.ForumMaterials.AddRange(
                new ForumMaterial { ForumId = forumId, Title = PublicMaterial, Url = "https://example.jp/public.pdf", Order = 1 },
                new ForumMaterial { ForumId = forumId, Title = MemberMaterial, Url = "https://example.jp/members.pdf", IsMemberOnly = true, Order = 2 });
            var now = DateTime.UtcNow;
            db.NewsItems.AddRange(
                new NewsItem { Title = PublishedNews, BodyMarkdown = "本文", BodyHtml = "<p>本文</p>", IsPublished = true, PublishedUtc = now, CreatedUtc = now, UpdatedUtc = now },
                new NewsItem { Title = DraftNews, BodyMarkdown = "本文", BodyHtml = "<p>本文</p>", CreatedUtc = now, UpdatedUtc = now });
            db.Reports.AddRange(
                new Report { Title = PublishedReport, Summary = "概要", Authors = "著者 一郎 | テスト大学", FiscalYear = 2008, IsPublished = true, PublishedUtc = now, CreatedUtc = now, UpdatedUtc = now },
                new Report { Title = DraftReport, Summary = "概要", Authors = "著者", FiscalYear = 2008, CreatedUtc = now, UpdatedUtc = now });
            await db.SaveChangesAsync();
        });
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        return new OpenDataWorld(app, published, await app.SignedInAsync("secretariat@example.jp"));
    }

    /// <summary>Builds a bundle as the secretariat does, from the admin page.</summary>
    public async Task BuildBundleAsync()
    {
        var response = await Secretariat.SubmitAsync("/admin/opendata", "/admin/opendata/build");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task<Bundle> DownloadAsync()
    {
        var response = await App.CreateClientFor().GetAsync("/opendata/latest.zip");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return new Bundle(await response.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>An unzipped bundle: raw bytes of each entry, CSV rows parsed by CsvHelper, JSON by System.Text.Json.</summary>
public sealed class Bundle
{
    public Dictionary<string, byte[]> Entries { get; } = new();

    public Bundle(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Entries[entry.FullName] = copy.ToArray();
        }
    }

    public string Text(string name) => Encoding.UTF8.GetString(Entries[name]);

    /// <summary>Header then rows; the BOM must be there (checked here) and is skipped.</summary>
    public List<string[]> Csv(string name)
    {
        var bytes = Entries[name];
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)), new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(csv.Parser.Record!);
        return rows;
    }

    public JsonElement Json(string name) => JsonDocument.Parse(Entries[name]).RootElement;

    public List<JsonElement> Items(string name) => Json(name).GetProperty("items").EnumerateArray().ToList();
}
