using System.Text.Json;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Home;

public static class MemberSiteData
{
    /// <summary>A new member site with these published pages (slug, title, Markdown body), applied as a recipe; returns the site's name.</summary>
    public static async Task<string> ApplyContentAsync(this TestApp app, params (string Slug, string Title, string Body)[] pages)
    {
        var name = TestApp.NewTenantName();
        var items = pages.Select(p => new { type = "Page", slug = p.Slug, title = p.Title, body = p.Body });
        await app.ApplyRecipeAsync(JsonSerializer.Serialize(new
        {
            name = "member-site-test",
            steps = new object[]
            {
                new { name = "Tenants", tenants = new[] { new { name, displayName = $"テスト市 {name}" } } },
                new { name = "Content", tenant = name, items },
            },
        }));
        return name;
    }
}
