using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Infrastructure;
using NpoMunicipalNetwork.Tests.Organisations;

namespace NpoMunicipalNetwork.Tests.Market;

/// <summary>
/// Two member sites with an editor each (<see cref="CaseTestSite"/>), two organisations, and a fake clock at
/// 2026-06-30 16:00 JST; a round of site A open from 2026-05-01 09:00 to 2026-06-30 17:00 JST.
/// </summary>
public sealed record MarketTestSite(TestApp App, CaseTestSite Sites, FakeTimeProvider Clock, HttpClient Npo, HttpClient OtherNpo)
{
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 7, 0, 0, TimeSpan.Zero); // an hour before the deadline: sessions outlive the test's clock moves
    public static readonly DateTimeOffset Closes = new(2026, 6, 30, 8, 0, 0, TimeSpan.Zero); // 17:00 JST

    public static async Task<MarketTestSite> CreateAsync(Func<IDictionary<string, string?>, Action<IServiceCollection>, Task<TestApp>> start)
    {
        var clock = new FakeTimeProvider(Now);
        // The fake clock moves in a test; the output cache keeps real time, so it is off here.
        var app = await start(new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" }, s => s.AddSingleton<TimeProvider>(clock));
        var sites = await CaseTestSite.CreateAsync(app);
        await app.CreateAsync("npo@npo.example.jp", "特定非営利活動法人まちづくりネット");
        await app.CreateAsync("other@other.example.jp", "別の団体");
        return new MarketTestSite(app, sites, clock, await app.OrganisationSignedInAsync("npo@npo.example.jp"), await app.OrganisationSignedInAsync("other@other.example.jp"));
    }

    /// <summary>A valid round form for site A, with <paramref name="changes"/> replacing fields.</summary>
    public List<KeyValuePair<string, string>> RoundForm(string title, params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["title"] = title, ["fiscalYear"] = "2027", ["owner"] = Sites.UnitA.ToString(),
            ["issueTitle1"] = "子育て世代の孤立", ["issueBackground1"] = "転入世帯が地域とつながりにくい。", ["issueContribution1"] = "公民館の会場、広報紙での周知",
            ["issueSynergy1"] = "NPOの相談力と市の周知力を合わせる。",
            ["issueTitle2"] = "空き家の活用", ["issueBackground2"] = "空き家が増えている。", ["issueContribution2"] = "所有者への案内", ["issueSynergy2"] = "地域の居場所づくり",
            ["opensAt"] = "2026-05-01T09:00", ["closesAt"] = "2026-06-30T17:00", ["eligibility"] = "市内で活動する特定非営利活動法人など",
            ["ceiling"] = "3000000", ["documents"] = "提案書、団体の定款、前年度の事業報告書", ["criteria"] = "協働の必要性 | 30\n実現可能性 | 40\n波及効果 | 30",
            ["schedule"] = "書類審査 7月、公開プレゼンテーション 8月、採択決定 9月", ["action"] = "publish",
        };
        foreach (var (k, v) in changes)
            fields[k] = v;
        return fields.ToList();
    }

    /// <summary>Creates (and publishes, site A has no approval) a round of site A; returns its id.</summary>
    public async Task<int> CreateRoundAsync(string title = "令和9年度 協働事業提案制度", params (string Key, string Value)[] changes)
    {
        var response = await Sites.EditorA.SubmitAsync($"/{Sites.A}/admin/market/new", $"/{Sites.A}/admin/market", RoundForm(title, changes));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(s => s.Length > 0 && char.IsDigit(s[0])));
    }

    public static List<KeyValuePair<string, string>> ProposalForm(string title, string action = "save", params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["title"] = title, ["issue"] = "1", ["summary"] = "転入世帯向けの子育てサロンを公民館で毎月開く。", ["npoRole"] = "サロンの運営と相談",
            ["governmentRole"] = "会場の提供と広報紙での周知", ["budget"] = "1500000", ["schedule"] = "4月準備、5月から毎月開催", ["action"] = action,
        };
        foreach (var (k, v) in changes)
            fields[k] = v;
        return fields.ToList();
    }

    /// <summary>The antiforgery token of a page with a form (read while the call is open; it stays valid after the deadline).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var doc = await (await client.GetAsync(url)).DocumentAsync();
        return doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException($"No token on {url}");
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    /// <summary>Drafts a proposal as <paramref name="npo"/>; returns its id.</summary>
    public static async Task<int> DraftAsync(HttpClient npo, int roundId, string title, string action = "save")
    {
        var response = await npo.SubmitAsync($"/market/rounds/{roundId}/propose", $"/market/rounds/{roundId}/propose", ProposalForm(title, action));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());
    }
}
