
namespace NpoMunicipalNetwork.Recipes.Steps;

/// <summary>
/// Creates or updates tenants by name:
/// <c>{ "name": "Tenants", "tenants": [ { "name": "chiba", "displayName": "千葉県", "memberCode": "120006",
/// "status": "active", "hosts": [], "sample": true } ] }</c>. Exactly one tenant is the hub (<c>"hub": true</c>).
/// </summary>
public sealed class TenantsStep(IMemberRegistry registry) : IRecipeStep
{
    public string Name => "Tenants";

    private sealed record Item(string Field, string Name, string DisplayName, bool IsHub, TenantStatus Status, string? MemberCode, IReadOnlyList<string> Hosts, bool? IsSample);

    public Func<RecipeExecutionContext, Task> Prepare(StepReader step)
    {
        step.AllowOnly("name", "tenants");
        var items = new List<Item>();
        var names = new HashSet<string>();
        var hosts = new HashSet<string>();
        foreach (var t in step.Objects("tenants", required: true))
        {
            t.AllowOnly("name", "displayName", "hub", "status", "memberCode", "hosts", "sample");
            var isHub = t.Bool("hub");
            var name = t.String("name", required: true, maxLength: 40, check: n => isHub
                ? (n == Tenant.HubName ? null : $"ハブの名前は「{Tenant.HubName}」に固定です。")
                : TenantNameRules.Validate(n));
            var displayName = t.String("displayName", required: true, maxLength: 200);
            var status = t.Enum<TenantStatus>("status", TenantStatus.Active)!.Value;
            var code = t.String("memberCode", check: registry.ValidateCode);
            var hostNames = t.Strings("hosts", h => TenantNameRules.ValidateHost(h.ToLowerInvariant()))
                .Select(h => h.ToLowerInvariant()).ToList();
            if (isHub && status != TenantStatus.Active)
                t.Error("status", "ハブは無効にできません。");
            if (name is not null && !names.Add(name))
                t.Error("name", $"テナント「{name}」が同じステップに2回あります。");
            foreach (var h in hostNames.Where(h => !hosts.Add(h)))
                t.Error("hosts", $"ホスト名「{h}」が複数のテナントに指定されています。");
            if (name is not null && displayName is not null)
                items.Add(new Item(t.PathOf(""), name, displayName, isHub, status, code, hostNames, t.Has("sample") ? t.Bool("sample") : null));
        }
        if (items.Count(i => i.IsHub) > 1)
            step.Error("tenants", "ハブ（hub: true）は1つだけ指定できます。");

        return ctx => ApplyAsync(items, ctx);
    }

    private async Task ApplyAsync(List<Item> items, RecipeExecutionContext ctx)
    {
        var db = ctx.Db;
        var ct = ctx.CancellationToken;
        foreach (var item in items)
        {
            if (item.MemberCode is not null && !await registry.ExistsAsync(db, item.MemberCode, ct))
                throw new RecipeStepException(item.Field + "memberCode", $"地方公共団体コード「{item.MemberCode}」は団体名簿にありません。先に Members ステップで名簿を読み込んでください。");

            var tenant = await db.Tenants.Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Name == item.Name, ct);
            if (tenant is null)
            {
                if (item.IsHub && await db.Tenants.AnyAsync(t => t.IsHub, ct))
                    throw new RecipeStepException(item.Field + "hub", "ハブはすでに存在します。");
                tenant = new Tenant { Name = item.Name, DisplayName = item.DisplayName, CreatedUtc = ctx.UtcNow };
                db.Tenants.Add(tenant);
            }
            else if (tenant.IsHub != item.IsHub)
            {
                throw new RecipeStepException(item.Field + "hub", $"テナント「{item.Name}」のハブ指定は変更できません。");
            }

            foreach (var host in item.Hosts)
            {
                var owner = await db.TenantHosts.FirstOrDefaultAsync(h => h.HostName == host, ct);
                if (owner is not null && owner.TenantId != tenant.Id)
                    throw new RecipeStepException(item.Field + "hosts", $"ホスト名「{host}」は別のテナントが使っています。");
            }

            tenant.DisplayName = item.DisplayName;
            tenant.IsHub = item.IsHub;
            tenant.Status = item.Status;
            tenant.MemberCode = item.MemberCode;
            tenant.IsSample = item.IsSample ?? tenant.IsSample;
            tenant.UpdatedUtc = ctx.UtcNow;
            tenant.Hosts.RemoveAll(h => !item.Hosts.Contains(h.HostName));
            foreach (var host in item.Hosts.Where(h => tenant.Hosts.All(x => x.HostName != h)))
                tenant.Hosts.Add(new TenantHost { HostName = host });
        }
    }
}
