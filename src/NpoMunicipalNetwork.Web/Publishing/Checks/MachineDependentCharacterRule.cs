using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>機種依存文字: flagged; replaced when the dictionary (built-in plus the secretariat's extra entries) has a replacement.</summary>
internal sealed class MachineDependentCharacterRule : TextRule
{
    private readonly Dictionary<string, string?> _replacements = new(StringComparer.Ordinal);
    private readonly Regex _pattern;

    public MachineDependentCharacterRule(IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var (character, replacement) in MachineDependentCharacters.Replacements)
            _replacements[character] = replacement;
        foreach (var character in MachineDependentCharacters.WithoutReplacement)
            _replacements[character] = null;
        foreach (var (character, replacement) in extra ?? new Dictionary<string, string>())
            if (!string.IsNullOrEmpty(character))
                _replacements[character] = replacement;
        // Longest first, so an extra entry of several characters wins over its first character.
        _pattern = new Regex(string.Join("|", _replacements.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant);
    }

    protected override IEnumerable<TextHit> Find(string prose)
    {
        foreach (Match m in _pattern.Matches(prose))
        {
            var replacement = _replacements[m.Value];
            var message = replacement is null
                ? $"機種依存文字「{m.Value}」があります。環境によって表示されなかったり、読み上げソフトで正しく読まれなかったりするため、別の文字や言葉で書き換えてください。"
                : $"機種依存文字「{m.Value}」があります。環境によって表示されなかったり、読み上げソフトで正しく読まれなかったりするため、「{replacement}」に置き換えてください。";
            yield return new TextHit(m.Index, m.Length, replacement, new CheckFinding(
                CheckRuleIds.MachineDependentCharacter, CheckSeverity.Error, message, m.Value, AutoFixable: replacement is not null));
        }
    }
}
