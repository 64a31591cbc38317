using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// Japanese text as the search index sees it. Japanese has no spaces, so han, hiragana and katakana
/// runs become overlapping two-character terms (CJK bigrams): 子育て支援 → 子育・育て・て支・支援,
/// and a two-character word such as 協働 or 福祉 is one term. Latin words and numbers stay words.
/// <list type="number">
/// <item>StandardTokenizer (UAX #29) splits words, each han or hiragana character, and katakana runs.</item>
/// <item>Unicode NFKC, so full-width letters and digits equal half-width ones (ＮＰＯ = NPO, ２０２５ = 2025),
/// half-width katakana equal full-width (ﾎﾞﾗﾝﾃｨｱ = ボランティア); then CJKWidthFilter (the same for the
/// cases NFKC leaves) and lower case (npo = NPO).</item>
/// <item><see cref="KanaVariantFilter"/>: ヶ/ヵ read as ケ/カ (霞ヶ関 = 霞ケ関), and a katakana word of four or more
/// characters loses a final long-vowel mark (コンピューター = コンピュータ, as Kuromoji's katakana stemmer does).
/// Small kana (ぁぃぅぇぉっゃゅょ…) are <em>not</em> folded into large ones: きゃく (客) and きやく (規約),
/// or ファン and フアン, are different words, and folding would make false matches.
/// Hiragana and katakana are not folded into each other either (こども and コドモ stay distinct).</item>
/// <item>CJKBigramFilter. The index also keeps each character alone (unigrams), so a one-character
/// query (市, 森) finds text; a query of two or more characters is matched by its bigrams only,
/// as a phrase (see <see cref="TextQuery"/>), which keeps 協働 from matching 協力 and 労働.</item>
/// </list>
/// </summary>
public sealed class JapaneseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly bool _forQuery;

    private JapaneseAnalyzer(bool forQuery) => _forQuery = forQuery;

    /// <summary>For indexing: bigrams plus unigrams.</summary>
    public static JapaneseAnalyzer ForIndex() => new(forQuery: false);

    /// <summary>For queries: bigrams; a lone character stays a unigram.</summary>
    public static JapaneseAnalyzer ForQuery() => new(forQuery: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new NfkcFilter(source);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new KanaVariantFilter(stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: !_forQuery);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The terms <paramref name="text"/> becomes, for tests and for the highlighter.</summary>
    public IReadOnlyList<(string Term, int Start, int End)> Tokens(string text)
    {
        var result = new List<(string, int, int)>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            result.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return result;
    }

    /// <summary>
    /// Where <paramref name="text"/> has one of <paramref name="terms"/>, in text order. The highlighter
    /// runs this over every card of a results page; comparing the term buffer in place, instead of
    /// making a string of every bigram as <see cref="Tokens"/> does, keeps that from allocating.
    /// </summary>
    public List<(int Start, int End)> Find(string text, HashSet<string> terms)
    {
        var found = new List<(int, int)>();
        if (terms.Count == 0 || text.Length == 0)
            return found;
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            if (lookup.Contains(term.Buffer.AsSpan(0, term.Length)))
                found.Add((offset.StartOffset, offset.EndOffset));
        stream.End();
        return found;
    }
}
