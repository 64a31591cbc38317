
namespace NpoMunicipalNetwork.Admin;

public sealed record Option(string Value, string Label, bool Selected);

public sealed record SortLink(string Label, string Url, string? Direction);

public sealed record Pager(int Page, int PageCount, int Total, string? PreviousUrl, string? NextUrl);

/// <summary>A create/edit form: its state, the options of its selects, and who else is editing.</summary>
public sealed record EditFormModel(
    FormState Form,
    string Action,
    bool IsNew,
    IReadOnlyDictionary<string, IReadOnlyList<Option>> Options,
    string? Notice = null,
    string? Warning = null,
    string? FormError = null,
    object? Extra = null);

/// <summary>"Are you sure?" before a delete or a merge.</summary>
public sealed record ConfirmModel(string Title, string Message, string Action, string CancelUrl, string Button, IReadOnlyList<string> Details);
