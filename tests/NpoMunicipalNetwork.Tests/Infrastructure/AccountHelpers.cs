using NpoMunicipalNetwork.Pages;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>Users, sign-in and form posts the way a browser does them: GET the form, send its antiforgery token back.</summary>
public static partial class AccountHelpers
{
    public const string Password = "test-password-123";

    public static HttpClient Browser(this TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a confirmed user of <paramref name="tenantName"/> with roles and units; returns its id.</summary>
    public static async Task<int> CreateUserAsync(this TestApp app, string tenantName, string email, string[] roles, int[]? units = null, bool editAll = false)
    {
        using var scope = app.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(tenantName)
            ?? throw new InvalidOperationException(tenantName);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0],
            TenantId = tenant.Id, CanEditAllUnits = editAll, CreatedUtc = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
            Check(await users.AddToRolesAsync(user, roles));
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        foreach (var unit in units ?? [])
            db.DepartmentMembers.Add(new DepartmentMember { DepartmentId = unit, UserId = user.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Lets editors publish without an approval route, as a small municipality may choose.</summary>
    public static Task PublishWithoutApprovalAsync(this TestApp app, string tenantName) =>
        app.ApplyRecipeAsync($$"""{ "name": "no-approval", "steps": [ { "name": "Settings", "tenant": "{{tenantName}}", "requiresApproval": false } ] }""");

    public static async Task<int> CreateDepartmentAsync(this TestApp app, string tenantName, string name, int? parent = null, string? phone = null) =>
        await app.InTenantAsync(tenantName, async db =>
        {
            var d = new Department { Name = name, Level = parent is null ? DepartmentLevel.Bu : DepartmentLevel.Ka, ParentId = parent, Phone = phone };
            db.Departments.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    public static async Task<int> CreateOwnedPageAsync(this TestApp app, string tenantName, string slug, int? owner) =>
        await app.InTenantAsync(tenantName, async db =>
        {
            var p = new NpoMunicipalNetwork.Pages.Page { Slug = slug, Title = slug, BodyHtml = "<p>本文</p>", IsPublished = true, PublishedUtc = DateTime.UtcNow, OwnerDepartmentId = owner };
            db.Pages.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    /// <summary>GETs <paramref name="formUrl"/>, then POSTs <paramref name="fields"/> with the page's antiforgery token to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string formUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(formUrl);
        var doc = await TestApp.ParseAsync(page);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formUrl} ({page.StatusCode})");
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string formUrl, string postUrl, params (string Key, string Value)[] fields) =>
        client.SubmitAsync(formUrl, postUrl, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Signs in on the site at <paramref name="prefix"/> ("" for the hub) and checks it worked.</summary>
    public static async Task<HttpClient> SignedInAsync(this TestApp app, string email, string prefix = "", string password = Password)
    {
        var client = app.Browser();
        var response = await client.SubmitAsync($"{prefix}/account/login", $"{prefix}/account/login", ("email", email), ("password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} at '{prefix}' failed: {response.StatusCode}");
        return client;
    }

    public static IReadOnlyList<MimeMessage> Mails(this TestApp app) =>
        Directory.Exists(app.MailFolder)
            ? Directory.EnumerateFiles(app.MailFolder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>The first http(s) link in a plain-text mail, made relative to the test server.</summary>
    public static string LinkIn(MimeMessage mail)
    {
        var url = LinkPattern().Match(mail.TextBody ?? "").Value;
        return new Uri(url).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    public static async Task<IHtmlDocument> DocumentAsync(this HttpResponseMessage response) => await TestApp.ParseAsync(response);
}
