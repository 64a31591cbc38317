using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>The organisation's profile, edited by its owners and editors; a form with any problem saves nothing.</summary>
public static class ProfileEndpoints
{
    public const string EditorsOnly = "団体情報を編集できるのは、団体の管理者と編集者だけです。";

    public static RouteGroupBuilder MapOrganisationProfile(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:int}/profile", Edit);
        group.MapPost("/{id:int}/profile", Save);
        return group;
    }

    private static async Task<OrganisationAccessResult> EditorAsync(HttpContext http, NetworkDbContext db, int id, CancellationToken ct)
    {
        var access = await OrganisationAccess.LoadAsync(http, db, id, ct);
        return access.Session is { } s && !s.Member.Role.MayEditProfile() ? new(null, ThemeResults.Forbidden(EditorsOnly)) : access;
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var access = await EditorAsync(http, db, id, ct);
        return access.Refusal ?? await PageAsync(http, db, access.Session!, ProfileForm.From(access.Session!.Organisation), 200, ct);
    }

    /// <summary>The policy fields on offer: the current ones, and retired ones this organisation still has.</summary>
    private static async Task<List<PolicyField>> FieldsAsync(NetworkDbContext db, Organisation o, CancellationToken ct)
    {
        var mine = o.ActivityAreas.Select(a => a.PolicyFieldId).ToList();
        return await db.PolicyFields.AsNoTracking().Where(f => !f.IsRetired || mine.Contains(f.Id)).OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(ct);
    }

    private static async Task<IResult> PageAsync(HttpContext http, NetworkDbContext db, OrganisationSession s, FormState form, int status, CancellationToken ct)
    {
        var o = s.Organisation;
        var kind = form.Text("kind");
        var prefecture = form.Text("prefecture");
        var areas = form.Many("areas");
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["kind"] = [new("", "選んでください", string.IsNullOrEmpty(kind)), .. Enum.GetValues<OrganisationKind>().Select(k => new Option(k.ToString(), k.Japanese(), k.ToString() == kind))],
            ["prefecture"] = [new("", "選んでください", string.IsNullOrEmpty(prefecture)), .. Prefectures.All.Select(p => new Option(p.Code, p.Name, p.Code == prefecture))],
            ["areas"] = (await FieldsAsync(db, o, ct)).Select(f => new Option(f.Id.ToString(CultureInfo.InvariantCulture), f.Name, areas.Contains(f.Id.ToString(CultureInfo.InvariantCulture)))).ToList(),
        };
        return ThemeResults.View("organisations/profile",
            new OrganisationFormModel(form, $"{OrganisationPaths.Home(o.Id)}/profile", CsrfField.ForPublicForm(http), Options: options, Extra: new { home_url = s.HomeUrl }),
            new PageMeta("団体情報の編集", [OrganisationPages.Home, OrganisationPages.Section, new(o.Name, s.HomeUrl), new("団体情報の編集")]), status);
    }

    private static async Task<IResult> Save(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var access = await EditorAsync(http, db, id, ct);
        if (access.Refusal is { } refusal)
            return refusal;
        var s = access.Session!;
        var o = s.Organisation;
        var form = FormState.From(input);
        if (ProfileForm.Read(form, await FieldsAsync(db, o, ct)) is not { } v)
            return await PageAsync(http, db, s, form, 400, ct);

        var changes = Changes(o, v);
        o.Name = v.Name;
        o.Kind = v.Kind;
        o.CorporateNumber = v.CorporateNumber;
        o.RepresentativeName = v.Representative;
        o.PrefectureCode = v.PrefectureCode;
        o.Address = v.Address;
        o.WebsiteUrl = v.WebsiteUrl;
        o.Phone = v.Phone;
        var before = o.ActivityAreas.Select(a => a.PolicyFieldId).Order().ToList();
        if (!before.SequenceEqual(v.Areas.Order()))
        {
            changes.Add("活動分野");
            o.ActivityAreas.RemoveAll(a => !v.Areas.Contains(a.PolicyFieldId));
            o.ActivityAreas.AddRange(v.Areas.Where(a => !before.Contains(a)).Select(a => new OrganisationActivityArea { OrganisationId = o.Id, PolicyFieldId = a }));
        }
        if (changes.Count > 0)
        {
            o.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            audit.Record(AuditAction.Update, AuditTarget.Organisation(o), $"団体情報を更新しました（{string.Join("、", changes)}）。");
            await db.SaveChangesAsync(ct);
        }
        return Results.Redirect(OrganisationPaths.Home(o.Id, "profile"));
    }

    /// <summary>The names of the fields that change, for the audit entry (the values themselves stay in the profile).</summary>
    private static List<string> Changes(Organisation o, ProfileValues v)
    {
        var changes = new List<string>();
        void Check(string label, object? was, object? now)
        {
            if (!Equals(was, now))
                changes.Add(label);
        }
        Check("団体名", o.Name, v.Name);
        Check("団体の種類", o.Kind, v.Kind);
        Check("法人番号", o.CorporateNumber, v.CorporateNumber);
        Check("代表者名", o.RepresentativeName, v.Representative);
        Check("都道府県", o.PrefectureCode, v.PrefectureCode);
        Check("所在地", o.Address, v.Address);
        Check("ウェブサイト", o.WebsiteUrl, v.WebsiteUrl);
        Check("電話番号", o.Phone, v.Phone);
        return changes;
    }
}
