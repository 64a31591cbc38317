using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Feedback;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Feedback;

/// <summary>「このページの内容は役に立ちましたか？」 on content pages, and the tallies editors read.</summary>
public abstract class PageFeedbackTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Readers_answer_without_login_bad_answers_store_nothing_and_editors_see_tallies_of_their_own_site()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var s = await CaseTestSite.CreateAsync(app);
        var caseId = await s.CreateCaseAsync(s.A, "評価される事例");
        var draft = await s.CreateCaseAsync(s.A, "下書きの事例", ("action", "save"));

        // The hub's copy of the case posts to the member's site.
        var (_, hubPage) = await app.GetPageAsync($"/cases/{caseId}");
        var form = hubPage.QuerySelector("section.feedback form")!;
        Assert.Equal($"/{s.A}/feedback", form.GetAttribute("action"));
        var reader = app.Browser();
        async Task<HttpResponseMessage> Post(params (string, string)[] fields) =>
            await reader.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

        Assert.Equal(HttpStatusCode.OK, (await Post(("contentType", "PolicyCase"), ("contentId", caseId.ToString()), ("helpful", "yes"), ("comment", "参考になりました"), ("return", $"/cases/{caseId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(("contentType", "PolicyCase"), ("contentId", caseId.ToString()), ("helpful", "no"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(("contentType", "PolicyCase"), ("contentId", caseId.ToString()))).StatusCode); // no answer
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(("contentType", "PolicyCase"), ("contentId", draft.ToString()), ("helpful", "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(("contentType", "PolicyCase"), ("contentId", caseId.ToString()), ("helpful", "yes"), ("website", "http://spam.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(("contentType", "PolicyCase"), ("contentId", caseId.ToString()), ("helpful", "yes"), ("comment", new string('あ', 501)))).StatusCode);
        // Another site cannot receive answers about A's case.
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.PostAsync($"/{s.B}/feedback", new FormUrlEncodedContent([new("contentType", "PolicyCase"), new("contentId", caseId.ToString()), new("helpful", "yes")]))).StatusCode);
        Assert.Equal(2, await app.InTenantAsync(s.A, db => db.PageFeedback.CountAsync()));
        Assert.Equal(0, await app.InTenantAsync(s.B, db => db.PageFeedback.CountAsync()));

        var tallies = await (await s.EditorA.GetAsync($"/{s.A}/admin/feedback")).DocumentAsync();
        var row = tallies.QuerySelectorAll("tbody tr").Single();
        Assert.Equal(["政策事例", "評価される事例", "1", "1"], row.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()));
        Assert.Contains("参考になりました", row.TextContent);
        var other = await (await s.EditorB.GetAsync($"/{s.B}/admin/feedback")).DocumentAsync();
        Assert.Empty(other.QuerySelectorAll("tbody tr"));
    }
}

public sealed class PageFeedbackTests_Sqlite() : PageFeedbackTests(DatabaseProvider.Sqlite);

public sealed class PageFeedbackTests_PostgreSql() : PageFeedbackTests(DatabaseProvider.PostgreSql);
