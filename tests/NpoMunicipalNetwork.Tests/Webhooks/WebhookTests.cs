using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;
using NpoMunicipalNetwork.Webhooks;

namespace NpoMunicipalNetwork.Tests.Webhooks;

/// <summary>Webhooks end to end: subscription form, outbox written with the change, signed delivery, retries, isolation, SSRF refusal.</summary>
public abstract class WebhookTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<WebhookWorld> WorldAsync(IDictionary<string, string?>? settings = null) =>
        WebhookWorld.BuildAsync((s, services) => StartAsync(settings: s, services: services), settings);

    private static string Hmac(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public async Task Publishing_a_case_sends_a_signed_event_to_its_own_site_and_the_hub_only()
    {
        var w = await WorldAsync();
        await using var _ = w.App;
        var (created, secretA) = await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://a.example.jp/hook", "case.published");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", secretA);
        var (_, secretHub) = await WebhookWorld.SubscribeAsync(w.Secretariat, "", "https://hub.example.jp/hook", "case.published");
        await WebhookWorld.SubscribeAsync(w.AdminB, $"/{w.B}", "https://b.example.jp/hook", "case.published", "forum.registration_opened");

        // The secret is never shown again.
        var list = await (await w.AdminA.GetAsync($"/{w.A}/admin/webhooks")).DocumentAsync();
        Assert.DoesNotContain(secretA!, list.Body!.InnerHtml);
        Assert.Contains("…" + secretA![^4..], list.QuerySelector("main table")!.TextContent);

        await w.App.CreateCaseAsync(w.A, CaseTestHelpers.Content("下書きの事例"), publish: false);
        var caseId = await w.App.CreateCaseAsync(w.A, CaseTestHelpers.Content("公開した事例"));
        var run = await w.Dispatcher.RunOnceAsync();
        Assert.Equal(new WebhookRun(1, 2, 0, 0), run);
        Assert.Empty(w.Receivers.To("b.example.jp"));
        Assert.Single(w.Receivers.To("hub.example.jp"));

        var request = Assert.Single(w.Receivers.To("a.example.jp"));
        Assert.Equal("case.published", request.Headers["X-Npo-Event"]);
        Assert.Equal(Hmac(secretA, request.Body), request.Headers["X-Npo-Signature"]);
        Assert.NotEqual(Hmac(secretA, request.Body), w.Receivers.To("hub.example.jp")[0].Headers["X-Npo-Signature"]); // each subscription signs with its own secret
        Assert.Equal(Hmac(secretHub!, w.Receivers.To("hub.example.jp")[0].Body), w.Receivers.To("hub.example.jp")[0].Headers["X-Npo-Signature"]);
        Assert.Equal(w.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), request.Headers["X-Npo-Timestamp"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var key = await w.App.InTenantAsync(null, db => db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Delivered).Select(d => d.Key).ToListAsync());
        Assert.Contains(Guid.Parse(request.Headers["X-Npo-Delivery"]), key);

        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("case.published", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(caseId, data.GetProperty("id").GetInt32());
        Assert.Equal("公開した事例", data.GetProperty("title").GetString());
        Assert.Equal(w.A, data.GetProperty("site").GetProperty("name").GetString());
        Assert.EndsWith($"/{w.A}/cases/{caseId}", data.GetProperty("url").GetString());

        // Nothing more to send; the log shows the delivery.
        Assert.Equal(new WebhookRun(0, 0, 0, 0), await w.Dispatcher.RunOnceAsync());
        var page = await (await w.AdminA.GetAsync($"/{w.A}/admin/webhooks")).DocumentAsync();
        Assert.Contains(page.QuerySelectorAll("main table tbody tr"), tr => tr.TextContent.Contains("case.published") && tr.TextContent.Contains("送信済み"));
    }

    [Fact]
    public async Task Publishing_news_sends_news_published_with_the_body_from_the_types_own_event_and_a_draft_sends_nothing()
    {
        var w = await WorldAsync();
        await using var _ = w.App;
        var (_, secret) = await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://a.example.jp/hook", "news.published");
        Assert.NotNull(secret);
        // The subscription form offers every content type's event by its Japanese name.
        var form = await (await w.AdminA.GetAsync($"/{w.A}/admin/webhooks")).DocumentAsync();
        Assert.Contains("news.published（お知らせが公開されたとき）", form.Body!.TextContent);

        await PublishNewsAsync(w, "下書きのお知らせ", publish: false);
        var id = await PublishNewsAsync(w, "説明会のお知らせ", publish: true);
        Assert.Equal(new WebhookRun(1, 1, 0, 0), await w.Dispatcher.RunOnceAsync());

        var request = Assert.Single(w.Receivers.To("a.example.jp"));
        Assert.Equal("news.published", request.Headers["X-Npo-Event"]);
        using var body = JsonDocument.Parse(request.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(id, data.GetProperty("id").GetInt32());
        Assert.Equal("説明会のお知らせ", data.GetProperty("title").GetString());
        Assert.Equal("本文 説明会のお知らせ", data.GetProperty("body").GetString());
        Assert.EndsWith($"/{w.A}/news/{id}", data.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.String, data.GetProperty("publishedAt").ValueKind);
    }

    private static async Task<int> PublishNewsAsync(WebhookWorld w, string title, bool publish)
    {
        using var scope = w.App.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(w.A) ?? throw new InvalidOperationException(w.A);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var type = scope.ServiceProvider.GetRequiredService<global::NpoMunicipalNetwork.News.NewsContentWorkflowType>();
        var item = new global::NpoMunicipalNetwork.News.NewsItem();
        await type.SaveAsync(scope.ServiceProvider, item, new global::NpoMunicipalNetwork.News.NewsContent(title, "本文 " + title, null), null, null, new global::NpoMunicipalNetwork.Publishing.Actor(0, "テスト"), "テスト", default);
        if (publish)
            await type.Workflow(scope.ServiceProvider).PublishDirectlyAsync(item, default);
        await scope.ServiceProvider.GetRequiredService<NetworkDbContext>().SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_backoff_and_given_up_after_the_last_wait()
    {
        var w = await WorldAsync(new Dictionary<string, string?> { ["Webhooks:RetryMinutes"] = "1,5" });
        await using var _ = w.App;
        // down.example.jp always fails; flaky.example.jp fails once, then works.
        w.Receivers.Answer = (host, before) => host == "down.example.jp" || before == 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://down.example.jp/hook", "case.published");
        await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://flaky.example.jp/hook", "case.published");
        await w.App.CreateCaseAsync(w.A, CaseTestHelpers.Content("再送の試験"));

        Assert.Equal(new WebhookRun(1, 0, 2, 0), await w.Dispatcher.RunOnceAsync());
        var down = await w.App.InTenantAsync(null, db => db.WebhookDeliveries.SingleAsync(d => db.Set<WebhookSubscription>().IgnoreQueryFilters()
            .Any(s => s.Id == d.SubscriptionId && s.Url.Contains("down"))));
        Assert.Equal(1, down.Attempts);
        Assert.Equal(500, down.LastStatusCode);
        Assert.Equal(w.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), down.NextAttemptUtc);

        Assert.Equal(new WebhookRun(0, 0, 0, 0), await w.Dispatcher.RunOnceAsync()); // not yet
        w.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new WebhookRun(0, 0, 0, 0), await w.Dispatcher.RunOnceAsync());
        w.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new WebhookRun(0, 1, 1, 0), await w.Dispatcher.RunOnceAsync()); // flaky delivered, down waits 5 minutes
        w.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(new WebhookRun(0, 0, 0, 0), await w.Dispatcher.RunOnceAsync());
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new WebhookRun(0, 0, 0, 1), await w.Dispatcher.RunOnceAsync()); // third attempt fails: no waits left
        // (read before the clock jumps a day, which would end the sign-in)
        var page = await (await w.AdminA.GetAsync($"/{w.A}/admin/webhooks")).DocumentAsync();
        var row = page.QuerySelectorAll("main table tbody tr").Single(tr => tr.TextContent.Contains("down.example.jp") && tr.TextContent.Contains("失敗"));
        Assert.Contains("3回", row.TextContent);
        Assert.Contains("HTTP 500", row.TextContent);
        w.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new WebhookRun(0, 0, 0, 0), await w.Dispatcher.RunOnceAsync());

        var attempts = w.Receivers.To("down.example.jp");
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(r => r.Headers["X-Npo-Delivery"]).Distinct()); // one delivery id for every retry
        Assert.Single(attempts.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Equal(2, w.Receivers.To("flaky.example.jp").Count);
        var failed = await w.App.InTenantAsync(null, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == down.Id));
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        Assert.Null(failed.NextAttemptUtc);

    }

    [Fact]
    public async Task A_test_send_reaches_only_its_subscription_and_a_given_up_delivery_can_be_sent_once_more()
    {
        // No waits: a failed attempt is given up at once.
        var w = await WorldAsync(new Dictionary<string, string?> { ["Webhooks:RetryMinutes"] = "" });
        await using var _ = w.App;
        w.Receivers.Answer = (host, before) => host == "down.example.jp" && before == 0 ? HttpStatusCode.BadGateway : HttpStatusCode.OK;
        var (_, secret) = await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://a.example.jp/hook", "case.published");
        await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://down.example.jp/hook", "case.published");
        await WebhookWorld.SubscribeAsync(w.AdminB, $"/{w.B}", "https://b.example.jp/hook", "case.published");
        var id = await w.App.InTenantAsync(w.A, db => db.WebhookSubscriptions.Where(s => s.Url.Contains("a.example.jp")).Select(s => s.Id).SingleAsync());
        var show = $"/{w.A}/admin/webhooks/{id}";

        // Another site's administrator can neither ping it nor see a trace of trying.
        Assert.Equal(HttpStatusCode.NotFound, (await w.AdminB.SubmitAsync($"/{w.B}/admin/webhooks", $"/{w.B}/admin/webhooks/{id}/ping")).StatusCode);
        Assert.False(await w.App.InTenantAsync(null, db => db.WebhookEvents.AnyAsync()));

        var pinged = await w.AdminA.SubmitAsync(show, $"{show}/ping");
        Assert.Equal(HttpStatusCode.Redirect, pinged.StatusCode);
        Assert.Contains("テスト送信", (await (await w.AdminA.GetAsync(pinged.Headers.Location!.OriginalString)).DocumentAsync()).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(new WebhookRun(0, 1, 0, 0), await w.Dispatcher.RunOnceAsync());
        var request = Assert.Single(w.Receivers.Requests);
        Assert.Equal("a.example.jp", request.Url.Host);
        Assert.Equal("ping", request.Headers["X-Npo-Event"]);
        Assert.Equal(Hmac(secret!, request.Body), request.Headers["X-Npo-Signature"]);
        using (var body = JsonDocument.Parse(request.Body))
            Assert.Equal(id, body.RootElement.GetProperty("data").GetProperty("subscriptionId").GetInt32());
        var page = await (await w.AdminA.GetAsync(show)).DocumentAsync();
        Assert.Contains(page.QuerySelectorAll("main table tbody tr"), tr => tr.TextContent.Contains("ping") && tr.TextContent.Contains("送信済み"));

        // A real event: down.example.jp answers 502 once, and with no waits configured the delivery is given up.
        await w.App.CreateCaseAsync(w.A, CaseTestHelpers.Content("再送ボタンの試験"));
        Assert.Equal(new WebhookRun(1, 1, 0, 1), await w.Dispatcher.RunOnceAsync());
        var downId = await w.App.InTenantAsync(w.A, db => db.WebhookSubscriptions.Where(s => s.Url.Contains("down")).Select(s => s.Id).SingleAsync());
        var failed = await w.App.InTenantAsync(null, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.SubscriptionId == downId));
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        var retry = $"/{w.A}/admin/webhooks/{downId}/deliveries/{failed.Key}/retry";
        Assert.NotNull((await (await w.AdminA.GetAsync($"/{w.A}/admin/webhooks/{downId}")).DocumentAsync()).QuerySelector($"form[action='{retry}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await w.AdminB.SubmitAsync($"/{w.B}/admin/webhooks", $"/{w.B}/admin/webhooks/{downId}/deliveries/{failed.Key}/retry")).StatusCode);
        Assert.Equal(WebhookDeliveryStatus.Failed, (await w.App.InTenantAsync(null, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == failed.Id))).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await w.AdminA.SubmitAsync($"/{w.A}/admin/webhooks/{downId}", retry)).StatusCode);
        Assert.Equal(new WebhookRun(0, 1, 0, 0), await w.Dispatcher.RunOnceAsync());
        var resent = await w.App.InTenantAsync(null, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == failed.Id));
        Assert.Equal(WebhookDeliveryStatus.Delivered, resent.Status);
        Assert.Equal(2, resent.Attempts);
        Assert.Single(w.Receivers.To("down.example.jp").Select(r => r.Headers["X-Npo-Delivery"]).Distinct()); // the same delivery id again

        // Only a given-up delivery can be sent again.
        var again = await w.AdminA.SubmitAsync($"/{w.A}/admin/webhooks/{downId}", retry);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("すでに届いています", await again.Content.ReadAsStringAsync());
        Assert.Equal(new WebhookRun(0, 0, 0, 0), await w.Dispatcher.RunOnceAsync());
        Assert.Empty(w.Receivers.To("b.example.jp"));

        var audited = await w.App.InTenantAsync(w.A, db => db.AuditEntries.Where(a => a.TargetType == AuditTargetTypes.Webhook && a.Action == AuditAction.Update)
            .Select(a => a.Summary).ToListAsync());
        Assert.Contains(audited, t => t.Contains("テスト送信"));
        Assert.Contains(audited, t => t.Contains("再送"));
    }

    [Fact]
    public async Task A_site_administrator_sees_and_deletes_only_their_own_subscriptions()
    {
        var w = await WorldAsync();
        await using var _ = w.App;
        await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://a-only.example.jp/hook", "case.published");
        var id = await w.App.InTenantAsync(w.A, db => db.WebhookSubscriptions.Select(s => s.Id).SingleAsync());
        await w.App.CreateUserAsync(w.A, "editor@a.example.jp", [Roles.MemberEditor]);
        var editor = await w.App.SignedInAsync("editor@a.example.jp", $"/{w.A}");

        Assert.Equal(HttpStatusCode.NotFound, (await w.AdminB.GetAsync($"/{w.B}/admin/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.AdminB.GetAsync($"/{w.B}/admin/webhooks/{id}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.AdminB.SubmitAsync($"/{w.B}/admin/webhooks", $"/{w.B}/admin/webhooks/{id}/delete")).StatusCode);
        Assert.DoesNotContain("a-only.example.jp", await (await w.AdminB.GetAsync($"/{w.B}/admin/webhooks")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/{w.A}/admin/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AdminA.GetAsync($"/{w.B}/admin/webhooks")).StatusCode); // signed in on A only
        Assert.True(await w.App.InTenantAsync(w.A, db => db.WebhookSubscriptions.AnyAsync(s => s.Id == id)));

        Assert.Equal(HttpStatusCode.OK, (await w.AdminA.GetAsync($"/{w.A}/admin/webhooks/{id}")).StatusCode);
        var deleted = await w.AdminA.SubmitAsync($"/{w.A}/admin/webhooks/{id}/delete", $"/{w.A}/admin/webhooks/{id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await w.App.InTenantAsync(w.A, db => db.WebhookSubscriptions.AnyAsync()));
        var actions = await w.App.InTenantAsync(w.A, db => db.AuditEntries.Where(a => a.TargetType == AuditTargetTypes.Webhook).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Delete], actions.Order());
    }

    [Theory]
    [InlineData("http://hooks.example.jp/npo", "https://")]
    [InlineData("https://127.0.0.1/npo", "内部ネットワーク")]
    [InlineData("https://localhost/npo", "内部ネットワーク")]
    [InlineData("https://api.localhost/npo", "内部ネットワーク")]
    [InlineData("https://10.1.2.3/npo", "内部ネットワーク")]
    [InlineData("https://172.20.0.1/npo", "内部ネットワーク")]
    [InlineData("https://192.168.0.10/npo", "内部ネットワーク")]
    [InlineData("https://169.254.169.254/latest/meta-data", "内部ネットワーク")]
    [InlineData("https://[::1]/npo", "内部ネットワーク")]
    [InlineData("https://[fd00::1]/npo", "内部ネットワーク")]
    [InlineData("https://user:secret@hooks.example.jp/npo", "パスワード")]
    [InlineData("hooks.example.jp/npo", "https://")]
    public async Task Urls_that_could_reach_inside_the_network_are_refused(string url, string message)
    {
        var w = await WorldAsync();
        await using var _ = w.App;
        var (response, secret) = await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", url, "case.published");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(secret);
        var doc = await response.DocumentAsync();
        var link = doc.QuerySelector(".error-summary a[href='#field-url']")!;
        Assert.Contains(message, link.TextContent);
        Assert.StartsWith("送信先のURL", link.TextContent);
        Assert.Equal(url, doc.QuerySelector("#field-url")!.GetAttribute("value"));
        Assert.False(await w.App.InTenantAsync(null, db => db.WebhookSubscriptions.IgnoreQueryFilters().AnyAsync()));

        var (noEvents, _) = await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://hooks.example.jp/npo");
        Assert.Equal(HttpStatusCode.BadRequest, noEvents.StatusCode);
        Assert.Contains("イベントを1つ以上", (await noEvents.DocumentAsync()).QuerySelector(".error-summary a[href='#field-events']")!.TextContent);
    }

    [Fact]
    public async Task At_delivery_a_name_that_resolves_inward_is_refused_by_the_connection_itself()
    {
        // A public-looking name may resolve to an internal address (or be re-pointed later): the connection checks the address it dials.
        using var client = new HttpClient(WebhookAddresses.Handler(development: false, allowPrivate: false));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("https://localhost:1/hook", new StringContent("{}")));
        Assert.Contains("内部ネットワーク", refused.Message);

        Assert.True(WebhookAddresses.IsPrivate(System.Net.IPAddress.Parse("::ffff:10.0.0.1")));
        Assert.True(WebhookAddresses.IsPrivate(System.Net.IPAddress.Parse("100.64.0.1")));
        Assert.True(WebhookAddresses.IsPrivate(System.Net.IPAddress.Parse("fe80::1")));
        Assert.False(WebhookAddresses.IsPrivate(System.Net.IPAddress.Parse("8.8.8.8")));
        Assert.False(WebhookAddresses.IsPrivate(System.Net.IPAddress.Parse("2400:cb00::1")));
        Assert.Null(WebhookAddresses.Problem("http://localhost:5000/hook", development: true, allowPrivate: false)); // a developer's own receiver
        Assert.NotNull(WebhookAddresses.Problem("http://localhost:5000/hook", development: false, allowPrivate: false));
        Assert.Null(WebhookAddresses.Problem("https://10.0.0.5/hook", development: false, allowPrivate: true)); // a closed network, configured
    }

    [Fact]
    public async Task The_event_is_written_in_the_same_transaction_as_the_change_and_not_at_all_when_it_fails()
    {
        var w = await WorldAsync();
        await using var _ = w.App;
        var draft = await w.App.CreateCaseAsync(w.A, CaseTestHelpers.Content("公開に失敗する事例"), publish: false);
        Task<int> Events() => w.App.InTenantAsync(null, db => db.WebhookEvents.CountAsync());
        Assert.Equal(0, await Events());

        // A publication whose save fails (here: a duplicate site name in the same unit of work) leaves no event.
        async Task PublishAsync(bool breakIt)
        {
            using var scope = w.App.Services.CreateScope();
            var tenant = (await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(w.A))!;
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            var item = await CaseWorkflow.WithChildren(db.PolicyCases).SingleAsync(c => c.Id == draft);
            await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().PublishDirectlyAsync(item, default);
            if (breakIt)
                db.Tenants.Add(new Tenant { Name = w.B, DisplayName = "重複" });
            await db.SaveChangesAsync();
        }
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => PublishAsync(breakIt: true));
        Assert.Equal(0, await Events());
        Assert.False(await w.App.InTenantAsync(w.A, db => db.PolicyCases.Where(c => c.Id == draft).Select(c => c.IsPublished).SingleAsync()));

        await PublishAsync(breakIt: false);
        var ev = await w.App.InTenantAsync(null, db => db.WebhookEvents.SingleAsync());
        Assert.Equal("case.published", ev.Type);
        Assert.Equal(await w.App.InTenantAsync(null, db => db.Tenants.Where(t => t.Name == w.A).Select(t => t.Id).SingleAsync()), ev.TenantId);

        // Forums are saved without an ambient transaction: the outbox opens its own, with the same result.
        var forum = await w.App.CreateOpenForumAsync(9, capacity: 10, status: "planned");
        async Task OpenForumAsync(bool breakIt) => await w.App.InTenantAsync(null, async db =>
        {
            var f = await db.Forums.SingleAsync(x => x.Id == forum);
            f.Status = ForumStatus.RegistrationOpen;
            if (breakIt)
                db.Tenants.Add(new Tenant { Name = w.B, DisplayName = "重複" });
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => OpenForumAsync(breakIt: true));
        Assert.Equal(1, await Events());
        Assert.Equal(ForumStatus.Planned, await w.App.InTenantAsync(null, db => db.Forums.Where(f => f.Id == forum).Select(f => f.Status).SingleAsync()));

        // Opened for real, it is a network-wide event: every site that subscribed to it receives it.
        await WebhookWorld.SubscribeAsync(w.AdminA, $"/{w.A}", "https://a.example.jp/hook", "forum.registration_opened");
        await WebhookWorld.SubscribeAsync(w.AdminB, $"/{w.B}", "https://b.example.jp/hook", "forum.registration_opened");
        await WebhookWorld.SubscribeAsync(w.Secretariat, "", "https://hub.example.jp/hook", "case.published");
        await OpenForumAsync(breakIt: false);
        Assert.Equal(2, await Events());
        var run = await w.Dispatcher.RunOnceAsync();
        Assert.Equal(new WebhookRun(2, 3, 0, 0), run); // the case to the hub; the forum to A and B
        foreach (var host in new[] { "a.example.jp", "b.example.jp" })
        {
            var request = Assert.Single(w.Receivers.To(host));
            Assert.Equal("forum.registration_opened", request.Headers["X-Npo-Event"]);
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal(9, body.RootElement.GetProperty("data").GetProperty("edition").GetInt32());
        }
        Assert.Equal("case.published", Assert.Single(w.Receivers.To("hub.example.jp")).Headers["X-Npo-Event"]);
    }
}

public sealed class WebhookTests_Sqlite() : WebhookTests(DatabaseProvider.Sqlite);

public sealed class WebhookTests_PostgreSql() : WebhookTests(DatabaseProvider.PostgreSql);
