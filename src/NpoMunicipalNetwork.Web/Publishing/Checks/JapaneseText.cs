namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>Character classes shared by the notation rules.</summary>
internal static class JapaneseText
{
    /// <summary>
    /// Regex class for one kanji or kana: hiragana, katakana (with ー and the iteration marks),
    /// CJK ideographs (BMP, extension A, compatibility) and 々 〆 〇. Not punctuation such as ・ or 、.
    /// </summary>
    public const string KanjiOrKanaClass = @"[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005-\u3007]";
}
