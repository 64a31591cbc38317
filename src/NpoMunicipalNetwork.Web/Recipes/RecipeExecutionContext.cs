
namespace NpoMunicipalNetwork.Recipes;

/// <summary>What a step sees while applying: the database inside the recipe's transaction and the target tenant.</summary>
public sealed class RecipeExecutionContext(NetworkDbContext db, TenantContext tenantContext, string? defaultTenant, string recipeFolder, DateTime utcNow, CancellationToken ct)
{
    public NetworkDbContext Db => db;

    public string RecipeFolder => recipeFolder;

    public DateTime UtcNow => utcNow;

    public CancellationToken CancellationToken => ct;

    /// <summary>
    /// Runs <paramref name="work"/> with the given tenant (or the recipe's default, else the hub)
    /// as the unit of work's tenant, so tenant-owned writes are stamped and filtered as in a request.
    /// </summary>
    public async Task AsTenantAsync(string? tenantName, string field, Func<Tenant, Task> work)
    {
        var name = tenantName ?? defaultTenant;
        var tenant = name is null
            ? await db.Tenants.Include(t => t.Hosts).FirstOrDefaultAsync(t => t.IsHub, ct)
            : await db.Tenants.Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Name == name, ct);
        if (tenant is null)
            throw new RecipeStepException(field, name is null
                ? "ハブ（既定のテナント）がまだありません。先に Tenants ステップで作成してください。"
                : $"テナント「{name}」がありません。先に Tenants ステップで作成してください。");

        using (tenantContext.Use(TenantSnapshot.From(tenant)))
        {
            await work(tenant);
            await db.SaveChangesAsync(ct);
        }
    }
}
