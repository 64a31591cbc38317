using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using NpoMunicipalNetwork.Mail;
using StackExchange.Redis;

namespace NpoMunicipalNetwork.Accounts;

public static class AccountServiceCollectionExtensions
{
    public const string AccountRateLimit = "account";

    /// <summary>Identity on our database, cookie sign-in, permission policies, rate limits, mail and data-protection keys.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<NetworkDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<NetworkClaimsPrincipalFactory>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = HubGuestSessions.KeepSessionClaim;
        });
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "npo.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Signed in but not allowed: a Japanese 403 page, not a redirect to a page that does not exist.
            o.Events.OnValidatePrincipal = HubGuestSessions.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = ctx => ThemeResults.Forbidden().ExecuteAsync(ctx.HttpContext);
        });

        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization(o => o.AddPermissionPolicies());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "npo.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perMinute = config.GetValue("Accounts:RequestsPerMinutePerIp", 10);
            o.AddPolicy(AccountRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.Configure<MailOptions>(config.GetSection(MailOptions.Section));
        services.AddSingleton<MailSender>();
        services.AddSingleton<FirstAdministratorSetup>();

        var keys = services.AddDataProtection().SetApplicationName("NpoMunicipalNetwork");
        var redis = config["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
            keys.PersistKeysToStackExchangeRedis(ConnectionMultiplexer.Connect(redis), "npo:data-protection-keys");
        else
            keys.PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(config, env)));

        return services;
    }

    /// <summary>Where the data-protection keys are kept when Redis is not configured (the backup command copies them).</summary>
    public static string KeysFolder(IConfiguration config, IHostEnvironment env) =>
        Path.GetFullPath(config["DataProtection:KeysFolder"] ?? "App_Data/keys", env.ContentRootPath);
}
