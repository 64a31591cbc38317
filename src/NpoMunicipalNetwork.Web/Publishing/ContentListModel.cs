
namespace NpoMunicipalNetwork.Publishing;

/// <summary>A column header of the admin list; sortable ones carry their link.</summary>
public sealed record ContentListHeader(string Label, SortLink? Sort);

public sealed record ContentListRow(int Id, string Title, IReadOnlyList<string> Cells, string? Department, string Status, string Updated,
    string EditUrl, string StatusUrl, string? PublicUrl, bool CanEdit);

/// <summary>The one admin list every content type shows (<c>admin/content/index</c>).</summary>
public sealed record ContentListModel(
    string Heading, string Intro, string Noun, string ListUrl, string NewUrl, string CreateLabel,
    IReadOnlyList<ContentListHeader> Headers, IReadOnlyList<ContentListRow> Rows, Pager Pager,
    IReadOnlyList<Option> States, IReadOnlyList<Option> Departments, string? Query, bool CanCreate, string? Notice);

/// <summary>What the edit templates read under <c>model.extra</c>, the same for every type.</summary>
public sealed record ContentFormExtra(
    string Noun, string ListUrl, bool RequiresApproval, string? StatusUrl, string? DeleteUrl,
    IReadOnlyList<ContentAttachmentRow> Attachments, string? UploadRules, string? FileLabel);
