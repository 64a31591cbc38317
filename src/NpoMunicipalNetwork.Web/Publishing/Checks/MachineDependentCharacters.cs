using System.Collections.Frozen;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// 機種依存文字 (characters outside JIS X 0208 that older systems, printers and screen readers show or
/// read badly) and what to write instead. The secretariat extends or overrides the list with extra
/// entries passed to <see cref="ContentChecker"/>.
/// </summary>
public static class MachineDependentCharacters
{
    /// <summary>Built-in replacements: circled and parenthesized numbers, Roman numerals, ㈱-style and squared words, units, eras, № ℡.</summary>
    public static IReadOnlyDictionary<string, string> Replacements { get; } = BuildReplacements();

    /// <summary>Flagged but with no replacement that is right in every sentence; the author rewords (or the secretariat adds an entry).</summary>
    public static IReadOnlySet<string> WithoutReplacement { get; } = new[] { "∮", "∟", "⊿" }.ToFrozenSet();

    private static FrozenDictionary<string, string> BuildReplacements()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Range(char first, char last, Func<char, string> replacement)
        {
            for (var c = first; c <= last; c++)
                map[c.ToString()] = replacement(c);
        }
        static string Nfkc(char c) => c.ToString().Normalize(NormalizationForm.FormKC);

        Range('①', '⑳', c => $"({c - '①' + 1})");
        Range('㉑', '㉟', c => $"({c - '㉑' + 21})");
        Range('㊱', '㊿', c => $"({c - '㊱' + 36})");
        Range('⑴', '⒇', Nfkc);                    // ⑴ → (1)
        Range('⒈', '⒛', Nfkc);                    // ⒈ → 1.
        Range('Ⅰ', 'Ⅿ', Nfkc);                    // Ⅳ → IV
        Range('ⅰ', 'ⅿ', Nfkc);                    // ⅳ → iv
        Range('㈠', '㉃', Nfkc);                    // ㈱ → (株), ㈲ → (有), ㈹ → (代)
        Range('㊀', '㊰', c => $"({Nfkc(c)})");     // ㊤ → (上)
        Range('㌀', '㍗', Nfkc);                    // ㍉ → ミリ, ㌔ → キロ, ㍍ → メートル
        Range('㍻', '㍿', Nfkc);                    // ㍻ → 平成, ㍼ → 昭和, ㍽ → 大正, ㍾ → 明治, ㍿ → 株式会社
        map["㋿"] = "令和";
        map["㎜"] = "mm";
        map["㎝"] = "cm";
        map["㎞"] = "km";
        map["㎎"] = "mg";
        map["㎏"] = "kg";
        map["㏄"] = "cc";
        map["㎖"] = "mL";
        map["㎗"] = "dL";
        map["㎡"] = "平方メートル";
        map["㎠"] = "平方センチメートル";
        map["㎢"] = "平方キロメートル";
        map["㎥"] = "立方メートル";
        map["㏍"] = "K.K.";
        map["№"] = "No.";
        map["℡"] = "TEL";
        map["∑"] = "Σ";
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
