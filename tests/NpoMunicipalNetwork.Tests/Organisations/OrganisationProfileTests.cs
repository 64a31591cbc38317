using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Organisations;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Organisations;

/// <summary>The profile over HTTP: who may edit it, and that every bad input is a Japanese 400 that saves nothing.</summary>
public abstract class OrganisationProfileTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Theory]
    [InlineData("name", "LONG", "団体名は100文字以内で入力してください（現在101文字）。")]
    [InlineData("representative", "山田\u0007花子", "代表者名に入力できない文字（制御文字）が含まれています。")]
    [InlineData("representative", "山田\u0000花子", "送信内容を確認できませんでした")] // the form reader refuses a NUL: the whole form is a 400
    [InlineData("address", "千葉市\u202Eabc", "所在地（市区町村以下）に入力できない文字（書字方向を変える制御文字）が含まれています。")]
    [InlineData("website", "javascript:alert(1)", "ウェブサイトは http:// または https:// で始まるアドレスで入力してください")]
    [InlineData("website", "ftp://npo.example.jp/", "ウェブサイトは http:// または https:// で始まるアドレスで入力してください")]
    [InlineData("website", "https://user:pass@npo.example.jp/", "ウェブサイトは http:// または https:// で始まるアドレスで入力してください")]
    [InlineData("corporateNumber", "8000012050002", "法人番号「8000012050002」は正しくありません")]
    [InlineData("corporateNumber", "", "団体の種類が特定非営利活動法人のときは、法人番号（13桁）を入力してください。")]
    [InlineData("prefecture", "48", "所在地の都道府県は一覧から選んでください。")]
    [InlineData("kind", "Company", "団体の種類は一覧から選んでください。")]
    [InlineData("phone", "電話", "電話番号は半角数字とハイフンで、市外局番から入力してください")]
    [InlineData("areas", "999999", "活動分野に、選べない項目が含まれています。")]
    public async Task Bad_input_is_a_400_with_a_Japanese_message_naming_the_field_and_nothing_is_written(string field, string value, string message)
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("owner@npo.example.jp", "元の名前");
        var client = await app.OrganisationSignedInAsync("owner@npo.example.jp");
        var before = await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync());
        value = value == "LONG" ? new string('団', 101) : value;

        var response = await client.SubmitAsync($"/organisations/{org}/profile", $"/organisations/{org}/profile", OrganisationTestData.ValidProfile((field, value)).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.DocumentAsync();
        if (message.StartsWith("送信内容", StringComparison.Ordinal))
            Assert.Contains(message, doc.QuerySelector("main")!.TextContent);
        else
        {
            Assert.Contains(message, doc.QuerySelector(".error-summary")!.TextContent);
            Assert.Equal("true", doc.QuerySelector($"[name={field}]")?.GetAttribute("aria-invalid") ?? (field == "areas" ? "true" : null));
        }
        var o = await app.OrganisationAsync(org);
        Assert.Equal(("元の名前", (OrganisationKind?)null, (string?)null), (o.Name, o.Kind, o.CorporateNumber));
        Assert.Empty(o.ActivityAreas);
        Assert.Equal(before, await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Owners_and_editors_edit_the_profile_and_its_activity_areas_members_only_read_it()
    {
        await using var app = await StartAsync();
        await app.ApplyRecipeAsync("""
            { "name": "vocabulary", "steps": [ { "name": "CaseVocabulary", "fields": [ { "code": "welfare", "name": "福祉" }, { "code": "environment", "name": "環境" } ] } ] }
            """);
        var (org, _) = await app.CreateAsync("owner@npo.example.jp");
        await app.CreateAsync("editor@npo.example.jp", role: OrganisationRole.Editor, organisationId: org);
        await app.CreateAsync("member@npo.example.jp", role: OrganisationRole.Member, organisationId: org);
        var chosen = await app.InTenantAsync(null, db => db.PolicyFields.Where(f => f.Code == "welfare" || f.Code == "environment").ToListAsync());
        var fields = chosen.Select(f => f.Id).ToList();
        var url = $"/organisations/{org}/profile";

        var editor = await app.OrganisationSignedInAsync("editor@npo.example.jp");
        var saved = await editor.SubmitAsync(url, url, [.. OrganisationTestData.ValidProfile(("kind", "VoluntaryGroup"), ("corporateNumber", "")), ("areas", fields[0].ToString()), ("areas", fields[1].ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var o = await app.OrganisationAsync(org);
        Assert.Equal((OrganisationKind.VoluntaryGroup, (string?)null), (o.Kind!.Value, o.CorporateNumber));
        Assert.Equal(fields.Order(), o.ActivityAreas.Select(a => a.PolicyFieldId).Order());

        var member = await app.OrganisationSignedInAsync("member@npo.example.jp");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/organisations/{org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);
        var refused = await member.SubmitAsync($"/organisations/{org}", url, OrganisationTestData.ValidProfile(("name", "メンバーの変更")).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("特定非営利活動法人テストネット", (await app.OrganisationAsync(org)).Name);

        var home = await (await member.GetAsync($"/organisations/{org}")).DocumentAsync();
        var shown = home.QuerySelector(".profile-list")!.TextContent;
        Assert.All(chosen, f => Assert.Contains(f.Name, shown));
        Assert.Null(home.QuerySelector($"a[href='{url}']"));
    }
}

public sealed class OrganisationProfileTests_Sqlite() : OrganisationProfileTests(DatabaseProvider.Sqlite);

public sealed class OrganisationProfileTests_PostgreSql() : OrganisationProfileTests(DatabaseProvider.PostgreSql);
