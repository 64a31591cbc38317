using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Organisations;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Organisations;

/// <summary>Organisations and their confirmed accounts made straight in the database, and sign-in the way a browser does it.</summary>
public static class OrganisationTestData
{
    /// <summary>A confirmed organisation account on the hub; with <paramref name="organisationId"/> null, in a new organisation of its own (as owner).</summary>
    public static async Task<(int OrganisationId, int UserId)> CreateAsync(this TestApp app, string email, string organisationName = "テストNPO",
        OrganisationRole role = OrganisationRole.Owner, int? organisationId = null, bool withoutOrganisation = false)
    {
        using var scope = app.Services.CreateScope();
        var hub = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync("hub") ?? throw new InvalidOperationException("hub");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(hub);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = OrganisationAccounts.New(email, email.Split('@')[0], hub.Id, DateTime.UtcNow, confirmed: true);
        var created = await users.CreateAsync(user, AccountHelpers.Password);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (withoutOrganisation)
            return (0, user.Id);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        if (organisationId is null)
        {
            var o = new Organisation { Name = organisationName, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            organisationId = o.Id;
        }
        db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, OrganisationId = organisationId.Value, Role = role, JoinedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (organisationId.Value, user.Id);
    }

    /// <summary>Signs in on the organisations' sign-in page and checks it worked.</summary>
    public static async Task<HttpClient> OrganisationSignedInAsync(this TestApp app, string email, string password = AccountHelpers.Password)
    {
        var client = app.Browser();
        var response = await client.SubmitAsync("/organisations/login", "/organisations/login", ("email", email), ("password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Organisation sign-in of {email} failed: {response.StatusCode}");
        return client;
    }

    public static Task<Organisation> OrganisationAsync(this TestApp app, int id) =>
        app.InTenantAsync(null, db => db.Organisations.AsNoTracking().Include(o => o.ActivityAreas).SingleAsync(o => o.Id == id));

    public static Task<List<(int UserId, OrganisationRole Role)>> MembersAsync(this TestApp app, int id) =>
        app.InTenantAsync(null, async db => (await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == id).OrderBy(m => m.UserId).ToListAsync())
            .Select(m => (m.UserId, m.Role)).ToList());

    /// <summary>The Japanese messages of a page's error summary.</summary>
    public static async Task<string> ErrorsAsync(this HttpResponseMessage response) =>
        (await response.DocumentAsync()).QuerySelector(".error-summary")?.TextContent ?? "";

    /// <summary>The fields of a valid profile form, to be overridden one at a time.</summary>
    public static List<(string, string)> ValidProfile(params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "特定非営利活動法人テストネット", ["kind"] = "NpoCorporation", ["corporateNumber"] = "7000012050002",
            ["representative"] = "山田花子", ["prefecture"] = "12", ["address"] = "千葉市中央区1-1", ["website"] = "https://npo.example.jp/", ["phone"] = "043-223-4146",
        };
        foreach (var (k, v) in overrides)
            fields[k] = v;
        return fields.Select(f => (f.Key, f.Value)).ToList();
    }
}
