
namespace NpoMunicipalNetwork.Pages;

/// <summary>
/// What an editor writes of a page; a revision carries it. The menu position (<see cref="Order"/>, the parent)
/// is arranged at /admin/menu: a revision keeps the order it was saved with, and publishing leaves the menu alone.
/// </summary>
public sealed record PageContent(string Title, string Slug, string Body, int Order, int? OwnerDepartmentId) : IContentDraft;
