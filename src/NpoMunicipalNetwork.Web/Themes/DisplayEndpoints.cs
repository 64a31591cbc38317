namespace NpoMunicipalNetwork.Themes;

/// <summary><c>GET /display?text=large&amp;return=/chiba/</c>: stores the choice and goes back to the page the reader was on.</summary>
public static class DisplayEndpoints
{
    public static IEndpointRouteBuilder MapDisplaySettings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/display", Choose);
        return app;
    }

    private static IResult Choose(HttpContext http, string? text, string? colors, string? @return)
    {
        if (text is null && colors is null)
            return ThemeResults.BadRequest(["文字サイズ（text）か配色（colors）を指定してください。"]);
        if (text is not null && DisplaySettings.Known(DisplaySettings.TextSizes, text) != text)
            return ThemeResults.BadRequest([$"文字サイズ「{text}」は選べません（standard・large・xlarge）。"]);
        if (colors is not null && DisplaySettings.Known(DisplaySettings.ColorSchemes, colors) != colors)
            return ThemeResults.BadRequest([$"配色「{colors}」は選べません（standard・contrast・dark）。"]);
        var options = new CookieOptions
        {
            Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        };
        if (text is not null)
            http.Response.Cookies.Append(DisplaySettings.TextCookie, text, options);
        if (colors is not null)
            http.Response.Cookies.Append(DisplaySettings.ColorsCookie, colors, options);
        // Only a path on this site: never an open redirect.
        var back = LocalReturn.Or(@return, "/");
        return Results.Redirect(back);
    }
}
