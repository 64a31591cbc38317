using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// Unicode NFKC per token: full-width ↔ half-width letters, digits and katakana, compatibility
/// characters (① → 1). Done on tokens, not on the input, so offsets still point into the original
/// text and highlighting marks the characters the reader sees.
/// </summary>
public sealed class NfkcFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public NfkcFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        var ascii = true;
        for (var i = 0; i < length && ascii; i++)
            ascii = buffer[i] < 0x80;
        if (ascii)
            return true;
        var original = new string(buffer, 0, length);
        var normalized = original.Normalize(NormalizationForm.FormKC);
        if (!ReferenceEquals(original, normalized) && normalized != original)
            _term.SetEmpty().Append(normalized);
        return true;
    }
}

/// <summary>Folds the kana variants that never distinguish words; see <see cref="JapaneseAnalyzer"/> for what is left alone and why.</summary>
public sealed class KanaVariantFilter : TokenFilter
{
    private static readonly string KatakanaType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];

    /// <summary>Shorter katakana words keep their long vowel: カー (car) is not カ.</summary>
    public const int LongVowelMinimumLength = 4;

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public KanaVariantFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            buffer[i] = buffer[i] switch
            {
                'ヶ' => 'ケ',
                'ヵ' => 'カ',
                'ゖ' => 'け',
                'ゕ' => 'か',
                var c => c,
            };
        }
        if (length >= LongVowelMinimumLength && buffer[length - 1] == 'ー' && _type.Type == KatakanaType)
            _term.Length = length - 1;
        return true;
    }
}
