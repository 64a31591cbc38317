using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>What a valid profile form says.</summary>
public sealed record ProfileValues(
    string Name, OrganisationKind Kind, string? CorporateNumber, string Representative, string PrefectureCode, string? Address,
    IReadOnlyList<int> Areas, string? WebsiteUrl, string? Phone);

/// <summary>The organisation profile form: filling it from the organisation, reading and checking it (every message names its field).</summary>
public static class ProfileForm
{
    public static FormState From(Organisation o)
    {
        var form = new FormState();
        form.Values["name"] = o.Name;
        form.Values["kind"] = o.Kind?.ToString() ?? "";
        form.Values["corporateNumber"] = o.CorporateNumber ?? "";
        form.Values["representative"] = o.RepresentativeName ?? "";
        form.Values["prefecture"] = o.PrefectureCode ?? "";
        form.Values["address"] = o.Address ?? "";
        form.Values["areas"] = o.ActivityAreas.Select(a => a.PolicyFieldId.ToString(CultureInfo.InvariantCulture)).ToArray();
        form.Values["website"] = o.WebsiteUrl ?? "";
        form.Values["phone"] = o.Phone ?? "";
        return form;
    }

    /// <param name="fields">The policy fields that may be chosen: the current ones and any this organisation already has.</param>
    public static ProfileValues? Read(FormState form, IReadOnlyList<PolicyField> fields)
    {
        var name = form.Required("name", "団体名", Organisation.NameLength);
        var kind = Kind(form);
        var number = CorporateNumberOf(form, kind);
        var representative = form.Required("representative", "代表者名", Organisation.RepresentativeLength);
        var prefecture = form.Text("prefecture");
        if (string.IsNullOrEmpty(prefecture))
            form.Error("prefecture", "所在地の都道府県を選んでください。");
        else if (Prefectures.All.All(p => p.Code != prefecture))
            form.Error("prefecture", "所在地の都道府県は一覧から選んでください。");
        var address = form.Optional("address", "所在地（市区町村以下）", Organisation.AddressLength);
        var areas = new List<int>();
        foreach (var chosen in form.Many("areas"))
        {
            if (int.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && fields.Any(f => f.Id == id))
                areas.Add(id);
            else
                form.Error("areas", "活動分野に、選べない項目が含まれています。一覧から選び直してください。");
        }
        var website = form.WebAddress("website", "ウェブサイト", Organisation.WebsiteLength);
        var phone = form.Phone("phone", "電話番号");
        return form.IsValid
            ? new ProfileValues(name!, kind!.Value, number, representative!, prefecture!, address, areas.Distinct().ToList(), website, phone)
            : null;
    }

    private static OrganisationKind? Kind(FormState form)
    {
        var code = form.Text("kind");
        var kind = OrganisationKinds.Parse(code);
        if (string.IsNullOrEmpty(code))
            form.Error("kind", "団体の種類を選んでください。");
        else if (kind is null)
            form.Error("kind", "団体の種類は一覧から選んでください。");
        return kind;
    }

    /// <summary>
    /// 法人番号: required for a corporation, checked whenever given. Full-width digits, hyphens and spaces are what
    /// people paste from the National Tax Agency's site; anything else is refused rather than silently dropped.
    /// </summary>
    private static string? CorporateNumberOf(FormState form, OrganisationKind? kind)
    {
        const string field = "corporateNumber";
        var raw = form.Optional(field, "法人番号", 40);
        if (raw is null)
        {
            if (kind is { } k && k.IsCorporation())
                form.Error(field, $"団体の種類が{k.Japanese()}のときは、法人番号（13桁）を入力してください。");
            return null;
        }
        var folded = raw.Normalize(NormalizationForm.FormKC);
        var digits = CorporateNumber.Normalize(raw);
        if (folded.Any(c => !char.IsAsciiDigit(c) && c is not '-' and not ' ') || digits.Length != 13)
        {
            form.Error(field, $"法人番号は13桁の数字で入力してください（入力された数字は{digits.Length}桁です）。");
            return null;
        }
        if (!CorporateNumber.IsValid(digits))
        {
            form.Error(field, $"法人番号「{digits}」は正しくありません（先頭の検査用数字が合いません）。国税庁法人番号公表サイトで確かめてください。");
            return null;
        }
        return digits;
    }
}
