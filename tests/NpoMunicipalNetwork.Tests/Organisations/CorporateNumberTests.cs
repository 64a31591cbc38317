using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Organisations;

namespace NpoMunicipalNetwork.Tests.Organisations;

/// <summary>
/// 法人番号 and the profile form's other rules, without a server. The valid numbers are real ones from the National
/// Tax Agency's publication site: 国税庁 itself, トヨタ自動車株式会社 and ソニーグループ株式会社. The check digit is
/// 9 − (Σ Pn × Qn mod 9) over the 12 base digits, n counted from the right, Qn = 1 for odd n and 2 for even n.
/// </summary>
public sealed class CorporateNumberTests
{
    [Theory]
    [InlineData("7000012050002")] // 国税庁
    [InlineData("1180301018771")] // トヨタ自動車株式会社
    [InlineData("5010401067252")] // ソニーグループ株式会社
    public void Published_numbers_are_valid(string number) => Assert.True(CorporateNumber.IsValid(number));

    [Theory]
    [InlineData("8000012050002")] // 国税庁's with a wrong check digit
    [InlineData("7000012050003")] // a changed base digit
    [InlineData("1180301018717")] // two digits swapped
    [InlineData("700001205000")] // 12 digits
    [InlineData("70000120500021")] // 14 digits
    [InlineData("７０００１２０５０００２")] // full-width: only after normalising
    public void Other_numbers_are_not(string number) => Assert.False(CorporateNumber.IsValid(number));

    private static FormState Form(params (string Key, string Value)[] overrides)
    {
        var state = new FormState();
        foreach (var (k, v) in OrganisationTestData.ValidProfile(overrides))
            state.Values[k] = v;
        return state;
    }

    [Fact]
    public void Full_width_digits_and_hyphens_as_pasted_are_stored_as_13_ascii_digits()
    {
        var v = ProfileForm.Read(Form(("corporateNumber", "７－００００－１２－０５０００２")), []);
        Assert.Equal("7000012050002", v!.CorporateNumber);
    }

    [Theory]
    [InlineData("NpoCorporation", "", "団体の種類が特定非営利活動法人のときは、法人番号（13桁）を入力してください。")]
    [InlineData("GeneralIncorporatedFoundation", "", "団体の種類が一般財団法人のときは、法人番号（13桁）を入力してください。")]
    [InlineData("VoluntaryGroup", "8000012050002", "法人番号「8000012050002」は正しくありません")]
    [InlineData("Other", "12345", "法人番号は13桁の数字で入力してください（入力された数字は5桁です）。")]
    [InlineData("Other", "7000O12050002", "法人番号は13桁の数字で入力してください")]
    public void A_missing_or_wrong_corporate_number_is_an_error_naming_the_field(string kind, string number, string message)
    {
        var form = Form(("kind", kind), ("corporateNumber", number));
        Assert.Null(ProfileForm.Read(form, []));
        Assert.Contains(message, (string)form.Errors["corporateNumber"]!);
    }

    [Theory]
    [InlineData("VoluntaryGroup")]
    [InlineData("Other")]
    public void Unincorporated_groups_need_no_corporate_number(string kind) =>
        Assert.Null(ProfileForm.Read(Form(("kind", kind), ("corporateNumber", "")), [])!.CorporateNumber);

    [Theory]
    [InlineData("1", "kind")] // a number is not a code
    [InlineData("Npo", "kind")]
    public void Only_the_listed_kinds_are_accepted(string kind, string field)
    {
        var form = Form(("kind", kind));
        Assert.Null(ProfileForm.Read(form, []));
        Assert.Equal("団体の種類は一覧から選んでください。", form.Errors[field]);
    }
}
