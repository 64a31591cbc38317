namespace NpoMunicipalNetwork.Accounts;

public static class AccountLinks
{
    /// <summary>An absolute link inside the current site, for mail: scheme, host and the tenant's prefix.</summary>
    public static string Absolute(HttpRequest request, string pathAndQuery) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";

    /// <summary>Only a path on this host may be a return address; anything else goes to the admin dashboard.</summary>
    public static string SafeReturn(HttpRequest request, string? returnUrl) =>
        LocalReturn.IsLocal(returnUrl) && returnUrl!.StartsWith(request.PathBase.Value ?? "", StringComparison.Ordinal)
            ? returnUrl
            : $"{request.PathBase}/admin";
}
