using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Forums;

/// <summary>Uploaded material files (through the shared Files feature) and policy cases presented in a session.</summary>
public abstract class ForumFilesAndCasesTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private async Task<(TestApp App, int Forum, HttpClient Organiser)> StartWithOrganiserAsync()
    {
        var app = await StartAsync(settings: ForumTestData.Settings);
        var forum = await app.CreateOpenForumAsync(7, capacity: 10);
        var organiserId = await app.CreateUserAsync("hub", "organiser@example.jp", [Roles.ForumOrganizer]);
        await app.InTenantAsync(null, async db =>
        {
            db.ForumOrganizers.Add(new ForumOrganizerAssignment { ForumId = forum, UserId = organiserId, AssignedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return (app, forum, await app.SignedInAsync("organiser@example.jp"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string title, string scope, byte[] bytes, string fileName)
    {
        var page = await client.GetAsync(url);
        var token = (await page.DocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "title" },
            { new StringContent(scope), "scope" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync(url, content);
    }

    [Fact]
    public async Task An_uploaded_PDF_is_served_from_the_database_and_packed_in_the_ZIP_and_a_fake_one_is_refused()
    {
        var (app, forum, organiser) = await StartWithOrganiserAsync();
        await using var _ = app;
        var url = $"/admin/forums/{forum}/materials";

        var fake = await UploadAsync(organiser, url, "偽のPDF", "public", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "slides.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("資料のファイル：ファイル「slides.pdf」の内容は", (await fake.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.False(await app.InTenantAsync(null, db => db.StoredFiles.AnyAsync()));
        Assert.False(await app.InTenantAsync(null, db => db.ForumMaterials.AnyAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(organiser, url, "基調講演スライド", "public", Pdf, "keynote.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(organiser, url, "会員向け資料", "members", Pdf, "members.pdf")).StatusCode);
        var ids = await app.InTenantAsync(null, db => db.ForumMaterials.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());

        var download = await app.CreateClientFor().GetAsync($"/forums/materials/{ids[0]}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientFor().GetAsync($"/forums/materials/{ids[1]}")).StatusCode);

        using var zip = new ZipArchive(await (await app.CreateClientFor().GetAsync("/forums/7/materials.zip")).Content.ReadAsStreamAsync());
        Assert.Equal(["01_keynote.pdf", "資料一覧.txt"], zip.Entries.Select(e => e.FullName).Order().ToArray());
        using var entry = new MemoryStream();
        await zip.GetEntry("01_keynote.pdf")!.Open().CopyToAsync(entry);
        Assert.Equal(Pdf, entry.ToArray());
    }

    [Fact]
    public async Task Cases_presented_in_a_session_link_to_their_pages_and_only_published_cases_are_accepted()
    {
        var (app, forum, organiser) = await StartWithOrganiserAsync();
        await using var _ = app;
        async Task<int> CaseAsync(string title, bool published) => await app.InTenantAsync("chiba", async db =>
        {
            var c = new PolicyCase { Title = title, Summary = "概要", StartFiscalYear = 2020, IsPublished = published, PublishedUtc = published ? DateTime.UtcNow : null, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
            db.PolicyCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var published = await CaseAsync("ちばパートナーシップ市場（テスト）", true);
        var draft = await CaseAsync("下書きの事例", false);
        var session = await app.SessionIdAsync(forum, "全体会テスト");
        var edit = $"/admin/forums/{forum}/sessions/{session}/edit";
        var post = $"/admin/forums/{forum}/sessions/{session}";
        (string, string)[] Fields(string cases) =>
            [("kind", "Plenary"), ("title", "全体会テスト"), ("date", "2030-10-01"), ("start", "13:00"), ("end", "15:30"), ("speakers", "試験 一郎｜テスト市｜基調講演"), ("cases", cases)];

        var form = await (await organiser.GetAsync(edit)).DocumentAsync();
        Assert.Contains("ちばパートナーシップ市場（テスト）", form.QuerySelector("details table")!.TextContent);
        Assert.DoesNotContain("下書きの事例", form.QuerySelector("main")!.TextContent);

        var refused = await organiser.SubmitAsync(edit, post, Fields($"{published} {draft}"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"番号 {draft} の公開中の事例はありません", (await refused.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.False(await app.InTenantAsync(null, db => db.ForumSessionCases.AnyAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(edit, post, Fields($"#{published}"))).StatusCode);
        var (_, page) = await app.GetPageAsync("/forums/7");
        var link = page.QuerySelector($"#session-{session} ~ p a[href='/chiba/cases/{published}']") ?? page.QuerySelector($"a[href='/chiba/cases/{published}']");
        Assert.NotNull(link);
        Assert.Equal("ちばパートナーシップ市場（テスト）", link!.TextContent);
        Assert.Equal($"{published}", (await (await organiser.GetAsync(edit)).DocumentAsync()).QuerySelector("#field-cases")!.GetAttribute("value"));
    }
}

public sealed class ForumFilesAndCasesTests_Sqlite() : ForumFilesAndCasesTests(DatabaseProvider.Sqlite);

public sealed class ForumFilesAndCasesTests_PostgreSql() : ForumFilesAndCasesTests(DatabaseProvider.PostgreSql);
