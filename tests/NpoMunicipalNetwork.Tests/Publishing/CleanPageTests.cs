using System.Text.Json;
using static NpoMunicipalNetwork.Tests.Publishing.CheckAssert;

namespace NpoMunicipalNetwork.Tests.Publishing;

public sealed class CleanPageTests
{
    private const string MunicipalPage = """
        市民活動センターでは、NPO法人や市民活動団体の皆さまを対象に、令和7年度の活動助成金の募集を行います。地域の課題に取り組む団体の新しい事業を応援します。

        ![市民活動センター1階の交流スペースで、団体の方が打ち合わせをしている様子](/media/center/lounge.jpg)

        ## 募集の概要

        助成の対象は、市内で活動する団体が2025年6月1日から2026年3月31日までに実施する事業です。1団体につき1事業まで申請できます。

        - 対象: 市内に事務所があるNPO法人、市民活動団体
        - 助成額: 上限30万円（対象経費の3分の2以内）
        - 申請期間: 2025年4月1日から2025年4月30日まで

        ### 対象となる経費

        講師への謝礼、会場の使用料、チラシの印刷費などが対象です。団体の運営費や飲食費は対象になりません。

        表: 助成額と採択予定件数

        | 区分 | 助成額の上限 | 採択予定件数 |
        |---|---|---|
        | スタートアップ部門 | 10万円 | 5件 |
        | ステップアップ部門 | 30万円 | 3件 |

        ## 申請の方法

        申請書に必要事項を記入し、窓口へ持参するか郵送してください。様式は[活動助成金の申請書（Word形式：45KB）](/files/josei-shinsei.docx)からダウンロードできます。

        書き方がわからない場合は、`申請書記入例` を参考にするか、市民活動センターの職員にご相談ください。相談は平日の午前9時から午後5時まで受け付けています。

        > 説明会を2025年4月10日（木曜日）午後2時から、市民活動センター2階の会議室で開きます。

        ## お問い合わせ

        市民協働課 市民活動支援係（電話 043-000-0000）
        """;

    [Fact]
    public void A_realistic_municipal_page_has_no_findings() => Clean(MunicipalPage);

    [Fact]
    public void AutoFix_leaves_a_clean_page_unchanged() => Assert.Equal(MunicipalPage, Checker.AutoFix(MunicipalPage));

    /// <summary>The pages the recipes create are what new sites start from; they should pass.</summary>
    [Fact]
    public void The_page_bodies_shipped_in_the_recipes_have_no_findings()
    {
        var recipes = Directory.GetFiles(Path.Combine(RepositoryRoot(), "recipes"), "*.recipe.json");
        Assert.NotEmpty(recipes);
        var bodies = recipes.SelectMany(path => Bodies(JsonDocument.Parse(File.ReadAllText(path)).RootElement)).ToList();
        Assert.NotEmpty(bodies);
        Assert.All(bodies, Clean);
    }

    private static IEnumerable<string> Bodies(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "body" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Bodies(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Bodies),
        _ => [],
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NpoMunicipalNetwork.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }
}
