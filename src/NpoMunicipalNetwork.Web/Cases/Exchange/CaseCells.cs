
namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>A published case as the spreadsheet row <see cref="CaseColumns.All"/> describes, and as a JSON object.</summary>
public static class CaseCells
{
    public static string[] From(PublishedCaseRow row, string baseUrl)
    {
        var c = row.Case;
        var attachments = c.Attachments.OrderBy(a => a.Order).ToList();
        var cells = new Dictionary<CaseColumn, string>
        {
            [CaseColumns.Id] = c.Id.ToString(CultureInfo.InvariantCulture),
            [CaseColumns.MemberCode] = row.MemberCode ?? "",
            [CaseColumns.MemberName] = row.SiteName,
            [CaseColumns.Prefecture] = row.PrefectureName ?? "",
            [CaseColumns.Title] = c.Title,
            [CaseColumns.Summary] = c.Summary,
            [CaseColumns.Background] = c.Background,
            [CaseColumns.Activities] = c.Activities,
            [CaseColumns.PartnersAndRoles] = c.PartnersAndRoles,
            [CaseColumns.Outcomes] = c.Outcomes,
            [CaseColumns.Lessons] = c.Lessons,
            [CaseColumns.StartFiscalYear] = c.StartFiscalYear.ToString(CultureInfo.InvariantCulture),
            [CaseColumns.EndFiscalYear] = c.EndFiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            [CaseColumns.RelationshipType] = c.RelationshipType.Japanese(),
            [CaseColumns.Fields] = string.Join(CaseColumns.ListSeparator, FieldCodes(c)),
            [CaseColumns.Methods] = string.Join(CaseColumns.ListSeparator, MethodCodes(c)),
            [CaseColumns.Partners] = Lines(c.Partners.OrderBy(p => p.Order).Select(p => p.CorporateNumber is { Length: > 0 } n ? $"{p.Name}{CaseColumns.PairSeparator}{n}" : p.Name)),
            [CaseColumns.Budgets] = Lines(c.Budgets.OrderBy(b => b.FiscalYear).Select(b => $"{b.FiscalYear}:{b.AmountYen.ToString(CultureInfo.InvariantCulture)}")),
            [CaseColumns.Links] = Lines(c.Links.OrderBy(l => l.Order).Select(l => $"{l.Title}{CaseColumns.PairSeparator}{l.Url}")),
            [CaseColumns.Attachments] = Lines(attachments.Select(a => a.Title)),
            [CaseColumns.AttachmentUrls] = Lines(attachments.Select(a => CaseLinks.Attachment(baseUrl, row.TenantName, c.Id, a.StoredFileId))),
            [CaseColumns.AdaptedFrom] = string.Join(CaseColumns.ListSeparator, c.AdaptedFrom.Select(a => a.SourceCaseId).Order()),
            [CaseColumns.Url] = CaseLinks.Case(baseUrl, row.TenantName, c.Id),
            [CaseColumns.PublishedDate] = c.PublishedUtc is { } p ? JapanTime.ToJst(p).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            [CaseColumns.Sample] = c.IsSample ? "見本" : "",
        };
        return CaseColumns.All.Select(col => cells[col]).ToArray();
    }

    /// <summary>
    /// The same case keyed by <see cref="CaseColumn.Key"/>: text columns as in the sheet, numbers as numbers,
    /// lists as arrays, vocabulary as codes.
    /// </summary>
    public static Dictionary<string, object?> Json(PublishedCaseRow row, string baseUrl)
    {
        var c = row.Case;
        var cells = From(row, baseUrl);
        var json = CaseColumns.All.Select((column, i) => (column.Key, Value: (object?)cells[i])).ToDictionary(x => x.Key, x => x.Value);
        json[CaseColumns.Id.Key] = c.Id;
        json[CaseColumns.MemberCode.Key] = row.MemberCode;
        json[CaseColumns.Prefecture.Key] = row.PrefectureName;
        json[CaseColumns.StartFiscalYear.Key] = c.StartFiscalYear;
        json[CaseColumns.EndFiscalYear.Key] = c.EndFiscalYear;
        json[CaseColumns.RelationshipType.Key] = c.RelationshipType.Code();
        json[CaseColumns.Fields.Key] = FieldCodes(c);
        json[CaseColumns.Methods.Key] = MethodCodes(c);
        json[CaseColumns.Partners.Key] = c.Partners.OrderBy(p => p.Order).Select(p => new { name = p.Name, corporateNumber = p.CorporateNumber }).ToList();
        json[CaseColumns.Budgets.Key] = c.Budgets.OrderBy(b => b.FiscalYear).Select(b => new { fiscalYear = b.FiscalYear, amountYen = b.AmountYen }).ToList();
        json[CaseColumns.Links.Key] = c.Links.OrderBy(l => l.Order).Select(l => new { title = l.Title, url = l.Url }).ToList();
        json[CaseColumns.Attachments.Key] = c.Attachments.OrderBy(a => a.Order)
            .Select(a => new { title = a.Title, url = CaseLinks.Attachment(baseUrl, row.TenantName, c.Id, a.StoredFileId) }).ToList();
        json.Remove(CaseColumns.AttachmentUrls.Key); // carried by the attachments' objects
        json[CaseColumns.AdaptedFrom.Key] = c.AdaptedFrom.Select(a => a.SourceCaseId).Order().ToList();
        json[CaseColumns.PublishedDate.Key] = c.PublishedUtc is null ? null : cells[CaseColumns.All.ToList().IndexOf(CaseColumns.PublishedDate)];
        json[CaseColumns.Sample.Key] = c.IsSample;
        return json;
    }

    private static List<string> FieldCodes(PolicyCase c) =>
        c.Fields.Where(f => f.Field is not null).OrderBy(f => f.Field!.Order).Select(f => f.Field!.Code).ToList();

    private static List<string> MethodCodes(PolicyCase c) =>
        c.Methods.Where(m => m.Method is not null).OrderBy(m => m.Method!.Order).Select(m => m.Method!.Code).ToList();

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
}
