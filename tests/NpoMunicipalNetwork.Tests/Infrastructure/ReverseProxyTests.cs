using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// Behind a reverse proxy the site sees the visitor, not the proxy: per-address rate limits are per visitor, and
/// https at the proxy counts as https. Only configured proxies are believed; anyone else claiming an address is ignored.
/// </summary>
public abstract class ReverseProxyTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string?> BehindProxy = new()
    {
        ["Accounts:RequestsPerMinutePerIp"] = "2",
        ["ReverseProxy:KnownProxies:0"] = "10.0.0.5",
    };

    /// <summary>A sign-in post (rate-limited per address) as it arrives from <paramref name="remote"/>.</summary>
    private static async Task<HttpContext> PostLoginAsync(TestApp app, string remote, string? forwardedFor = null, string? forwardedProto = null) =>
        await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            // Not localhost: HSTS leaves loopback host names out.
            c.Request.Host = new HostString("network.example.jp");
            c.Request.Path = "/account/login";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null)
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (forwardedProto is not null)
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });

    /// <summary>The answer's status: 429 once the address's attempts are used up; before that 400 (the post carries no antiforgery token).</summary>
    private static async Task<int> StatusAsync(TestApp app, string remote, string? forwardedFor = null) =>
        (await PostLoginAsync(app, remote, forwardedFor)).Response.StatusCode;

    [Fact]
    public async Task Behind_the_configured_proxy_each_visitor_has_their_own_limit_and_a_stranger_cannot_claim_an_address()
    {
        await using var app = await StartAsync(settings: BehindProxy);

        // Two visitors behind the proxy: each has their own two attempts a minute.
        Assert.Equal(400, await StatusAsync(app, "10.0.0.5", "203.0.113.7"));
        Assert.Equal(400, await StatusAsync(app, "10.0.0.5", "203.0.113.7"));
        Assert.Equal(429, await StatusAsync(app, "10.0.0.5", "203.0.113.7"));
        Assert.Equal(400, await StatusAsync(app, "10.0.0.5", "203.0.113.8"));

        // A client that is not the proxy cannot buy fresh attempts by naming other addresses.
        Assert.Equal(400, await StatusAsync(app, "198.51.100.9", "203.0.113.50"));
        Assert.Equal(400, await StatusAsync(app, "198.51.100.9", "203.0.113.51"));
        Assert.Equal(429, await StatusAsync(app, "198.51.100.9", "203.0.113.52"));
    }

    [Fact]
    public async Task Https_at_the_proxy_counts_as_https_and_a_stranger_claiming_it_does_not()
    {
        await using var app = await StartAsync(settings: BehindProxy);

        var proxied = await PostLoginAsync(app, "10.0.0.5", "203.0.113.7", "https");
        Assert.Equal("https", proxied.Request.Scheme);
        Assert.True(proxied.Response.Headers.ContainsKey("Strict-Transport-Security")); // HSTS is sent over https only

        var stranger = await PostLoginAsync(app, "198.51.100.9", "203.0.113.7", "https");
        Assert.Equal("http", stranger.Request.Scheme);
        Assert.False(stranger.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_nothing_configured_only_a_proxy_on_the_same_machine_is_believed()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["Accounts:RequestsPerMinutePerIp"] = "1" });

        Assert.Equal(400, await StatusAsync(app, "127.0.0.1", "203.0.113.7"));
        Assert.Equal(400, await StatusAsync(app, "127.0.0.1", "203.0.113.8"));
        Assert.Equal(429, await StatusAsync(app, "127.0.0.1", "203.0.113.8"));
        Assert.Equal(400, await StatusAsync(app, "10.0.0.5", "203.0.113.9"));
        Assert.Equal(429, await StatusAsync(app, "10.0.0.5", "203.0.113.10"));
    }
}

public sealed class ReverseProxyTests_Sqlite() : ReverseProxyTests(DatabaseProvider.Sqlite);

public sealed class ReverseProxyTests_PostgreSql() : ReverseProxyTests(DatabaseProvider.PostgreSql);

/// <summary>A proxy setting that is not an address stops the start with a message that names it.</summary>
public sealed class ReverseProxySettingsTests
{
    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "nginx", "IPアドレスではありません")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0/99", "CIDR形式")]
    [InlineData("ReverseProxy:ForwardLimit", "0", "1以上")]
    public void A_wrong_setting_is_refused_naming_it(string key, string value, string message)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddReverseProxy(config));
        Assert.Contains(message, error.Message);
    }
}
