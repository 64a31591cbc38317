using NpoMunicipalNetwork.Publishing.Checks;
using static NpoMunicipalNetwork.Tests.Publishing.CheckAssert;

namespace NpoMunicipalNetwork.Tests.Publishing;

public sealed class StructureRuleTests
{
    [Theory]
    [InlineData("![](photo.png)", "photo.png")]
    [InlineData("![  ](/media/2025/hall.jpg?w=640)", "hall.jpg")]
    public void An_image_without_alt_text_is_an_error(string markdown, string excerpt)
    {
        var finding = Single(markdown, CheckRuleIds.ImageAlt, "代替テキストがありません");
        Assert.Equal(CheckSeverity.Error, finding.Severity);
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.False(finding.AutoFixable);
    }

    [Theory]
    [InlineData("![IMG_0012.jpg](IMG_0012.jpg)", "IMG_0012.jpg")]
    [InlineData("![photo.png](/media/a1b2.png)", "photo.png")]
    [InlineData("![DSC01234](/media/DSC01234.JPG)", "DSC01234")]
    public void An_image_whose_alt_text_is_a_file_name_is_an_error(string markdown, string excerpt)
    {
        var finding = Single(markdown, CheckRuleIds.ImageAlt, "ファイル名");
        Assert.Equal(excerpt, finding.Excerpt);
    }

    [Theory]
    [InlineData("![市民活動センターの外観](/media/center.jpg)")]
    [InlineData("![画像の例](photo.png) ではなく `![](photo.png)` と書くと警告されます。")]
    [InlineData("```\n![](photo.png)\n```")]
    public void Images_with_descriptive_alt_text_or_inside_code_pass(string markdown) => None(markdown, CheckRuleIds.ImageAlt);

    [Fact]
    public void A_table_without_a_caption_gets_a_warning()
    {
        var finding = Single("| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |", CheckRuleIds.TableCaption, "表題（キャプション）がありません");
        Assert.Equal(CheckSeverity.Warning, finding.Severity);
        Assert.Equal("区分 | 料金", finding.Excerpt);
        Assert.Contains("表: ", finding.Message);
    }

    [Theory]
    [InlineData("表: 会議室の利用料金\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |")]
    [InlineData("表：会議室の利用料金\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |")]
    [InlineData("表1：会議室の利用料金\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |")]
    [InlineData("^^^\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |\n^^^ 会議室の利用料金")]
    public void A_table_with_a_caption_by_the_convention_or_a_figure_passes(string markdown) => None(markdown, CheckRuleIds.TableCaption);

    [Theory]
    [InlineData("表:\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |")]
    [InlineData("表: 利用料金\n\n段落が間にある。\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |")]
    public void An_empty_or_distant_caption_line_does_not_count(string markdown) =>
        Single(markdown, CheckRuleIds.TableCaption, "表題");

    [Fact]
    public void Header_cells_of_markdown_tables_get_scopes_on_publishing_so_they_pass() =>
        None("表: 利用料金\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |", CheckRuleIds.TableHeaderScope);

    [Fact]
    public void A_body_h1_is_an_error_because_the_title_is_the_h1()
    {
        var finding = Single("# 事業の概要\n\n本文です。", CheckRuleIds.HeadingH1, "見出し1");
        Assert.Equal(CheckSeverity.Error, finding.Severity);
        Assert.Equal("事業の概要", finding.Excerpt);
        Assert.Contains("##", finding.Message);
    }

    [Fact]
    public void A_setext_h1_is_found_too() =>
        Single("事業の概要\n======\n\n本文です。", CheckRuleIds.HeadingH1, "見出し1");

    [Theory]
    [InlineData("## 概要\n\n#### 対象者", "対象者")]
    [InlineData("### 対象者", "対象者")]
    [InlineData("## 概要\n\n### 対象\n\n## 申請\n\n#### 書類", "書類")]
    public void A_skipped_heading_level_is_a_warning(string markdown, string excerpt)
    {
        var finding = Single(markdown, CheckRuleIds.HeadingLevelSkip, "見出しのレベルが飛んでいます");
        Assert.Equal(CheckSeverity.Warning, finding.Severity);
        Assert.Equal(excerpt, finding.Excerpt);
    }

    [Theory]
    [InlineData("## 概要\n\n### 対象者\n\n#### 個人\n\n## 申請方法\n\n### 書類")]
    [InlineData("```\n# コメント\n#### 見出しではない\n```")]
    public void Headings_that_descend_one_level_at_a_time_pass(string markdown)
    {
        None(markdown, CheckRuleIds.HeadingLevelSkip);
        None(markdown, CheckRuleIds.HeadingH1);
    }

    [Theory]
    [InlineData("申請書は[こちら](/files/form.pdf)から。", "こちら")]
    [InlineData("[ここをクリック](https://example.jp/)", "ここをクリック")]
    [InlineData("[詳細はこちら](https://example.jp/)", "詳細はこちら")]
    [InlineData("[詳細](https://example.jp/)", "詳細")]
    [InlineData("[こちら（PDF：120KB）](/files/form.pdf)", "こちら（PDF：120KB）")]
    [InlineData("[Click here.](https://example.org/)", "Click here.")]
    [InlineData("[more »](https://example.org/)", "more »")]
    [InlineData("[ここ](https://example.jp/)", "ここ")]
    public void Vague_link_text_is_a_warning_without_a_fix(string markdown, string excerpt)
    {
        var finding = Single(markdown, CheckRuleIds.VagueLinkText, "リンク先の内容がわかりません");
        Assert.Equal(CheckSeverity.Warning, finding.Severity);
        Assert.Equal(excerpt, finding.Excerpt);
        Assert.False(finding.AutoFixable);
    }

    [Theory]
    [InlineData("[補助金の募集要項（PDF：120KB）](/files/guide.pdf)")]
    [InlineData("[ここから始めるNPO活動ガイド](https://example.jp/guide)")]
    [InlineData("[事業の詳細と申請方法](https://example.jp/)")]
    [InlineData("https://example.jp/more")]
    [InlineData("`[こちら](x)` と書かないでください。")]
    public void Descriptive_link_text_passes(string markdown) => None(markdown, CheckRuleIds.VagueLinkText);
}
