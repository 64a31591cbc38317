using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Forums;

/// <summary>Mail to registrants: received (confirmed or waitlisted), with the cancel link; and promoted from the waitlist.</summary>
public sealed class RegistrationMail(MailSender mail)
{
    /// <summary>
    /// The cancel page lives on the hub, also when an organiser's action on a member site sends the mail:
    /// the hub is the root of the same host for a path-prefixed site, else <c>Network:HubBaseUrl</c>.
    /// </summary>
    private static string CancelLink(HttpRequest request, Registration r)
    {
        var path = $"/forums/registration/cancel/{r.CancelToken}";
        var tenant = request.HttpContext.RequestServices.GetRequiredService<Tenants.TenantContext>();
        var hubBase = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Network:HubBaseUrl"];
        if (tenant.HasTenant && !tenant.Tenant.IsHub && !request.PathBase.HasValue && !string.IsNullOrWhiteSpace(hubBase))
            return hubBase.TrimEnd('/') + path;
        return $"{request.Scheme}://{request.Host}{path}";
    }

    public Task SendReceivedAsync(HttpRequest request, Forum forum, Registration r, CancellationToken ct)
    {
        var confirmed = r.Status == RegistrationStatus.Confirmed;
        return mail.SendAsync(r.Email, r.Name, $"【{forum.Title}】参加申込を受け付けました（{r.Status.Japanese()}）",
            $"""
            {r.Name} 様

            {forum.Title}への参加申込を受け付けました。

            申込の状態: {r.Status.Japanese()}
            {(confirmed ? "参加が確定しました。当日のご来場をお待ちしております。" : "定員に達しているため、キャンセル待ちとして受け付けました。席が空きましたら、申込順に繰り上げてメールでお知らせします。")}

            参加を取り消す場合は、次のリンクを開いてください（ログインは不要です）。
            {CancelLink(request, r)}

            このメールにお心当たりがない場合は、上のリンクから取り消してください。
            """, ct);
    }

    public Task SendPromotedAsync(HttpRequest request, Forum forum, Registration r, CancellationToken ct) =>
        mail.SendAsync(r.Email, r.Name, $"【{forum.Title}】キャンセル待ちから参加確定になりました",
            $"""
            {r.Name} 様

            {forum.Title}に空きが出たため、キャンセル待ちのお申込みが参加確定になりました。

            参加を取り消す場合は、次のリンクを開いてください（ログインは不要です）。
            {CancelLink(request, r)}
            """, ct);
}
