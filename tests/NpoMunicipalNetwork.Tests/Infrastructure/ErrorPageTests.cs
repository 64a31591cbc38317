using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

public abstract class ErrorPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    /// <summary>A case search that fails the way a bug would: the request becomes an unhandled exception.</summary>
    private sealed class BrokenFinder : ICaseFinder
    {
        public const string Secret = "内部の詳細：接続文字列 Host=secret";

        public Task<IReadOnlyList<int>> FindIdsAsync(CaseQuery q, int max, CancellationToken ct) => throw new InvalidOperationException(Secret);
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_Japanese_500_page_with_an_error_id_and_the_security_headers_and_no_details()
    {
        await using var app = await StartAsync(services: s => s.AddScoped<ICaseFinder, BrokenFinder>());

        var response = await app.CreateClientFor().GetAsync("/cases/export.csv");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html);
        Assert.Matches("エラー番号: [^（<]+（", html);
        Assert.DoesNotContain(BrokenFinder.Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Kestrel_sends_no_Server_header()
    {
        await using var app = await StartAsync();

        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}

public sealed class ErrorPageTests_Sqlite() : ErrorPageTests(DatabaseProvider.Sqlite);

public sealed class ErrorPageTests_PostgreSql() : ErrorPageTests(DatabaseProvider.PostgreSql);
