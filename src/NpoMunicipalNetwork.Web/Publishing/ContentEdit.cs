
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// One edit of one item as the descriptor sees it while filling, reading and checking the form:
/// who edits (their units), the submitted form, the item (null when new) and its current content.
/// </summary>
public sealed class ContentEdit<TItem, TContent>(HttpContext http, NetworkDbContext db, EditorScope scope, FormState form, TItem? item, TContent? current)
    where TItem : ContentItem
    where TContent : class
{
    public HttpContext Http => http;

    public NetworkDbContext Db => db;

    public EditorScope Scope => scope;

    public FormState Form => form;

    /// <summary>The item being edited; null while it is being created.</summary>
    public TItem? Item => item;

    /// <summary>The content being worked on before this edit (the working revision, else the live copy); null when new.</summary>
    public TContent? Current => current;

    /// <summary>The unit chosen in the form's owner field.</summary>
    public int? Owner => int.TryParse(form.Text("owner"), out var o) ? o : null;

    /// <summary>Today in Japan, from the app's clock (fake in tests).</summary>
    public DateOnly Today => Infrastructure.JapanTime.Today(Service<TimeProvider>());

    public T Service<T>() where T : notnull => http.RequestServices.GetRequiredService<T>();
}
