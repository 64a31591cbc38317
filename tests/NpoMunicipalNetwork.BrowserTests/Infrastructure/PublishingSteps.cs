using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>The steps of the publishing workflow as a person takes them in the admin area, for tests that need a page in a given state.</summary>
public static class PublishingSteps
{
    /// <summary>The editor saves a new page through the form; returns the URL of its status page.</summary>
    public static async Task<string> CreateDraftAsync(this PublishingSiteFixture site, IPage editor, string title, string slug, string body)
    {
        await editor.OpenAsync(site.Url("/admin/pages/new"));
        await editor.Field("タイトル").FillAsync(title);
        await editor.Field("URL（スラッグ）").FillAsync(slug);
        await editor.Field("本文（Markdown）").FillAsync(body);
        var saved = await editor.SubmitAsync("下書き保存");
        Assert.True(saved.WasRedirectAfterPost(), $"Saving the page '{slug}' answered {saved.Status} at {saved.Url}.");
        await Expect(editor).ToHaveURLAsync(new Regex(Regex.Escape(site.Url("/admin/pages/")) + @"\d+$"));
        return editor.Url;
    }

    /// <summary>On the status page: the checker's safe fixes, saved as a new version.</summary>
    public static async Task AutoFixAsync(IPage editor)
    {
        var response = await editor.SubmitAsync("表記を自動修正する（新しい版として保存）");
        Assert.True(response.WasRedirectAfterPost(), $"Auto-fix answered {response.Status}.");
    }

    /// <summary>On the status page: asks for approval on the fixture's route.</summary>
    public static async Task RequestApprovalAsync(IPage editor, string comment)
    {
        var form = editor.GetByRole(AriaRole.Region, new() { Name = "承認を依頼する" });
        await form.GetByLabel("承認経路").SelectOptionAsync(new SelectOptionValue { Label = PublishingSiteFixture.RouteName });
        await form.GetByLabel("依頼のコメント").FillAsync(comment);
        var response = await editor.SubmitAsync("承認を依頼する");
        Assert.True(response.WasRedirectAfterPost(), $"Requesting approval answered {response.Status}.");
    }

    /// <summary>The approver opens the request for <paramref name="title"/> from the inbox; returns its URL.</summary>
    public static async Task<string> OpenRequestAsync(this PublishingSiteFixture site, IPage approver, string title)
    {
        await approver.OpenAsync(site.Url("/admin/approvals"));
        await approver.GetByRole(AriaRole.Region, new() { Name = "依頼されたもの" })
            .GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(approver.Locator("h1")).ToHaveTextAsync($"承認: {title}");
        return approver.Url;
    }

    /// <summary>On the approval view: writes the comment and presses 承認する or 差し戻す.</summary>
    public static async Task DecideAsync(IPage approver, string button, string comment)
    {
        await approver.Field("コメント").FillAsync(comment);
        var response = await approver.SubmitAsync(button);
        Assert.True(response.WasRedirectAfterPost(), $"{button} answered {response.Status}.");
    }
}
