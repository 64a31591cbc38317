using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>An approver can decide with the keyboard alone: the comment, then 承認する, then 差し戻す, each with a visible focus.</summary>
public sealed class PublishingKeyboardTests(PublishingSiteFixture site, BrowserFixture browser) : IClassFixture<PublishingSiteFixture>
{
    private const string Title = "キーボード操作の確認";

    [Fact]
    public async Task Approval_view_Tab_order_is_the_comment_then_approve_then_remand_and_Enter_approves()
    {
        await using var editorContext = await browser.NewContextAsync(site.Site.BaseUrl);
        var editor = await editorContext.NewPageAsync();
        await site.SignInAsync(editor, PublishingSiteFixture.EditorEmail);
        await site.CreateDraftAsync(editor, Title, "keyboard", "キーボードだけで承認できることの確認です。");
        await PublishingSteps.RequestApprovalAsync(editor, "確認をお願いします。");

        await using var approverContext = await browser.NewContextAsync(site.Site.BaseUrl);
        var approver = await approverContext.NewPageAsync();
        await site.SignInAsync(approver, PublishingSiteFixture.ApproverEmail);
        var view = await site.OpenRequestAsync(approver, Title);
        await approver.OpenAsync(view); // a fresh load: focus starts at the top of the document

        var stops = new List<string>();
        for (var i = 0; i < 40 && (stops.Count == 0 || stops[^1] != "textarea:comment"); i++)
        {
            await approver.Keyboard.PressAsync("Tab");
            stops.Add(await FocusedAsync(approver));
        }
        Assert.True(stops[^1] == "textarea:comment", "Tab never reached the コメント field: " + string.Join(" → ", stops));
        Assert.Equal("a:本文へ移動", stops[0]);
        await Expect(approver.Field("コメント")).ToBeFocusedAsync();
        Assert.True(await FocusIsVisibleAsync(approver), "No visible focus indicator on the コメント field.");

        await approver.Keyboard.TypeAsync("確認しました。");
        await approver.Keyboard.PressAsync("Tab");
        Assert.Equal("button:承認する", await FocusedAsync(approver));
        Assert.True(await FocusIsVisibleAsync(approver), "No visible focus indicator on 承認する.");
        await approver.Keyboard.PressAsync("Tab");
        Assert.Equal("button:差し戻す", await FocusedAsync(approver));
        Assert.True(await FocusIsVisibleAsync(approver), "No visible focus indicator on 差し戻す.");

        // Back to 承認する and press Enter: the decision is made with the comment typed above.
        await approver.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("button:承認する", await FocusedAsync(approver));
        await approver.Keyboard.PressAsync("Enter");
        await approver.WaitForURLAsync(site.Url("/admin/approvals"));
        await Expect(approver.GetByRole(AriaRole.Region, new() { Name = "依頼されたもの" })).ToContainTextAsync("承認を依頼されたものはありません。");
        Assert.Equal(200, (await approver.Context.APIRequest.GetAsync(site.Url("/pages/keyboard"))).Status);
    }

    /// <summary>The focused element as "tag:name", e.g. <c>textarea:comment</c>, <c>button:承認する</c>.</summary>
    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'body';
          const tag = e.tagName.toLowerCase();
          if (tag === 'input' || tag === 'select' || tag === 'textarea') return tag + ':' + e.name;
          return tag + ':' + e.textContent.trim();
        }
        """);

    private static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const e = document.activeElement;
          if (!e || !e.matches(':focus-visible')) return false;
          const s = getComputedStyle(e);
          return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
        }
        """);
}
