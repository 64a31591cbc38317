using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// Mails the people a workflow step concerns: approvers when something waits for them, the author
/// when it was approved, remanded or opened. Sent after the step is saved, so a failed step mails nobody.
/// The in-app inbox (承認) shows the same items without mail.
/// </summary>
public sealed class WorkflowNotifier(NetworkDbContext db, ApprovalEngine engine, MailSender mail, TenantContext tenant)
{
    public async Task WithdrawnAsync(ApprovalRequest request, string title, CancellationToken ct) =>
        await ToApproversAsync(request, $"承認依頼の取り下げ: {title}", $"「{title}」の承認依頼は、依頼した人が取り下げました。対応は不要です。", ct);

    public async Task RemindAsync(ApprovalRequest request, string title, string link, int days, CancellationToken ct) =>
        await ToApproversAsync(request, $"承認のお願い（{days}日以上お待ちです）: {title}",
            $"「{title}」の承認依頼が{days}日以上お待ちになっています。確認をお願いします。\n\n{link}", ct);

    private async Task ToApproversAsync(ApprovalRequest request, string subject, string text, CancellationToken ct)
    {
        var route = await db.ApprovalRoutes.AsNoTracking().Include(r => r.Levels).FirstAsync(r => r.Id == request.RouteId, ct);
        var level = route.Levels.Single(l => l.Level == request.CurrentLevel);
        foreach (var user in await UsersAsync(await engine.ApproversAsync(level, request.RequestedByUserId, ct), ct))
            await mail.SendAsync(user.Email!, user.DisplayName, $"【{tenant.Tenant.DisplayName}】{subject}", $"{user.DisplayName} 様\n\n{text}\n", ct);
    }

    public async Task WaitingAsync(ApprovalRequest request, string title, string link, CancellationToken ct)
    {
        var route = await db.ApprovalRoutes.AsNoTracking().Include(r => r.Levels).FirstAsync(r => r.Id == request.RouteId, ct);
        var level = route.Levels.Single(l => l.Level == request.CurrentLevel);
        foreach (var user in await UsersAsync(await engine.ApproversAsync(level, request.RequestedByUserId, ct), ct))
            await mail.SendAsync(user.Email!, user.DisplayName, $"【{tenant.Tenant.DisplayName}】承認の依頼: {title}",
                $"""
                {user.DisplayName} 様

                「{title}」の承認を依頼されています（第{request.CurrentLevel}段階 / 全{route.Levels.Count}段階）。
                内容を確認し、承認または差し戻しをお願いします。

                {link}
                """, ct);
    }

    public async Task ToAuthorAsync(ApprovalRequest request, string title, string what, string? comment, string link, CancellationToken ct)
    {
        foreach (var user in await UsersAsync([request.RequestedByUserId], ct))
            await mail.SendAsync(user.Email!, user.DisplayName, $"【{tenant.Tenant.DisplayName}】{what}: {title}",
                $"""
                {user.DisplayName} 様

                「{title}」が{what}。
                {(string.IsNullOrEmpty(comment) ? "" : $"コメント: {comment}\n")}
                {link}
                """, ct);
    }

    private async Task<List<ApplicationUser>> UsersAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id) && u.EmailConfirmed && u.Email != null).ToListAsync(ct);
    }
}
