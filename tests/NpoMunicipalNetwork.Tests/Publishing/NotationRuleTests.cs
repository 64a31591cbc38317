using NpoMunicipalNetwork.Publishing.Checks;
using static NpoMunicipalNetwork.Tests.Publishing.CheckAssert;

namespace NpoMunicipalNetwork.Tests.Publishing;

public sealed class NotationRuleTests
{
    [Theory]
    [InlineData("ＮＰＯ法人の設立", "ＮＰＯ", "NPO")]
    [InlineData("定員は３０名です。", "３０", "30")]
    [InlineData("## 申請のｆｌｏｗ", "ｆｌｏｗ", "flow")]
    public void Full_width_alphanumerics_are_flagged_with_the_half_width_form(string markdown, string excerpt, string suggestion)
    {
        var finding = Single(markdown, CheckRuleIds.FullWidthAlphanumeric, "全角英数字");
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.Contains(suggestion, finding.Message);
        Assert.True(finding.AutoFixable);
    }

    [Theory]
    [InlineData("NPO法人の定員は30名です。（全角の括弧や、「かぎ括弧」は対象外）")]
    [InlineData("`ＮＰＯ` はコードの中なので対象外です。")]
    [InlineData("```\n定員３０名\n```")]
    public void Half_width_alphanumerics_and_code_pass(string markdown) => None(markdown, CheckRuleIds.FullWidthAlphanumeric);

    [Theory]
    [InlineData("ｶﾞｲﾄﾞﾌﾞｯｸを配布します。", "ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック")]
    [InlineData("ﾊﾟﾝﾌﾚｯﾄ", "ﾊﾟﾝﾌﾚｯﾄ", "パンフレット")]
    [InlineData("ｾﾝﾀｰ｡", "ｾﾝﾀｰ｡", "センター。")]
    public void Half_width_kana_are_an_error_with_the_full_width_form(string markdown, string excerpt, string suggestion)
    {
        var finding = Single(markdown, CheckRuleIds.HalfWidthKana, "半角カナ");
        Assert.Equal(CheckSeverity.Error, finding.Severity);
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.Contains(suggestion, finding.Message);
    }

    [Theory]
    [InlineData("ガイドブックを配布します。")]
    [InlineData("`ｶﾅ` はコード")]
    public void Full_width_kana_pass(string markdown) => None(markdown, CheckRuleIds.HalfWidthKana);

    [Theory]
    [InlineData("①申請書を提出する", "①", "(1)")]
    [InlineData("㈱ちば商事", "㈱", "(株)")]
    [InlineData("約５㍉", "㍉", "ミリ")]
    [InlineData("面積は120㎡です。", "㎡", "平方メートル")]
    [InlineData("㍻31年", "㍻", "平成")]
    [InlineData("№12", "№", "No.")]
    [InlineData("℡ 043-000-0000", "℡", "TEL")]
    [InlineData("第Ⅲ期計画", "Ⅲ", "III")]
    [InlineData("㋿7年度", "㋿", "令和")]
    public void Machine_dependent_characters_are_flagged_with_a_replacement(string markdown, string excerpt, string replacement)
    {
        var finding = Single(markdown, CheckRuleIds.MachineDependentCharacter, "機種依存文字");
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.Contains($"「{replacement}」", finding.Message);
        Assert.True(finding.AutoFixable);
    }

    [Fact]
    public void A_character_without_a_safe_replacement_is_flagged_but_not_fixable()
    {
        var finding = Single("直角は∟で表します。", CheckRuleIds.MachineDependentCharacter, "機種依存文字");
        Assert.False(finding.AutoFixable);
        Assert.Equal("直角は∟で表します。", Checker.AutoFix("直角は∟で表します。"));
    }

    [Fact]
    public void The_secretariat_extends_and_overrides_the_dictionary()
    {
        var checker = new ContentChecker(new Dictionary<string, string> { ["∟"] = "直角", ["①"] = "1." , ["髙"] = "高" });
        Assert.Contains(checker.Check("髙橋"), f => f.RuleId == CheckRuleIds.MachineDependentCharacter && f.Excerpt == "髙" && f.AutoFixable);
        Assert.Equal("直角と1.と高橋と(2)", checker.AutoFix("∟と①と髙橋と②"));
    }

