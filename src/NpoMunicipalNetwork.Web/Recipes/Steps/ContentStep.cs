namespace NpoMunicipalNetwork.Recipes.Steps;

/// <summary>
/// Creates or updates content items of any registered type inside one tenant:
/// <c>{ "name": "Content", "tenant": "chiba", "items": [ { "type": "Page", ... } ] }</c>.
/// </summary>
public sealed class ContentStep(IEnumerable<IContentTypeHandler> handlers) : IRecipeStep
{
    private readonly Dictionary<string, IContentTypeHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public string Name => "Content";

    public Func<RecipeExecutionContext, Task> Prepare(StepReader step)
    {
        step.AllowOnly("name", "tenant", "items");
        var tenantName = step.String("tenant", maxLength: 40);
        var work = new List<Func<RecipeExecutionContext, Task>>();
        foreach (var item in step.Objects("items", required: true))
        {
            var type = item.String("type", required: true);
            if (type is null)
                continue;
            if (!_handlers.TryGetValue(type, out var handler))
            {
                item.Error("type", $"未知のコンテンツ種別です。使える種別: {string.Join(", ", _handlers.Keys.Order())}");
                continue;
            }
            work.Add(handler.Prepare(item));
        }

        return ctx => ctx.AsTenantAsync(tenantName, "tenant", async _ =>
        {
            foreach (var w in work)
                await w(ctx);
        });
    }
}
