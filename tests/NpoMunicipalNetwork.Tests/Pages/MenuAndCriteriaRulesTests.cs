using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Tests.Pages;

/// <summary>The rules behind the menu editor and the criteria mapping, without a server.</summary>
public sealed class MenuAndCriteriaRulesTests
{
    private static readonly Dictionary<int, string> Titles = new() { [1] = "一", [2] = "二", [3] = "三", [4] = "四" };

    [Fact]
    public void A_valid_three_level_menu_passes()
    {
        Assert.Empty(PageMenu.Validate(new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2, [4] = null }, Titles));
    }

    [Fact]
    public void Self_parent_cycles_foreign_parents_and_a_fourth_level_are_refused_naming_the_page()
    {
        Assert.Contains("自身", PageMenu.Validate(new Dictionary<int, int?> { [1] = 1, [2] = null, [3] = null, [4] = null }, Titles)[1]);
        var cycle = PageMenu.Validate(new Dictionary<int, int?> { [1] = 3, [2] = 1, [3] = 2, [4] = null }, Titles);
        Assert.Equal([1, 2, 3], cycle.Keys.Order());
        Assert.Contains("循環", cycle[1]);
        Assert.Contains("このサイトのページから選んでください", PageMenu.Validate(new Dictionary<int, int?> { [1] = 99, [2] = null, [3] = null, [4] = null }, Titles)[1]);
        var deep = PageMenu.Validate(new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2, [4] = 3 }, Titles);
        Assert.Equal([4], deep.Keys);
        Assert.Contains("「四」は4階層目", deep[4]);
    }

    [Fact]
    public void Axe_tags_give_level_A_and_AA_criteria_only()
    {
        Assert.Equal(["1.1.1"], WcagCriteria.FromAxeTags(["cat.text-alternatives", "wcag2a", "wcag111", "section508.22.a"]));
        Assert.Equal(["1.4.10"], WcagCriteria.FromAxeTags(["wcag21aa", "wcag1410"]));
        Assert.Empty(WcagCriteria.FromAxeTags(["wcag2aaa", "wcag146"])); // 1.4.6 is AAA
        Assert.Empty(WcagCriteria.FromAxeTags(["best-practice"]));
        Assert.True(WcagCriteria.SortKey("1.4.10") > WcagCriteria.SortKey("1.4.5"));
    }
}
