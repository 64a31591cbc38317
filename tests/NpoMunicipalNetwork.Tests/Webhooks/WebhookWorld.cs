using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Tests.Infrastructure;
using NpoMunicipalNetwork.Webhooks;

namespace NpoMunicipalNetwork.Tests.Webhooks;

/// <summary>Stands in for the receivers: records every request (headers and body bytes) and answers with the status its rule picks.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    public sealed record Received(Uri Url, Dictionary<string, string> Headers, byte[] Body);

    private readonly List<Received> _received = [];

    /// <summary>The status to answer for a request to a host, given how many requests that host had before; 200 by default.</summary>
    public Func<string, int, HttpStatusCode> Answer { get; set; } = (_, _) => HttpStatusCode.OK;

    public IReadOnlyList<Received> Requests
    {
        get { lock (_received) return _received.ToList(); }
    }

    public IReadOnlyList<Received> To(string host) => Requests.Where(r => r.Url.Host == host).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct);
        int before;
        lock (_received)
        {
            before = _received.Count(r => r.Url.Host == request.RequestUri!.Host);
            _received.Add(new Received(request.RequestUri!, headers, body));
        }
        return new HttpResponseMessage(Answer(request.RequestUri!.Host, before));
    }

    /// <summary>Never disposed by the client factory's handler rotation: the test owns it.</summary>
    protected override void Dispose(bool disposing)
    {
    }
}

/// <summary>Two member sites and the hub, each with a signed-in administrator, on a fake clock with the webhook client's handler replaced.</summary>
public sealed record WebhookWorld(TestApp App, string A, string B, HttpClient AdminA, HttpClient AdminB, HttpClient Secretariat, FakeTimeProvider Clock,
    RecordingHandler Receivers)
{
    public WebhookDispatcher Dispatcher => App.Services.GetRequiredService<WebhookDispatcher>();

    public static async Task<WebhookWorld> BuildAsync(Func<IDictionary<string, string?>?, Action<IServiceCollection>, Task<TestApp>> start,
        IDictionary<string, string?>? settings = null)
    {
        // Whole seconds: PostgreSQL keeps microseconds, so a tick-precise time would not read back equal.
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
        var receivers = new RecordingHandler();
        var all = new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            all[k] = v;
        var app = await start(all, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddHttpClient(WebhookDispatcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => receivers);
        });
        var a = await app.CreateTenantWithPageAsync("intro", "はじめに");
        var b = await app.CreateTenantWithPageAsync("intro", "はじめに");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync(b, "admin@b.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        return new WebhookWorld(app, a, b, await app.SignedInAsync("admin@a.example.jp", $"/{a}"), await app.SignedInAsync("admin@b.example.jp", $"/{b}"),
            await app.SignedInAsync("secretariat@example.jp"), clock, receivers);
    }

    /// <summary>Subscribes through the form; returns the response and the secret the page shows once (null when refused).</summary>
    public static async Task<(HttpResponseMessage Response, string? Secret)> SubscribeAsync(HttpClient admin, string prefix, string url, params string[] events)
    {
        var fields = new List<KeyValuePair<string, string>> { new("url", url), new("description", "テスト") };
        fields.AddRange(events.Select(e => new KeyValuePair<string, string>("events", e)));
        var response = await admin.SubmitAsync($"{prefix}/admin/webhooks", $"{prefix}/admin/webhooks", fields);
        if (response.StatusCode != HttpStatusCode.Created)
            return (response, null);
        var doc = await response.DocumentAsync();
        return (response, doc.QuerySelector("#webhook-secret")!.GetAttribute("value"));
    }
}
