using static NpoMunicipalNetwork.Tests.Publishing.CheckAssert;

namespace NpoMunicipalNetwork.Tests.Publishing;

public sealed class AutoFixTests
{
    [Theory]
    [InlineData("ＮＰＯ法人は３０団体", "NPO法人は30団体")]
    [InlineData("ｶﾞｲﾄﾞﾌﾞｯｸとﾊﾟﾝﾌﾚｯﾄ｡", "ガイドブックとパンフレット。")]
    [InlineData("ｳﾞｧｲｵﾘﾝ", "ヴァイオリン")]
    [InlineData("①受付　②審査　㈱ちば　５㍉　120㎡　㍻31年　№3　℡", "(1)受付　(2)審査　(株)ちば　5ミリ　120平方メートル　平成31年　No.3　TEL")]
    [InlineData("締切は2025/04/01、説明会は2025-4-10です。", "締切は2025年4月1日、説明会は2025年4月10日です。")]
    [InlineData("## お 問 い 合 わ せ\n\n担当: 山　田", "## お問い合わせ\n\n担当: 山田")]
    public void Fixes_are_applied_to_the_prose(string markdown, string expected) =>
        Assert.Equal(expected, Checker.AutoFix(markdown));

    [Fact]
    public void Full_width_digits_in_a_date_become_a_japanese_date() =>
        Assert.Equal("2025年4月1日", Checker.AutoFix("２０２５/４/１"));

    [Fact]
    public void Code_urls_and_link_targets_are_left_alone()
    {
        const string markdown = """
            `2025/04/01` と ＮＰＯ の例:

            ```
            date: 2025/04/01 ｶﾅ ① ＮＰＯ
            ```

            [2025/4/1のお知らせ](https://example.jp/2025/4/1/ｶﾅ) と https://example.jp/2025/04/01 と ![写真　①](/media/2025/4/1.jpg)
            """;
        const string expected = """
            `2025/04/01` と NPO の例:

            ```
            date: 2025/04/01 ｶﾅ ① ＮＰＯ
            ```

            [2025年4月1日のお知らせ](https://example.jp/2025/4/1/ｶﾅ) と https://example.jp/2025/04/01 と ![写真　(1)](/media/2025/4/1.jpg)
            """;
        Assert.Equal(expected, Checker.AutoFix(markdown));
    }

    [Fact]
    public void Fixes_reach_into_lists_quotes_tables_and_emphasis()
    {
        const string markdown = "- 締切 2025/4/1\n\n> ＮＰＯ\n\n表: 予定\n\n| 日付 | 内容 |\n|---|---|\n| 2025/4/1 | **ｾﾐﾅｰ** |\n";
        const string expected = "- 締切 2025年4月1日\n\n> NPO\n\n表: 予定\n\n| 日付 | 内容 |\n|---|---|\n| 2025年4月1日 | **セミナー** |\n";
        Assert.Equal(expected, Checker.AutoFix(markdown));
    }

    [Fact]
    public void After_the_fix_only_findings_without_a_fix_remain()
    {
        const string markdown = "ＮＰＯ ｾﾝﾀｰ ① 2025/4/1 お 問 い 合 わ せ [こちら](https://example.jp/) ![](a.png)";
        var fixedText = Checker.AutoFix(markdown);
        Assert.All(Checker.Check(fixedText), f => Assert.False(f.AutoFixable));
        Assert.Equal(["image-alt", "vague-link-text"], Checker.Check(fixedText).Select(f => f.RuleId).Order());
    }

    [Fact]
    public void Clean_text_and_line_endings_are_kept_byte_for_byte()
    {
        const string markdown = "## 概要\r\n\r\nNPO法人の設立について、2025年4月1日から受け付けます。\r\n\r\n* 項目\r\n";
        Assert.Equal(markdown, Checker.AutoFix(markdown));
    }

    [Fact]
    public void Empty_and_null_text_are_fine()
    {
        Assert.Equal("", Checker.AutoFix(null));
        Assert.Empty(Checker.Check(null));
        Assert.Empty(Checker.Check(""));
    }
}
