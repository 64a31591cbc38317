
namespace NpoMunicipalNetwork.Members;

/// <summary>The number of member governments on the secretariat's dashboard.</summary>
public sealed class MemberDashboard : IDashboardSource
{
    public async Task AddAsync(DashboardContext context, DashboardLists lists, CancellationToken ct)
    {
        if (context.IsNetworkAdministratorOnHub)
            lists.MemberCount = await context.Db.Memberships.CountAsync(ct);
    }
}
