
namespace NpoMunicipalNetwork.Publishing.Checks;

public sealed record NotationRow(int Id, string Character, string Replacement, string CreatedBy, string DeleteUrl);

public sealed record NotationModel(IReadOnlyList<NotationRow> Entries, int BuiltInCount, FormState Form);

/// <summary>The secretariat extends the 機種依存文字 dictionary the checker uses on every member site.</summary>
public static class NotationAdminEndpoints
{
    private static readonly PageMeta Meta = new("表記辞書（機種依存文字）", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("表記辞書")]);

    public static RouteGroupBuilder MapNotationAdmin(this RouteGroupBuilder admin)
    {
        var g = admin.MapGroup("/notation").RequirePermission(Permissions.ManageNotation);
        g.MapGet("/", (NetworkDbContext db, CancellationToken ct) => Page(db, new FormState(), 200, ct));
        g.MapPost("/", Add);
        g.MapPost("/{id:int}/delete", Delete);
        return admin;
    }

    private static async Task<IResult> Page(NetworkDbContext db, FormState form, int status, CancellationToken ct)
    {
        var entries = await db.NotationEntries.AsNoTracking().OrderBy(e => e.Character).ToListAsync(ct);
        return ThemeResults.Admin("admin/notation/index", new NotationModel(
            entries.Select(e => new NotationRow(e.Id, e.Character, e.Replacement, e.CreatedBy, $"/admin/notation/{e.Id}/delete")).ToList(),
            MachineDependentCharacters.Replacements.Count, form), Meta, status);
    }

    private static async Task<IResult> Add(HttpContext http, IFormCollection input, NetworkDbContext db, ContentCheckerProvider checkers, TimeProvider clock, CancellationToken ct)
    {
        var form = FormState.From(input);
        var character = form.Required("character", "置き換える文字", 10);
        var replacement = form.Required("replacement", "置き換え後の表記", 50);
        if (character is not null && replacement is not null && character == replacement)
            form.Error("replacement", "置き換え後の表記は、元の文字と違うものにしてください。");
        if (character is not null && await db.NotationEntries.AnyAsync(e => e.Character == character, ct))
            form.Error("character", $"「{character}」はすでに辞書にあります。変えるときは、いったん削除してから登録してください。");
        if (!form.IsValid)
            return await Page(db, form, 400, ct);
        db.NotationEntries.Add(new NotationEntry
        {
            Character = character!, Replacement = replacement!, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = http.User.FindFirst(NetworkClaims.DisplayName)?.Value ?? "",
        });
        await db.SaveChangesAsync(ct);
        checkers.Invalidate();
        return Results.Redirect("/admin/notation");
    }

    private static async Task<IResult> Delete(int id, IFormCollection _, NetworkDbContext db, ContentCheckerProvider checkers, CancellationToken ct)
    {
        var entry = await db.NotationEntries.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
            return ThemeResults.NotFound();
        db.NotationEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        checkers.Invalidate();
        return Results.Redirect("/admin/notation");
    }
}
