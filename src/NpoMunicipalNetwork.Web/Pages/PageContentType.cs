using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Pages;

/// <summary>
/// <c>{ "type": "Page", "slug": "about", "title": "...", "body": "Markdown", "order": 1, "published": true, "sample": true }</c>,
/// upserted by slug within the step's tenant.
/// </summary>
public sealed partial class PageContentType(RichText richText) : IContentTypeHandler
{
    public string Type => "Page";

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex SlugShape();

    public static string? ValidateSlug(string slug) =>
        SlugShape().IsMatch(slug) ? null : $"スラッグ「{slug}」は半角英小文字・数字とハイフンで指定してください（例: npo-policy）。";

    public Func<RecipeExecutionContext, Task> Prepare(StepReader item)
    {
        item.AllowOnly("type", "slug", "title", "body", "order", "published", "sample");
        var slug = item.String("slug", required: true, maxLength: 100, check: ValidateSlug);
        var title = item.String("title", required: true, maxLength: 200);
        var body = item.String("body", maxLength: 200_000) ?? "";
        var order = item.Int("order", 0, 10_000) ?? 0;
        var published = item.Bool("published", true);
        var sample = item.Bool("sample");

        return async ctx =>
        {
            var page = await ctx.Db.Pages.FirstOrDefaultAsync(p => p.Slug == slug, ctx.CancellationToken);
            if (page is null)
            {
                page = new Page { Slug = slug!, Title = title!, CreatedUtc = ctx.UtcNow };
                ctx.Db.Pages.Add(page);
            }
            page.Title = title!;
            page.BodyMarkdown = body;
            page.BodyHtml = richText.ToSafeHtml(body);
            page.Order = order;
            page.IsSample = sample;
            if (published && !page.IsPublished)
                page.PublishedUtc = ctx.UtcNow;
            page.IsPublished = published;
            page.UpdatedUtc = ctx.UtcNow;
        };
    }
}
