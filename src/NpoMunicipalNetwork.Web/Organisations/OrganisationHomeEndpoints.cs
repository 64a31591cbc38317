using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>An organisation's home for its people: the profile, the members and open invitations, and what each may do there.</summary>
public static class OrganisationHomeEndpoints
{
    public static RouteGroupBuilder MapOrganisationHome(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:int}", async (int id, string? done, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var access = await OrganisationAccess.LoadAsync(http, db, id, ct);
            return access.Refusal ?? await PageAsync(http, db, clock, access.Session!, Notice(done), ct: ct);
        });
        return group;
    }

    private static string? Notice(string? done) => done switch
    {
        "profile" => "団体情報を保存しました。",
        "invited" => "招待メールを送信しました。",
        "cancelled" => "招待を取り消しました。",
        "role" => "役割を変更しました。",
        "transferred" => "管理者を引き継ぎました。あなたの役割は編集者になりました。",
        "removed" => "メンバーを団体から外しました。",
        "joined" => "団体に参加しました。",
        _ => null,
    };

    public static async Task<IResult> PageAsync(HttpContext http, NetworkDbContext db, TimeProvider clock, OrganisationSession s,
        string? notice = null, string? error = null, int status = 200, CancellationToken ct = default)
    {
        var o = s.Organisation;
        var areaIds = o.ActivityAreas.Select(a => a.PolicyFieldId).ToList();
        var areas = await db.PolicyFields.AsNoTracking().Where(f => areaIds.Contains(f.Id)).OrderBy(f => f.Order).ThenBy(f => f.Id).Select(f => f.Name).ToListAsync(ct);
        var profile = new OrganisationProfileView(o.Name, o.Kind?.Japanese(), o.CorporateNumber, o.RepresentativeName,
            int.TryParse(o.PrefectureCode, out var pref) ? Prefectures.Name(pref) : null, o.Address, areas, o.WebsiteUrl, o.Phone, o.CreatedUtc, o.UpdatedUtc);

        var members = await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == o.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u.DisplayName, u.Email }).ToListAsync(ct);
        var rows = members.OrderBy(x => x.m.Role).ThenBy(x => x.DisplayName, StringComparer.Ordinal)
            .Select(x => new OrganisationMemberRow(x.m.UserId, x.DisplayName, x.Email ?? "", x.m.Role.Japanese(), x.m.Role.ToString(), x.m.JoinedUtc,
                x.m.UserId == s.User.Id, $"{OrganisationPaths.Home(o.Id)}/members/{x.m.UserId}")).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = s.IsOwner
            ? (await db.OrganisationInvitations.AsNoTracking().Where(i => i.OrganisationId == o.Id).OrderBy(i => i.CreatedUtc).ToListAsync(ct))
                .Select(i => new OrganisationInvitationRow(i.Email, i.Role.Japanese(), i.InvitedByName, i.ExpiresUtc, i.ExpiresUtc <= now,
                    $"{OrganisationPaths.Home(o.Id)}/invitations/{i.Id}/cancel")).ToList()
            : [];

        var model = new OrganisationHomeModel(o.Id, profile, rows, invitations, s.Member.Role.Japanese(), s.IsOwner, s.Member.Role.MayEditProfile(),
            o.Kind is null || o.RepresentativeName is null || o.PrefectureCode is null,
            Enum.GetValues<OrganisationRole>().Select(r => new Option(r.ToString(), r.Japanese(), false)).ToList(),
            CsrfField.ForPublicForm(http), notice, error);
        return ThemeResults.View("organisations/home", model, new PageMeta(o.Name, [OrganisationPages.Home, OrganisationPages.Section, new(o.Name)]), status);
    }
}
