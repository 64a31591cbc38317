using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// <c>ReverseProxy</c> settings: which proxies may tell the site who the client is. Without them every request
/// behind nginx would come from the proxy's address, so the per-address rate limits (sign-in, registrations,
/// board posts, feedback) would be shared by everyone and the audit log would record the proxy.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies (<c>10.0.0.5</c>). Loopback is trusted when nothing is configured: nginx on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may have added an address (the nearest first).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ReverseProxy
{
    /// <summary>
    /// Trusts <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies only; a request from any other
    /// address keeps its own address and scheme whatever it claims. The host is not taken from a header: the proxy passes
    /// the visitor's <c>Host</c> on (it picks the member site), so no header can name another site.
    /// </summary>
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var a) ? a
            : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:KnownProxies の「{p}」はIPアドレスではありません。")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var net) ? net
            : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:KnownNetworks の「{n}」はCIDR形式（例: 10.0.0.0/24）ではありません。")).ToList();
        if (settings.ForwardLimit < 1)
            throw new InvalidOperationException($"{ReverseProxyOptions.Section}:ForwardLimit は1以上にしてください。");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            if (proxies.Count == 0 && networks.Count == 0)
                return; // the defaults: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
        });
        return services;
    }
}
