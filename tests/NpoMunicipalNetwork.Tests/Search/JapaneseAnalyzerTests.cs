using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using NpoMunicipalNetwork.Search;

namespace NpoMunicipalNetwork.Tests.Search;

/// <summary>The analyzer's terms, and what a small index built with it finds and does not find.</summary>
public sealed class JapaneseAnalyzerTests
{
    private static IReadOnlyList<string> IndexTerms(string text) => JapaneseAnalyzer.ForIndex().Tokens(text).Select(t => t.Term).ToList();

    private static IReadOnlyList<string> QueryTerms(string text) => JapaneseAnalyzer.ForQuery().Tokens(text).Select(t => t.Term).ToList();

    [Theory]
    [InlineData("協働", new[] { "協働" })]
    [InlineData("福祉", new[] { "福祉" })]
    [InlineData("子育て", new[] { "子育", "育て" })]
    [InlineData("NPO法人", new[] { "npo", "法人" })]
    [InlineData("ＮＰＯ法人", new[] { "npo", "法人" })]
    [InlineData("ｎｐｏ", new[] { "npo" })]
    [InlineData("２０２５年度", new[] { "2025", "年度" })]
    [InlineData("ﾎﾞﾗﾝﾃｨｱ", new[] { "ボラ", "ラン", "ンテ", "ティ", "ィア" })]
    [InlineData("コンピューター", new[] { "コン", "ンピ", "ピュ", "ュー", "ータ" })]
    [InlineData("カー", new[] { "カー" })]
    [InlineData("霞ヶ関", new[] { "霞ケ", "ケ関" })]
    [InlineData("市", new[] { "市" })]
    public void Query_terms(string text, string[] expected) => Assert.Equal(expected, QueryTerms(text));

    [Fact]
    public void Variants_analyse_alike()
    {
        Assert.Equal(QueryTerms("NPO法人"), QueryTerms("ＮＰＯ法人"));
        Assert.Equal(QueryTerms("ボランティア"), QueryTerms("ﾎﾞﾗﾝﾃｨｱ"));
        Assert.Equal(QueryTerms("コンピュータ"), QueryTerms("コンピューター"));
        Assert.Equal(QueryTerms("霞ケ関"), QueryTerms("霞ヶ関"));
    }

    [Fact]
    public void Small_kana_stay_distinct_from_large_ones()
    {
        Assert.NotEqual(QueryTerms("きゃく"), QueryTerms("きやく"));
        Assert.NotEqual(QueryTerms("ファン"), QueryTerms("フアン"));
        Assert.NotEqual(QueryTerms("こども"), QueryTerms("コドモ"));
    }

    [Fact]
    public void The_index_keeps_single_characters_besides_bigrams()
    {
        Assert.Equal(new[] { "子", "子育", "育", "育て", "て" }, IndexTerms("子育て"));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        var tokens = JapaneseAnalyzer.ForQuery().Tokens("ＮＰＯと協働");
        Assert.Equal(("npo", 0, 3), tokens[0]);
        Assert.Contains(("協働", 4, 6), tokens);
    }

    private static readonly string[] Texts =
    [
        "地域の NPO と行政が協働して子育て支援の拠点を運営する", // 0
        "ＮＰＯ法人への補助金で高齢者福祉の送迎サービスを実施", // 1
        "市民活動センターの運営を委託。ボランティア講座を開く", // 2
        "協力して働く場をつくる労働政策。子どもの育ちを見守る", // 3: 協力・労働・子ども, no 協働/子育て/福祉
        "霞ヶ関の省庁と連携したコンピューター講習", // 4
        "福利厚生の充実と祉会の話", // 5: 福 and 祉 apart, never 福祉
    ];

    private static List<int> Find(string text)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(JapaneseAnalyzer.Version, JapaneseAnalyzer.ForIndex())))
        {
            for (var i = 0; i < Texts.Length; i++)
                writer.AddDocument(new Document { new StringField("i", i.ToString(), Field.Store.YES), new TextField("body", Texts[i], Field.Store.NO) });
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = TextQuery.Build(text, "body");
        if (query is null)
            return [];
        return searcher.Search(query, 100).ScoreDocs.Select(d => int.Parse(searcher.Doc(d.Doc).Get("i"))).Order().ToList();
    }

    [Theory]
    [InlineData("協働", new[] { 0 })]
    [InlineData("福祉", new[] { 1 })]
    [InlineData("子育て", new[] { 0 })]
    [InlineData("NPO法人", new[] { 1 })]
    [InlineData("ＮＰＯ", new[] { 0, 1 })]
    [InlineData("npo", new[] { 0, 1 })]
    [InlineData("ﾎﾞﾗﾝﾃｨｱ", new[] { 2 })]
    [InlineData("霞ケ関", new[] { 4 })]
    [InlineData("コンピュータ", new[] { 4 })]
    [InlineData("子育て 協働", new[] { 0 })]
    [InlineData("子育て　福祉", new int[0])] // a full-width space separates words too; both must match
    [InlineData("労働", new[] { 3 })]
    [InlineData("祉", new[] { 1, 5 })] // one character: found wherever it stands
    [InlineData("！？", new int[0])]
    public void Finds_exactly_the_texts_that_contain_the_words(string query, int[] expected) => Assert.Equal(expected, Find(query));

    [Fact]
    public void Snippets_mark_whole_words_and_carry_only_text()
    {
        var terms = TextQuery.Terms("子育て");
        var segments = Snippets.Mark("<b>子育て</b>の支援", terms);
        Assert.Equal([new TextSegment("<b>", false), new TextSegment("子育て", true), new TextSegment("</b>の支援", false)], segments);
        Assert.Null(Snippets.Fragment("関係のない文章", terms));
    }

    [Theory]
    [InlineData("NPO法人", "ＮＰＯ法人と協働", "[ＮＰＯ法人]と協働")] // width folded: full-width text, half-width query
    [InlineData("協働 福祉", "福祉の協働、協力、福祉", "[福祉]の[協働]、協力、[福祉]")]
    [InlineData("祉", "福祉と祉", "福[祉]と[祉]")] // a one-character word marks its unigrams
    [InlineData("コンピュータ", "コンピューター講習", "[コンピューター]講習")]
    public void Snippets_mark_every_place_the_index_would_match(string query, string text, string expected)
    {
        var marked = string.Concat(Snippets.Mark(text, TextQuery.Terms(query)).Select(s => s.Marked ? $"[{s.Text}]" : s.Text));
        Assert.Equal(expected, marked);
    }
}
