using System.Net;
using System.Net.Sockets;

namespace NpoMunicipalNetwork.Webhooks;

/// <summary>
/// Keeps webhooks from being turned against the network's own servers (SSRF): a subscription URL must be
/// https and must not name a private, loopback or link-local address, and at delivery the connection is
/// made only to public addresses the host name resolves to, so a name that later resolves inward
/// (DNS rebinding) is refused too. Development may use http://localhost; <c>Webhooks:AllowPrivateAddresses</c>
/// lifts the address rule for a closed network.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>A Japanese message naming the field when <paramref name="url"/> may not be subscribed; null when it may.</summary>
    public static string? Problem(string url, bool development, bool allowPrivate)
    {
        const string label = "送信先のURL";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            return $"{label}は https:// で始まるURLで入力してください。";
        if (uri.UserInfo.Length > 0)
            return $"{label}にユーザー名やパスワードを含めないでください。";
        if (uri.Fragment.Length > 0)
            return $"{label}に「#」以降は使えません。";
        var loopbackName = IsLoopbackName(uri.Host);
        var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
        var local = development && (loopbackName || address is not null && IPAddress.IsLoopback(address));
        if (uri.Scheme != "https" && !local)
            return $"{label}は https:// で始まるURLにしてください（暗号化されない http には送信しません）。";
        if (allowPrivate || local)
            return null;
        if (loopbackName || address is not null && IsPrivate(address))
            return $"{label}に、内部ネットワークや自分自身を指すアドレス（localhost、10.x.x.x、192.168.x.x など）は使えません。";
        return null;
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, benchmarking, multicast, reserved or unspecified.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,
                169 => b[1] == 254,
                172 => b[1] is >= 16 and <= 31,
                192 => b[1] == 168 || b[1] == 0 && b[2] is 0 or 2,
                198 => b[1] is 18 or 19 || b[1] == 51 && b[2] == 100,
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,
                _ => false,
            };
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // fc00::/7 unique local
                || b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8; // 2001:db8::/32 documentation
        }
        return true;
    }

    /// <summary>
    /// The delivery client's connection: resolves the host and connects only to addresses the rules allow.
    /// No proxy is used, so the check applies to the address actually connected to.
    /// </summary>
    public static SocketsHttpHandler Handler(bool development, bool allowPrivate) => new()
    {
        AllowAutoRedirect = false, // a redirect could point inward
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(a => allowPrivate || !IsPrivate(a) || development && IPAddress.IsLoopback(a)).ToArray();
            if (allowed.Length == 0)
                throw new HttpRequestException($"送信先 {host} は内部ネットワークのアドレスを指しているため、送信しません。");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
