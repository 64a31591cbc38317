using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// The real site (<see cref="SiteFixture"/>) with the staff of one sample member site (<see cref="Tenant"/>)
/// that the publishing workflow needs, made directly through Identity and the DbContext, as the
/// integration tests do: an editor of 市民協働課, an approver of 広報課, a site administrator, and a
/// one-level approval route (<see cref="RouteName"/>) on which the approver decides alone.
/// One instance per test class, like <see cref="SiteFixture"/>.
/// </summary>
public sealed class PublishingSiteFixture : IAsyncLifetime
{
    /// <summary>A sample member site of the setup recipe; its pages live under <c>/chiba/</c>.</summary>
    public const string Tenant = "chiba";

    public const string Password = "publishing-2026";

    public const string EditorEmail = "henshu@city.chiba.example.jp";
    public const string EditorName = "編集 花子";
    public const string ApproverEmail = "shonin@city.chiba.example.jp";
    public const string ApproverName = "承認 次郎";
    public const string SiteAdministratorEmail = "kanri@city.chiba.example.jp";
    public const string SiteAdministratorName = "管理 三郎";

    public const string EditorUnitName = "市民協働課";
    public const string ApproverUnitName = "広報課";
    public const string RouteName = "広報課長の承認";

    public SiteFixture Site { get; } = new();

    public int EditorUnitId { get; private set; }
    public int RouteId { get; private set; }

    /// <summary>An absolute URL on the member site, e.g. <c>Url("/admin/pages/new")</c> → <c>http://127.0.0.1:…/chiba/admin/pages/new</c>.</summary>
    public string Url(string path) => Site.Url($"/{Tenant}{path}");

    public async ValueTask InitializeAsync()
    {
        await Site.InitializeAsync();
        using var scope = Site.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(Tenant)
            ?? throw new InvalidOperationException($"The setup recipe made no site '{Tenant}'.");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();

        var editorUnit = new Department { Name = EditorUnitName, Level = DepartmentLevel.Ka, Phone = "043-245-5664" };
        var approverUnit = new Department { Name = ApproverUnitName, Level = DepartmentLevel.Ka };
        db.Departments.AddRange(editorUnit, approverUnit);
        await db.SaveChangesAsync();
        EditorUnitId = editorUnit.Id;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        async Task<int> Person(string email, string name, string role, int? unit)
        {
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                TenantId = tenant.Id, CreatedUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, Password);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            if (unit is { } u)
            {
                db.DepartmentMembers.Add(new DepartmentMember { DepartmentId = u, UserId = user.Id });
                await db.SaveChangesAsync();
            }
            return user.Id;
        }

        await Person(EditorEmail, EditorName, Roles.MemberEditor, editorUnit.Id);
        var approver = await Person(ApproverEmail, ApproverName, Roles.Approver, approverUnit.Id);
        await Person(SiteAdministratorEmail, SiteAdministratorName, Roles.SiteAdministrator, null);

        var route = new ApprovalRoute
        {
            Name = RouteName, RemandTo = RemandTarget.Author,
            Levels = [new ApprovalLevel { Level = 1, RequiredCount = 1, ApproverUserIds = approver.ToString() }],
        };
        db.ApprovalRoutes.Add(route);
        await db.SaveChangesAsync();
        RouteId = route.Id;
    }

    /// <summary>Signs in on the member site's own login form, as a person would, and waits for its dashboard.</summary>
    public async Task SignInAsync(IPage page, string email)
    {
        await page.OpenAsync(Url("/account/login"));
        await page.Field("メールアドレス").FillAsync(email);
        await page.Field("パスワード").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url("/admin"));
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
