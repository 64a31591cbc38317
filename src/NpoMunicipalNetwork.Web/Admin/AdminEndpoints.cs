using NpoMunicipalNetwork.ApiKeys;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.Home;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Feedback;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.OpenData;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Publishing.Checks;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Webhooks;

namespace NpoMunicipalNetwork.Admin;

/// <summary>
/// The route table of the admin area (<c>/admin</c> on the hub, <c>/{tenant}/admin</c> on a member site).
/// Signing in is required for all of it; each feature adds its own permission on top.
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequirePermission(Permissions.AccessAdmin);
        admin.MapDashboard();
        admin.MapContentAdmin(new PageContentWorkflowType());
        admin.MapMenuAdmin();
        admin.MapHomeAdmin();
        admin.MapContentAdmin(new Cases.CaseContentWorkflowType());
        admin.MapContentAdmin(new News.NewsContentWorkflowType());
        admin.MapFeedbackAdmin();
        admin.MapVocabularyAdmin();
        admin.MapCaseImport();
        admin.MapContentAdmin(new Reports.ReportContentWorkflowType());
        admin.MapApprovals();
        admin.MapRouteAdmin();
        admin.MapNotationAdmin();
        admin.MapDepartmentAdmin();
        admin.MapUserAdmin();
        admin.MapTenantAdmin();
        admin.MapRegistryAdmin();
        admin.MapAuditAdmin();
        admin.MapForumAdmin();
        admin.MapSearchAdmin();
        admin.MapBoardAdmin();
        admin.MapApiKeyAdmin();
        admin.MapOpenDataAdmin();
        admin.MapWebhookAdmin();
        admin.MapAccessibilityAdmin();
        return app;
    }
}
