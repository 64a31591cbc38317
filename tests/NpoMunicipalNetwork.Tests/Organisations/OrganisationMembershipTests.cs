using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Organisations;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Organisations;

/// <summary>Invitations, removal, hand-over and leaving, and the rule that an organisation always keeps an owner.</summary>
public abstract class OrganisationMembershipTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static async Task<string> InviteAsync(TestApp app, HttpClient owner, int org, string email, string role = "Editor")
    {
        var sent = await owner.SubmitAsync($"/organisations/{org}/invite", $"/organisations/{org}/invite", ("email", email), ("role", role));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = app.Mails().Last(m => m.To.Mailboxes.Single().Address == email);
        return AccountHelpers.LinkIn(mail);
    }

    [Fact]
    public async Task An_invited_person_sets_name_and_password_and_joins_with_the_invited_role()
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("owner@npo.example.jp", "みらいネット");
        var owner = await app.OrganisationSignedInAsync("owner@npo.example.jp");

        var link = await InviteAsync(app, owner, org, "new@npo.example.jp");
        Assert.StartsWith("/organisations/invitations/", link);
        var invitee = app.Browser();
        var page = await (await invitee.GetAsync(link)).DocumentAsync();
        Assert.Contains("「みらいネット」のメンバー（役割: 編集者）", page.QuerySelector("main")!.TextContent);
        var joined = await invitee.SubmitAsync(link, link, ("displayName", "佐藤一郎"), ("password", "sato-password-1"), ("confirm", "sato-password-1"));
        Assert.Equal("/organisations/login?done=joined", joined.Headers.Location!.OriginalString);

        var user = await app.InTenantAsync(null, db => db.Users.SingleAsync(u => u.Email == "new@npo.example.jp"));
        Assert.Equal((AccountKind.Organisation, true, "佐藤一郎"), (user.Kind, user.EmailConfirmed, user.DisplayName));
        Assert.Contains((user.Id, OrganisationRole.Editor), await app.MembersAsync(org));
        Assert.False(await app.InTenantAsync(null, db => db.OrganisationInvitations.AnyAsync()));
        // The link works once.
        Assert.Equal(HttpStatusCode.NotFound, (await invitee.GetAsync(link)).StatusCode);
        var sato = await app.OrganisationSignedInAsync("new@npo.example.jp", "sato-password-1");
        Assert.Equal($"/organisations/{org}", (await sato.GetAsync("/organisations/mine")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_organisation_account_without_an_organisation_joins_once_signed_in_but_one_in_another_organisation_cannot()
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("owner@npo.example.jp");
        var (_, free) = await app.CreateAsync("free@npo.example.jp", withoutOrganisation: true);
        var (other, busy) = await app.CreateAsync("busy@other.example.jp", "別の団体");
        var owner = await app.OrganisationSignedInAsync("owner@npo.example.jp");

        var freeLink = await InviteAsync(app, owner, org, "free@npo.example.jp", "Member");
        var anonymous = await (await app.Browser().GetAsync(freeLink)).DocumentAsync();
        Assert.NotNull(anonymous.QuerySelector($"a[href^='/organisations/login?returnUrl=']"));
        var freeClient = await app.OrganisationSignedInAsync("free@npo.example.jp");
        var joined = await freeClient.SubmitAsync(freeLink, freeLink);
        Assert.Equal($"/organisations/{org}?done=joined", joined.Headers.Location!.OriginalString);
        Assert.Contains((free, OrganisationRole.Member), await app.MembersAsync(org));

        var busyLink = await InviteAsync(app, owner, org, "busy@other.example.jp");
        var busyClient = await app.OrganisationSignedInAsync("busy@other.example.jp");
        var refused = await busyClient.SubmitAsync("/organisations/login", busyLink);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("すでに別の団体に所属しています", await refused.ErrorsAsync());
        Assert.Equal(new[] { (busy, OrganisationRole.Owner) }, await app.MembersAsync(other));
        Assert.DoesNotContain(await app.MembersAsync(org), m => m.UserId == busy);
    }

    [Fact]
    public async Task The_owner_removes_a_member_whose_account_stays_without_an_organisation()
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("owner@npo.example.jp");
        var (_, member) = await app.CreateAsync("member@npo.example.jp", role: OrganisationRole.Member, organisationId: org);
        var owner = await app.OrganisationSignedInAsync("owner@npo.example.jp");
        var memberClient = await app.OrganisationSignedInAsync("member@npo.example.jp");

        // A member may not remove anyone.
        var byMember = await memberClient.SubmitAsync($"/organisations/{org}", $"/organisations/{org}/members/{member}/remove");
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);

        var removed = await owner.SubmitAsync($"/organisations/{org}", $"/organisations/{org}/members/{member}/remove");
        Assert.Equal($"/organisations/{org}?done=removed", removed.Headers.Location!.OriginalString);
        Assert.DoesNotContain(await app.MembersAsync(org), m => m.UserId == member);
        Assert.True(await app.InTenantAsync(null, db => db.Users.AnyAsync(u => u.Id == member)));
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/organisations/{org}")).StatusCode);
        var audit = await app.InTenantAsync("hub", db => db.AuditEntries.Select(a => a.Summary).ToListAsync());
        Assert.Contains("memberさんを団体から外しました。", audit);
    }

    [Fact]
    public async Task The_last_owner_can_neither_leave_nor_remove_or_demote_themself_until_the_role_is_handed_over()
    {
        await using var app = await StartAsync();
        var (org, owner) = await app.CreateAsync("owner@npo.example.jp");
        var (_, editor) = await app.CreateAsync("editor@npo.example.jp", role: OrganisationRole.Editor, organisationId: org);
        var client = await app.OrganisationSignedInAsync("owner@npo.example.jp");
        var home = $"/organisations/{org}";

        foreach (var (url, fields) in new[] { ($"{home}/leave", Array.Empty<(string, string)>()), ($"{home}/members/{owner}/remove", []), ($"{home}/members/{owner}/role", [("role", "Editor")]) })
        {
            var refused = await client.SubmitAsync(home, url, fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("団体には管理者が1人以上必要です", await refused.ErrorsAsync());
        }
        Assert.Equal(new[] { (owner, OrganisationRole.Owner), (editor, OrganisationRole.Editor) }, await app.MembersAsync(org));

        var handed = await client.SubmitAsync(home, $"{home}/members/{editor}/transfer");
        Assert.Equal($"{home}?done=transferred", handed.Headers.Location!.OriginalString);
        Assert.Equal(new[] { (owner, OrganisationRole.Editor), (editor, OrganisationRole.Owner) }, await app.MembersAsync(org));

        // Now the former owner may leave; the new owner is the last one and may not.
        var left = await client.SubmitAsync(home, $"{home}/leave");
        Assert.Equal("/organisations/mine?done=left", left.Headers.Location!.OriginalString);
        Assert.Contains("どの団体にも所属していません", (await (await client.GetAsync("/organisations/mine?done=left")).DocumentAsync()).QuerySelector("main")!.TextContent);
        var newOwner = await app.OrganisationSignedInAsync("editor@npo.example.jp");
        Assert.Equal(HttpStatusCode.BadRequest, (await newOwner.SubmitAsync(home, $"{home}/leave")).StatusCode);
        Assert.Equal(new[] { (editor, OrganisationRole.Owner) }, await app.MembersAsync(org));
    }

    [Theory]
    [InlineData("email", "not-an-address", "招待する人のメールアドレス「not-an-address」の形式が正しくありません")]
    [InlineData("email", "owner@npo.example.jp", "「owner@npo.example.jp」はすでにこの団体のメンバーです。")]
    [InlineData("role", "Owner", "役割は「編集者」か「メンバー」から選んでください。")]
    public async Task A_bad_invitation_is_a_400_and_sends_nothing(string field, string value, string message)
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("owner@npo.example.jp");
        var owner = await app.OrganisationSignedInAsync("owner@npo.example.jp");
        var fields = new Dictionary<string, string> { ["email"] = "new@npo.example.jp", ["role"] = "Member", [field] = value };

        var response = await owner.SubmitAsync($"/organisations/{org}/invite", $"/organisations/{org}/invite", fields.Select(f => (f.Key, f.Value)).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.ErrorsAsync());
        Assert.False(await app.InTenantAsync(null, db => db.OrganisationInvitations.AnyAsync()));
        Assert.Empty(app.Mails().Where(m => m.Subject.Contains("への招待")));
    }
}

public sealed class OrganisationMembershipTests_Sqlite() : OrganisationMembershipTests(DatabaseProvider.Sqlite);

public sealed class OrganisationMembershipTests_PostgreSql() : OrganisationMembershipTests(DatabaseProvider.PostgreSql);
