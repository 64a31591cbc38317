using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NpoMunicipalNetwork.Webhooks;

/// <summary>Webhook subscriptions: the outbox written with each SaveChanges, the dispatcher, and their admin.</summary>
public sealed class WebhooksFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        var allowPrivate = configuration.GetValue($"{WebhookOptions.Section}:{nameof(WebhookOptions.AllowPrivateAddresses)}", false);
        // Tests replace the primary handler with ConfigurePrimaryHttpMessageHandler to see and answer each request.
        services.AddHttpClient(WebhookDispatcher.ClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("NpoMunicipalNetwork-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(() => WebhookAddresses.Handler(environment.IsDevelopment(), allowPrivate));
        services.AddSingleton<WebhookEventTypes>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddAdminMenuItem(new("Webhook", "/admin/webhooks", Permissions.ManageWebhooks, Order: 240));
    }

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapWebhookAdmin();
}
