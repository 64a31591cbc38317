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

    /// <summary>A case search that meets SQLite's write lock held past its wait (a long import, say).</summary>
    private sealed class BusyFinder : ICaseFinder
    {
        public Task<IReadOnlyList<int>> FindIdsAsync(CaseQuery q, int max, CancellationToken ct) =>
            throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 5: 'database is locked'.", 5);
    }

    [Fact]
    public async Task A_busy_database_is_a_503_with_Retry_After_and_a_Japanese_page_not_a_500()
    {
        await using var app = await StartAsync(services: s => s.AddScoped<ICaseFinder, BusyFinder>());

        var response = await app.CreateClientFor().GetAsync("/cases/export.csv");
        var doc = await TestApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter!.Delta);
        Assert.Equal("混み合っています", doc.QuerySelector("main h1")!.TextContent);
        Assert.Contains("数秒待ってから", doc.QuerySelector("main")!.TextContent);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
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
