using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>
/// Hostile input posted through HTTP like any reply, then the topic page parsed with AngleSharp: nothing in a
/// post body may run script, load a frame or style, or point a link or source at a script-capable URL.
/// </summary>
public abstract class BoardXssTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    public static readonly string[] Payloads =
    [
        // script tags
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<script\n>alert(1)</script\n>",
        "\"><script>alert(document.cookie)</script>",
        // event handlers
        "<img src=x onerror=alert(1)>",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<a href=\"https://example.jp\" onclick=\"alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<marquee onstart=alert(1)>x</marquee>",
        // javascript:, data:, vbscript: URLs
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "[x](javascript://%0aalert(1))",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[ref][r]\n\n[r]: data:text/html,<script>alert(1)</script> \"title\"",
        // Markdown image tricks
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x\" onerror=\"alert(1)](https://example.jp/a.png)",
        "![x](https://example.jp/a.png\"onerror=\"alert(1))",
        "[![img](javascript:alert(1))](javascript:alert(2))",
        // autolinks
        "<javascript:alert(1)>",
        "<data:text/html,alert(1)>",
        "www.example.jp/<script>alert(1)</script>",
        "https://example.jp/\"onmouseover=\"alert(1)",
        "<vbscript:msgbox(1)>",
        // SVG and MathML
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        // CSS and style
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"expression(alert(1))\">x</p>",
        "<link rel=stylesheet href=//evil.example/x.css>",
        // HTML entities and encoding
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)\">x</a>",
        "<img src=&#x6A;avascript:alert(1)>",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        // broken HTML
        "<img src=\"x\" onerror=\"alert(1)\"",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"https://example.jp\"<script>alert(1)</script>",
        "</p><script>alert(1)</script><p>",
        "<!--<script>alert(1)--><script>alert(2)</script>",
        "<![CDATA[<script>alert(1)</script>]]>",
        // frames, objects, forms, meta refresh, base
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        // code spans and blocks must stay text
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "> <script>alert(1)</script>\n> [x](javascript:alert(1))",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    ];

    private static readonly string[] Forbidden = ["script", "style", "iframe", "object", "embed", "form", "svg", "math", "meta", "link", "base", "img", "input", "video", "source", "details", "marquee", "body"];

    [Fact]
    public void The_corpus_has_at_least_fifty_payloads() => Assert.True(Payloads.Length >= 50, $"{Payloads.Length} payloads");

    [Fact]
    public async Task No_payload_renders_script_capable_markup_in_a_post()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:PostsPerPage"] = "200" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[NpoMunicipalNetwork.Boards.BoardVisibility.Public].TopicId;
        var client = w.Clients[Moderator]; // trusted, so links are not refused before they reach the sanitizer
        foreach (var payload in Payloads)
        {
            var response = await w.ReplyAsync(Moderator, topic, payload);
            Assert.True(response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.BadRequest, $"{payload}: {response.StatusCode}");
        }

        var doc = await (await client.GetAsync($"/boards/t/{topic}")).DocumentAsync();
        var bodies = doc.QuerySelectorAll(".board-post__body");
        Assert.True(bodies.Length >= Payloads.Length - 5, $"only {bodies.Length} post bodies rendered"); // a payload with no visible text is refused
        var problems = new List<string>();
        foreach (var body in bodies)
            foreach (var e in body.QuerySelectorAll("*").Prepend(body))
            {
                if (Forbidden.Contains(e.LocalName))
                    problems.Add($"<{e.LocalName}> in {body.InnerHtml}");
                foreach (var attr in e.Attributes)
                {
                    if (attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attr.Name is "style" or "srcdoc" or "formaction" or "xlink:href")
                        problems.Add($"{attr.Name}= on <{e.LocalName}> in {body.InnerHtml}");
                    if (attr.Name is "href" or "src" or "action" or "data")
                    {
                        var value = new string(attr.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                        if (!(value.StartsWith("https://") || value.StartsWith("http://") || value.StartsWith("mailto:") || value.StartsWith('/') || value.StartsWith('#')))
                            problems.Add($"{attr.Name}=\"{attr.Value}\" in {body.InnerHtml}");
                    }
                }
                if (e.LocalName == "a" && e.GetAttribute("rel") != "nofollow ugc noopener")
                    problems.Add($"link without rel=nofollow ugc: {e.OuterHtml}");
            }
        // The page as a whole: our own scripts are none (CSP), so any script element at all is a leak.
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));

        // The text survives as text: the reader sees what was typed, harmlessly.
        Assert.Contains(bodies, b => b.TextContent.Contains("<script>alert(1)</script>"));
    }
}

public sealed class BoardXssTests_Sqlite() : BoardXssTests(DatabaseProvider.Sqlite);

public sealed class BoardXssTests_PostgreSql() : BoardXssTests(DatabaseProvider.PostgreSql);
