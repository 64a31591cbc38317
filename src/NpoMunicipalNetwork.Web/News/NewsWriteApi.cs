namespace NpoMunicipalNetwork.News;

/// <summary>A news item as a client sends it: the body is Markdown, as in the admin form.</summary>
public sealed class NewsWriteRequest : ContentWriteRequest
{
    public string? Title { get; init; }
    public string? Body { get; init; }
}

/// <summary>The news item's keyed-write API (<c>/api/v1/news</c>): the admin form's rules; the API feature does the rest.</summary>
public sealed class NewsWriteApi : ContentWriteApi<NewsContent>
{
    public override Type RequestType => typeof(NewsWriteRequest);
    public override string Scope => "write:news";
    public override (string Name, string Summary) Create => ("CreateNews", "お知らせを登録する（write:news）");
    public override (string Name, string Summary) Update => ("UpdateNews", "お知らせを更新する（write:news、If-Match 必須）");

    public override IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string> { ["title"] = "タイトル", ["body"] = "本文" };

    public override Task<NewsContent> ReadAsync(ContentWriteRequest body, NewsContent? current, int? itemId, IServiceProvider services, FormState errors, CancellationToken ct)
    {
        var news = (NewsWriteRequest)body;
        var title = Required(news.Title, "title", ContentItem.TitleLength, errors);
        var text = Required(news.Body, "body", NewsItem.BodyLength, errors);
        return Task.FromResult(new NewsContent(title, text, body.OwnerDepartmentId));
    }

    private string Required(string? value, string field, int max, FormState errors)
    {
        var text = Trim(value);
        if (!TextInput.HasVisible(text))
            errors.Error(field, $"{Labels[field]}（{field}）を入力してください。");
        else if (text.Length > max)
            errors.Error(field, $"{Labels[field]}（{field}）は{max}文字以内で入力してください（現在{text.Length}文字）。");
        return text;
    }
}
