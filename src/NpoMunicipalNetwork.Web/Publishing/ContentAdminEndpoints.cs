
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// The one admin of every content type, driven by its descriptor: list (keyword, state, unit, sort,
/// paging), new, edit (with a soft lock), save, delete with confirmation and staff downloads of
/// attachments, under <c>/admin/{segment}</c>. The status, approval, history, diff and restore screens
/// of the same items are <see cref="WorkflowEndpoints"/>, mapped here too.
/// </summary>
public static class ContentAdminEndpoints
{
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public static RouteGroupBuilder MapContentAdmin<TItem, TContent>(this RouteGroupBuilder admin, ContentType<TItem, TContent> type)
        where TItem : ContentItem, new() where TContent : class, IContentDraft
    {
        var g = admin.MapGroup($"/{type.AdminSegment}").RequirePermission(Permissions.EditOwnContent);
        if (type.MemberSiteOnly)
            g.MemberSiteOnly();
        g.MapGet("/", (HttpContext http, NetworkDbContext db, CancellationToken ct) => ContentAdmin<TItem, TContent>.ListAsync(type, http, db, ct));
        g.MapGet("/new", (HttpContext http, NetworkDbContext db, CancellationToken ct) => ContentAdmin<TItem, TContent>.NewAsync(type, http, db, ct));
        g.MapPost("/", (HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct) =>
            ContentAdmin<TItem, TContent>.SaveAsync(type, null, http, input, db, ct));
        g.MapGet("/{id:int}/edit", (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) => ContentAdmin<TItem, TContent>.EditAsync(type, id, http, db, ct));
        g.MapPost("/{id:int}", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct) =>
            ContentAdmin<TItem, TContent>.SaveAsync(type, id, http, input, db, ct));
        g.MapGet("/{id:int}/delete", (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) => ContentAdmin<TItem, TContent>.ConfirmDeleteAsync(type, id, http, db, ct));
        g.MapPost("/{id:int}/delete", (int id, HttpContext http, IFormCollection _, NetworkDbContext db, CancellationToken ct) =>
            ContentAdmin<TItem, TContent>.DeleteAsync(type, id, http, db, ct));
        if (type.Attachments is not null)
            g.MapGet("/{id:int}/files/{fileId:int}", (int id, int fileId, HttpContext http, NetworkDbContext db, CancellationToken ct) =>
                ContentAdmin<TItem, TContent>.FileAsync(type, id, fileId, http, db, ct));
        var workflow = admin.MapWorkflow(type);
        if (type.MemberSiteOnly)
            workflow.MemberSiteOnly();
        return admin;
    }
}
