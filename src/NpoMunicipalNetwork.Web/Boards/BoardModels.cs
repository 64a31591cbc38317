
namespace NpoMunicipalNetwork.Boards;

public sealed record CategoryRow(string Name, string Url, string? Description, string Visibility, int TopicCount);

public sealed record BoardIndexModel(IReadOnlyList<CategoryRow> Categories, bool SignedIn, string LoginUrl);

public sealed record TopicRow(string Title, string Url, string Author, int PostCount, DateTime LastActivityUtc, bool IsPinned, bool IsLocked, bool IsAnswered, bool IsUnread);

/// <summary>The watch controls: the current mode ("", immediate, digest) and where to post a change.</summary>
public sealed record WatchControl(string Action, string Mode);

/// <summary>The posting form of a signed-in user: its state, where it posts, the honeypot, the limits.</summary>
public sealed record PostForm(FormState Form, string Action, CsrfField Csrf, int MaxLength, bool MayLink, string? Refusal = null, string? Attachments = null);

public sealed record CategoryModel(
    string Name, string? Description, string Visibility, IReadOnlyList<TopicRow> Topics, Pager Pager,
    PostForm? Form, WatchControl? Watch, string LoginUrl, bool SignedIn);

public sealed record PostView(
    int Id, string Anchor, string AuthorName, DateTime CreatedUtc, string CreatedLabel, DateTime? EditedUtc, string? Html, string? StateNote,
    IReadOnlyList<AttachmentView> Attachments,
    bool IsAnswer, bool IsUnread, int FlagCount, string? EditUrl, string? HistoryUrl, string? QuoteUrl, string? FlagUrl,
    string? AnswerUrl, string? ModerationUrl);

public sealed record TopicControls(string LockUrl, string PinUrl, string MoveUrl, bool IsLocked, bool IsPinned, IReadOnlyList<Option> Categories);

public sealed record TopicModel(
    int Id, string Title, string CategoryName, string CategoryUrl, bool IsLocked, bool IsPinned, bool IsAnswered,
    IReadOnlyList<PostView> Posts, Pager Pager, PostForm? Form, WatchControl? Watch, TopicControls? Moderation,
    CsrfField? Csrf, string LoginUrl, bool SignedIn, string ReturnUrl, string? Notice);

public sealed record RevisionView(string EditorName, DateTime ReplacedUtc, string Html);

public sealed record HistoryModel(string TopicTitle, string TopicUrl, string AuthorName, string CurrentHtml, DateTime? EditedUtc, IReadOnlyList<RevisionView> Revisions);

public sealed record EditModel(string TopicTitle, string TopicUrl, PostForm Form);

public sealed record UnsubscribeModel(string? Action, string? Subject, bool Done);

public sealed record FlagModel(string TopicTitle, string PostUrl, string AuthorName, string Html, string Action, CsrfField Csrf);
