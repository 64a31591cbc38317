using System.Net;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

public sealed class LocalReturnTests
{
    /// <summary>Known open-redirect and header-injection forms (as the handler receives them, already URL-decoded).</summary>
    public static TheoryData<string> Refused =>
    [
        "//evil.example", "//evil.example/x", "///evil.example", "////evil.example", "/\\evil.example", "/\\/evil.example",
        "\\\\evil.example", "\\/evil.example", "https://evil.example", "http://evil.example/", "HTTPS://evil.example",
        "//evil.example@good.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)", "evil.example", "evil.example/x", "", " /x", "/\t/evil.example/x", "/\n/evil.example",
        "/\r\nX-Injected: 1", "/\r\nSet-Cookie: a=b", "/x\u0000y", "/ /evil.example", "/\u3000/evil.example", "/\u200B/evil.example",
        "/\u202Eelpmaxe.live//", "/\uFEFF/evil.example", "/\u2028/evil.example", "/x\\y", "/%09\t/evil", "/\u0085/evil.example",
        ":/evil.example", "\t//evil.example",
    ];

    public static TheoryData<string> Accepted =>
    [
        "/", "/chiba/", "/chiba/pages/about", "/cases?q=協働&field=welfare", "/boards/topics/3?page=2#reply", "/a:b", "/%2F%2Fstays-a-path",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_anything_a_browser_could_read_as_another_host(string value) =>
        Assert.False(LocalReturn.IsLocal(value), $"accepted {Escape(value)}");

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_a_path_on_this_host(string value) => Assert.True(LocalReturn.IsLocal(value));

    [Fact]
    public void Refuses_a_lone_surrogate() => Assert.False(LocalReturn.IsLocal("/\ud800/x")); // theory data cannot carry one

    [Fact]
    public void The_list_of_refused_forms_is_long_enough_to_mean_something() => Assert.True(Refused.Count >= 30);

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:X4}" : c.ToString()));
}

public abstract class ReturnAddressTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Theory]
    [InlineData("/%09/evil.example/x")]
    [InlineData("/%0d%0aX:1")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_display_settings_go_back_only_to_a_path_on_this_site(string encoded)
    {
        await using var app = await StartAsync();

        var response = await app.CreateClientFor().GetAsync($"/display?text=large&return={encoded}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_display_settings_go_back_to_the_page_the_reader_was_on()
    {
        await using var app = await StartAsync();

        var response = await app.CreateClientFor().GetAsync("/display?text=large&return=%2Fcases%3Fq%3D%E5%8D%94%E5%83%8D");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cases?q=協働", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }
}

public sealed class ReturnAddressTests_Sqlite() : ReturnAddressTests(DatabaseProvider.Sqlite);

public sealed class ReturnAddressTests_PostgreSql() : ReturnAddressTests(DatabaseProvider.PostgreSql);
