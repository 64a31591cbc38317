using System.Net;
using System.Text.RegularExpressions;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary>Two member sites with an editor each (unit 市民協働課), for case tests driven over HTTP.</summary>
public sealed partial record CaseTestSite(TestApp App, string A, string B, int UnitA, int UnitB, HttpClient EditorA, HttpClient EditorB)
{
    public static async Task<CaseTestSite> CreateAsync(TestApp app, bool approvalA = false)
    {
        var a = await app.CreateTenantWithPageAsync("intro", "はじめに");
        var b = await app.CreateTenantWithPageAsync("intro", "はじめに");
        if (!approvalA)
            await app.PublishWithoutApprovalAsync(a);
        await app.PublishWithoutApprovalAsync(b);
        var unitA = await app.CreateDepartmentAsync(a, "市民協働課", phone: "043-000-0000");
        var unitB = await app.CreateDepartmentAsync(b, "市民活動推進課");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor], [unitA]);
        await app.CreateUserAsync(b, "editor@b.example.jp", [Roles.MemberEditor], [unitB]);
        return new CaseTestSite(app, a, b, unitA, unitB, await app.SignedInAsync("editor@a.example.jp", $"/{a}"), await app.SignedInAsync("editor@b.example.jp", $"/{b}"));
    }

    /// <summary>A valid case form for <paramref name="unit"/>, with <paramref name="changes"/> replacing or adding fields.</summary>
    public static List<KeyValuePair<string, string>> Form(int unit, string title, params (string Key, string Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("title", title), new("summary", $"{title}の概要。NPOと行政が協働して子育て支援に取り組んだ。"),
            new("activities", "NPO法人と市が役割を分担し、子育て相談の窓口を開いた。"), new("background", "相談先が分かりにくいという声があった。"),
            new("startFiscalYear", "2006"), new("endFiscalYear", ""), new("relationshipType", "collaboration"),
            new("fields", "childcare"), new("fields", "welfare"), new("methods", "subsidy"), new("methods", "project-cooperation"),
            new("partners", "特定非営利活動法人 子育てネット"), new("budgets", "2006: 1200000\n2007: 1500000"),
            new("links", "市の子育て支援 | https://example.jp/kosodate"), new("owner", unit.ToString()), new("action", "publish"),
        };
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Key == key);
            if (value.Length > 0 || key is "endFiscalYear" or "adaptedFrom")
                fields.Add(new(key, value));
        }
        return fields;
    }

    public async Task<HttpResponseMessage> CreateAsync(HttpClient editor, string tenant, IEnumerable<KeyValuePair<string, string>> form) =>
        await editor.SubmitAsync($"/{tenant}/admin/cases/new", $"/{tenant}/admin/cases", form);

    /// <summary>Creates (and, on a site without approval, publishes) a case; returns its id.</summary>
    public async Task<int> CreateCaseAsync(string tenant, string title, params (string Key, string Value)[] changes)
    {
        var (editor, unit) = tenant == A ? (EditorA, UnitA) : (EditorB, UnitB);
        var response = await CreateAsync(editor, tenant, Form(unit, title, changes));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Case not created: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(CaseId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    /// <summary>Posts a multipart form (with files) after reading the antiforgery token from <paramref name="formUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(HttpClient client, string formUrl, string postUrl,
        IEnumerable<KeyValuePair<string, string>> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        var page = await TestApp.ParseAsync(await client.GetAsync(formUrl));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
            content.Add(new StringContent(value), key);
        foreach (var (field, name, bytes) in files)
            content.Add(new ByteArrayContent(bytes), field, name);
        return await client.PostAsync(postUrl, content);
    }

    [GeneratedRegex(@"/admin/cases/(\d+)$")]
    private static partial Regex CaseId();
}
