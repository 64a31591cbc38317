namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>
/// Public addresses of a case and its attachments, as exports print them. A member's case lives on its
/// site (<c>/{tenant}/cases/{id}</c>), reached through the hub's host by its path prefix.
/// </summary>
public static class CaseLinks
{
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string Case(string baseUrl, string tenantName, int caseId) => $"{baseUrl}/{tenantName}/cases/{caseId}";

    public static string Attachment(string baseUrl, string tenantName, int caseId, int fileId) => $"{baseUrl}/{tenantName}/cases/{caseId}/files/{fileId}";
}
