using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// Turns what a person typed into a Lucene query, without any query syntax to trip over:
/// words separated by spaces (half- or full-width) must all match; each word matches as a phrase
/// of its terms (so 子育て is 子育+育て in a row, and NPO法人 is npo followed by 法人).
/// </summary>
public static class TextQuery
{
    private static readonly JapaneseAnalyzer Analyzer = JapaneseAnalyzer.ForQuery();

    /// <summary>The words' term lists; a word that yields no terms (punctuation only) is dropped.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Term, int Position)>> Words(string text)
    {
        var words = new List<IReadOnlyList<(string, int)>>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var terms = new List<(string, int)>();
            using var stream = Analyzer.GetTokenStream("text", word);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                terms.Add((term.ToString(), Math.Max(position, 0)));
            }
            stream.End();
            if (terms.Count > 0)
                words.Add(terms);
        }
        return words;
    }

    /// <summary>
    /// Null when the text has nothing searchable in it. Each word must match <paramref name="field"/>
    /// (one posting list drives the search, which keeps it fast); a match in a <paramref name="boosts"/>
    /// field (the title) only adds to the score.
    /// </summary>
    public static Query? Build(string text, string field, IReadOnlyDictionary<string, float>? boosts = null)
    {
        var words = Words(text);
        if (words.Count == 0)
            return null;
        var all = new BooleanQuery();
        foreach (var terms in words)
        {
            all.Add(Phrase(field, terms), Occur.MUST);
            foreach (var (boostField, boost) in boosts ?? new Dictionary<string, float>())
            {
                var q = Phrase(boostField, terms);
                q.Boost = boost;
                all.Add(q, Occur.SHOULD);
            }
        }
        return all;
    }

    private static Query Phrase(string field, IReadOnlyList<(string Term, int Position)> terms)
    {
        if (terms.Count == 1)
            return new TermQuery(new Term(field, terms[0].Term));
        var phrase = new PhraseQuery();
        foreach (var (t, position) in terms)
            phrase.Add(new Term(field, t), position);
        return phrase;
    }

    /// <summary>Every term of the query, for marking matches in snippets.</summary>
    public static HashSet<string> Terms(string text) =>
        Words(text).SelectMany(w => w.Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);
}
