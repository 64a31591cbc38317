
namespace NpoMunicipalNetwork.News;

/// <summary>What an editor (or the API) writes of a news item; a revision carries it as title and body.</summary>
public sealed record NewsContent(string Title, string Body, int? OwnerDepartmentId) : IContentDraft;
