
namespace NpoMunicipalNetwork.Recipes.Steps;

/// <summary>
/// Sets how a site presents itself:
/// <c>{ "name": "Settings", "tenant": "chiba", "displayName": "...", "tagline": "...", "accentColor": "#0031d8", "logoUrl": "...", "requiresApproval": true }</c>.
/// Without <c>tenant</c> it applies to the recipe's target tenant (<c>--tenant</c>), else the hub.
/// Only the fields present are changed.
/// </summary>
public sealed class SettingsStep : IRecipeStep
{
    public string Name => "Settings";

    public Func<RecipeExecutionContext, Task> Prepare(StepReader step)
    {
        step.AllowOnly("name", "tenant", "displayName", "tagline", "accentColor", "logoUrl", "requiresApproval");
        var tenantName = step.String("tenant", maxLength: 40);
        var displayName = step.String("displayName", maxLength: 200);
        var tagline = step.String("tagline", maxLength: 400);
        var accent = step.String("accentColor", maxLength: 7, check: TenantNameRules.ValidateColor);
        var logo = step.String("logoUrl", maxLength: 500, check: ValidateLogo);
        var has = (Tagline: step.Has("tagline"), Accent: step.Has("accentColor"), Logo: step.Has("logoUrl"), Approval: step.Has("requiresApproval"));
        var requiresApproval = step.Bool("requiresApproval", true);

        return ctx => ctx.AsTenantAsync(tenantName, "tenant", tenant =>
        {
            if (displayName is not null)
                tenant.DisplayName = displayName;
            if (has.Tagline)
                tenant.Tagline = tagline;
            if (has.Accent)
                tenant.AccentColor = accent?.ToLowerInvariant();
            if (has.Logo)
                tenant.LogoUrl = logo;
            if (has.Approval)
                tenant.RequiresApproval = requiresApproval;
            tenant.UpdatedUtc = ctx.UtcNow;
            return Task.CompletedTask;
        });
    }

    private static string? ValidateLogo(string url) =>
        url.StartsWith('/') && !url.StartsWith("//") || Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps
            ? null
            : "ロゴの URL は / で始まるパスか https:// の URL で指定してください。";
}