    [Theory]
    [InlineData("(1) 申請書を提出する")]
    [InlineData("株式会社ちば商事、面積は120平方メートル、平成31年、No.12、TEL 043-000-0000")]
    [InlineData("`①` はコード")]
    public void Plain_characters_pass(string markdown) => None(markdown, CheckRuleIds.MachineDependentCharacter);

    [Theory]
    [InlineData("締切は2025/4/1です。", "2025/4/1", "2025年4月1日")]
    [InlineData("締切は2025/04/01（火）です。", "2025/04/01", "2025年4月1日")]
    [InlineData("説明会: 2025-11-03 午後2時から", "2025-11-03", "2025年11月3日")]
    [InlineData("[2025/4/1 更新のお知らせ](/news/1)", "2025/4/1", "2025年4月1日")]
    public void Slash_and_hyphen_dates_are_flagged_with_the_japanese_form(string markdown, string excerpt, string suggestion)
    {
        var finding = Single(markdown, CheckRuleIds.DateFormat, "日付");
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.Contains($"「{suggestion}」", finding.Message);
        Assert.True(finding.AutoFixable);
    }

    [Theory]
    [InlineData("締切は2025年4月1日です。")]
    [InlineData("資料: https://example.jp/news/2025/04/01/plan.pdf")]
    [InlineData("[お知らせ](https://example.jp/2025/4/1)")]
    [InlineData("`2025-04-01` の形式で入力してください。")]
    [InlineData("```\ndate: 2025/04/01\n```")]
    [InlineData("ファイル名 report-2025-04-01.pdf、電話 2025-123-4567、不正な日付 2025/13/40、分数 1/2")]
    [InlineData("資料は example.jp/2025/04/01/ にあります。")]
    public void Japanese_dates_urls_code_and_other_numbers_pass(string markdown) => None(markdown, CheckRuleIds.DateFormat);

    [Theory]
    [InlineData("担当: 山　田", "山　田", "山田")]
    [InlineData("## お 問 い 合 わ せ", "お 問 い 合 わ せ", "お問い合わせ")]
    [InlineData("| 氏　　名 | 電話 |\n|---|---|\n| 千葉 | 1 |", "氏　　名", "氏名")]
    public void Letter_spacing_inside_a_word_is_a_warning(string markdown, string excerpt, string suggestion)
    {
        var finding = Single(markdown, CheckRuleIds.SpacingInsideWord, "空白");
        Assert.Equal(CheckSeverity.Warning, finding.Severity);
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.Contains($"「{suggestion}」", finding.Message);
        Assert.True(finding.AutoFixable);
    }

    [Fact]
    public void Mixed_spacing_may_be_two_words_so_it_is_reported_without_a_fix()
    {
        var finding = Single("お 問 い 合 わ せ　山　田", CheckRuleIds.SpacingInsideWord, "空白を取り除いてください");
        Assert.False(finding.AutoFixable);
        Assert.Equal("お 問 い 合 わ せ　山　田", Checker.AutoFix("お 問 い 合 わ せ　山　田"));
    }

    [Fact]
    public void The_same_problem_in_several_places_is_reported_once_with_the_count()
    {
        var finding = Single("ｶﾅと、ｶﾅと、ｶﾅ。", CheckRuleIds.HalfWidthKana, "半角カナ");
        Assert.Contains("ほかに2か所", finding.Message);
        Assert.Equal("カナと、カナと、カナ。", Checker.AutoFix("ｶﾅと、ｶﾅと、ｶﾅ。"));
    }

    [Theory]
    [InlineData("NPO 法人の設立")]
    [InlineData("担当: 山田　太郎")]
    [InlineData("## お知らせ　一覧")]
    [InlineData("第1 回 会議")]
    [InlineData("A 案と B 案")]
    [InlineData("開館日: 月　火　水　金")]
    [InlineData("市 町 の連携")]
    [InlineData("`お 問 い 合 わ せ`")]
    public void Spaces_between_words_pass(string markdown) => None(markdown, CheckRuleIds.SpacingInsideWord);
}
