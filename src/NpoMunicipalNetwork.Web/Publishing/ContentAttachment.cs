namespace NpoMunicipalNetwork.Publishing;

/// <summary>A stored file attached to an item's content, with the name readers see (a revision carries them in its JSON).</summary>
public sealed record ContentAttachment(int StoredFileId, string Title);

/// <summary>One attached file as the edit form lists it.</summary>
public sealed record ContentAttachmentRow(int FileId, string Title, string FileName, string Size, string Url, bool Removed);

/// <summary>
/// A content type's file slot: which files it takes and how many, what the form calls them, and where
/// they sit in its content. The edit form and the saver handle uploads, renames and removals for every type through it.
/// </summary>
public sealed record ContentAttachments<TContent>(
    Files.FileRules Rules,
    int Max,
    string Label,
    Func<TContent, IReadOnlyList<ContentAttachment>> Get,
    Func<TContent, IReadOnlyList<ContentAttachment>, TContent> With)
{
    /// <summary>The form's fields: <c>newFile</c>, <c>newFileTitle</c>, <c>fileTitle-{id}</c>, <c>removeFile</c>.</summary>
    public const string NewFile = "newFile";

    /// <summary>The rules line under the file input.</summary>
    public string RulesText => $"{Rules.KindsText}、1ファイル{Rules.MaxText}まで（{Max}件まで）";
}
