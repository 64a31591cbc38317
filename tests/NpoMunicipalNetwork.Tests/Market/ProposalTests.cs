using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Market;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Market;

/// <summary>Organisations' proposals: draft, submit with a confirmation mail, the deadline to the second, withdrawal, and who sees what.</summary>
public abstract class ProposalTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<MarketTestSite> SiteAsync() => MarketTestSite.CreateAsync((settings, services) => StartAsync(settings: settings, services: services));

    private static Task<MarketProposal> ProposalAsync(TestApp app, int id) =>
        app.InTenantAsync(null, db => db.MarketProposals.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task An_organisation_drafts_edits_and_submits_and_is_sent_a_confirmation()
    {
        var m = await SiteAsync();
        var round = await m.CreateRoundAsync();
        var id = await MarketTestSite.DraftAsync(m.Npo, round, "子育てサロン事業");
        Assert.Equal(ProposalStatus.Draft, (await ProposalAsync(m.App, id)).Status);
        // A draft is the organisation's own: the site's staff do not see it yet.
        Assert.Equal(HttpStatusCode.NotFound, (await m.Sites.EditorA.GetAsync($"/{m.Sites.A}/admin/market/proposals/{id}")).StatusCode);

        // Over the ceiling: a Japanese message, nothing changed.
        var over = await m.Npo.SubmitAsync($"/market/proposals/{id}", $"/market/proposals/{id}",
            MarketTestSite.ProposalForm("子育てサロン事業", "submit", ("budget", "3000001"), ("version", "0")));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("上限額（3,000,000円）以内", (await over.DocumentAsync()).QuerySelector("#error-budget")!.TextContent);
        Assert.Equal(ProposalStatus.Draft, (await ProposalAsync(m.App, id)).Status);

        var submit = await m.Npo.SubmitAsync($"/market/proposals/{id}", $"/market/proposals/{id}",
            MarketTestSite.ProposalForm("子育てサロン事業（改訂）", "submit", ("version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var p = await ProposalAsync(m.App, id);
        Assert.Equal(ProposalStatus.Submitted, p.Status);
        Assert.Equal("子育てサロン事業（改訂）", p.Title);
        Assert.Equal(MarketTestSite.Now.UtcDateTime, p.SubmittedUtc);
        var mail = Assert.Single(m.App.Mails(), x => x.Subject.Contains("提案を受け付けました"));
        Assert.Equal("npo@npo.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Contains("子育てサロン事業（改訂）", mail.TextBody);

        var list = await (await m.Npo.GetAsync("/market/proposals")).DocumentAsync();
        Assert.Contains("提出済み", list.QuerySelector("main table")!.TextContent);
        // The site's staff now see it.
        var staff = await (await m.Sites.EditorA.GetAsync($"/{m.Sites.A}/admin/market/proposals")).DocumentAsync();
        Assert.Contains("子育てサロン事業（改訂）", staff.QuerySelector("main")!.TextContent);
        Assert.Contains("特定非営利活動法人まちづくりネット", staff.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_deadline_is_enforced_to_the_second_and_withdrawal_only_before_it()
    {
        var m = await SiteAsync();
        var round = await m.CreateRoundAsync();
        var late = await MarketTestSite.DraftAsync(m.Npo, round, "締切後に出す提案");
        var withdrawn = await MarketTestSite.DraftAsync(m.Npo, round, "取り下げる提案", "submit");
        var kept = await MarketTestSite.DraftAsync(m.Npo, round, "出したままの提案", "submit");
        var token = await MarketTestSite.TokenAsync(m.Npo, $"/market/proposals/{late}");

        // One second before the deadline a withdrawal is accepted …
        m.Clock.SetUtcNow(MarketTestSite.Closes.AddSeconds(-1));
        var withdrawal = await MarketTestSite.PostAsync(m.Npo, $"/market/proposals/{withdrawn}/withdraw", token, []);
        Assert.Equal($"/market/proposals/{withdrawn}?done=withdrawn", withdrawal.Headers.Location?.OriginalString);
        Assert.Equal(ProposalStatus.Withdrawn, (await ProposalAsync(m.App, withdrawn)).Status);

        // … one second after it, nothing is: submit, edit, withdraw, a new draft.
        m.Clock.SetUtcNow(MarketTestSite.Closes.AddSeconds(1));
        var before = await ProposalAsync(m.App, late);
        var mails = m.App.Mails().Count;
        var submit = await MarketTestSite.PostAsync(m.Npo, $"/market/proposals/{late}", token, MarketTestSite.ProposalForm("締切後に出す提案", "submit", ("version", "0")));
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("締切（令和8年6月30日 17時00分）を過ぎたため", (await submit.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var after = await ProposalAsync(m.App, late);
        Assert.Equal((ProposalStatus.Draft, before.UpdatedUtc, before.Version), (after.Status, after.UpdatedUtc, after.Version));
        Assert.Equal(HttpStatusCode.BadRequest, (await MarketTestSite.PostAsync(m.Npo, $"/market/proposals/{kept}/withdraw", token, [])).StatusCode);
        Assert.Equal(ProposalStatus.Submitted, (await ProposalAsync(m.App, kept)).Status);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await MarketTestSite.PostAsync(m.Npo, $"/market/rounds/{round}/propose", token, MarketTestSite.ProposalForm("新しい提案", "submit"))).StatusCode);
        Assert.Equal(3, await m.App.InTenantAsync(null, db => db.MarketProposals.CountAsync()));
        Assert.Equal(mails, m.App.Mails().Count);
    }

    [Fact]
    public async Task Nobody_else_reads_or_changes_a_proposal_and_staff_never_propose()
    {
        var m = await SiteAsync();
        var round = await m.CreateRoundAsync();
        var id = await MarketTestSite.DraftAsync(m.Npo, round, "守られる提案", "submit");
        var token = await MarketTestSite.TokenAsync(m.OtherNpo, $"/market/rounds/{round}/propose");

        // Another organisation: 404 on read, change and withdrawal, and its list does not show it.
        Assert.Equal(HttpStatusCode.NotFound, (await m.OtherNpo.GetAsync($"/market/proposals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await MarketTestSite.PostAsync(m.OtherNpo, $"/market/proposals/{id}", token, MarketTestSite.ProposalForm("乗っ取り", "save", ("version", "0")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MarketTestSite.PostAsync(m.OtherNpo, $"/market/proposals/{id}/withdraw", token, [])).StatusCode);
        Assert.DoesNotContain("守られる提案", await (await m.OtherNpo.GetAsync("/market/proposals")).Content.ReadAsStringAsync());
        var p = await ProposalAsync(m.App, id);
        Assert.Equal(("守られる提案", ProposalStatus.Submitted), (p.Title, p.Status));

        // Staff of another member site see none of the round's proposals.
        Assert.DoesNotContain("守られる提案", await (await m.Sites.EditorB.GetAsync($"/{m.Sites.B}/admin/market/proposals")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await m.Sites.EditorB.GetAsync($"/{m.Sites.B}/admin/market/proposals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await m.Sites.EditorA.GetAsync($"/{m.Sites.A}/admin/market/proposals/{id}")).StatusCode);

        // Anonymous visitors are sent to the organisations' sign-in.
        var anonymous = await m.App.Browser().GetAsync($"/market/rounds/{round}/propose");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/organisations/login?returnUrl=", anonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await m.App.Browser().GetAsync($"/market/proposals/{id}")).StatusCode);

        // Staff (the secretariat on the hub) cannot propose; a member site has no proposal pages at all.
        await m.App.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await m.App.SignedInAsync("secretariat@example.jp");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync($"/market/rounds/{round}/propose")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/market/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await m.Sites.EditorA.GetAsync($"/{m.Sites.A}/market/rounds/{round}/propose")).StatusCode);

        // The organisation cannot reach the round's admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await m.Npo.GetAsync($"/{m.Sites.A}/admin/market")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await m.Npo.GetAsync($"/{m.Sites.A}/admin/market/{round}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await m.Npo.GetAsync($"/{m.Sites.A}/admin/market/proposals")).StatusCode);
        Assert.Equal(1, await m.App.InTenantAsync(null, db => db.MarketProposals.CountAsync()));
    }
}

public sealed class ProposalTests_Sqlite() : ProposalTests(DatabaseProvider.Sqlite);

public sealed class ProposalTests_PostgreSql() : ProposalTests(DatabaseProvider.PostgreSql);
