namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// Lets a feature work with a registered type's entity and content classes without knowing them: the API maps
/// its keyed writes this way (<see cref="WorkflowContentType.Accept"/>), so a new type needs no code in that feature.
/// </summary>
public interface IContentTypeVisitor
{
    void Visit<TItem, TContent>(ContentType<TItem, TContent> type) where TItem : ContentItem, new() where TContent : class, IContentDraft;
}
