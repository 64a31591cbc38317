namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Checks an author's Markdown before approval for accessibility and Japanese notation, and fixes what
/// can be fixed without changing the meaning.
/// <para>
/// Structure rules read the HTML as it will be published (Markdig with RichText's settings, plus
/// <see cref="TableMarkup.AddTableHeaderScopes(string)"/>): image alt text, table captions and header
/// scopes, heading levels, vague link text. Notation rules read the prose of the Markdown source
/// (never code spans, code blocks, URLs or link targets): 全角英数字, 半角カナ, 機種依存文字, dates as
/// 2025/4/1, and spaces used as letter-spacing. Only notation rules have fixes, and only
/// <see cref="AutoFix"/> applies them, to the source.
/// </para>
/// Immutable and thread-safe; one instance per dictionary of extra machine-dependent characters.
/// </summary>
public sealed class ContentChecker
{
    private readonly IReadOnlyList<IContentRule> _structureRules;

    /// <summary>Notation rules in the order their fixes are applied: half-width kana and full-width digits first, so the date rule then sees ASCII digits.</summary>
    private readonly IReadOnlyList<TextRule> _textRules;

    /// <param name="extraCharacters">
    /// The secretariat's additions to <see cref="MachineDependentCharacters.Replacements"/>: character (or
    /// string) to flag → what to write instead. An entry for a built-in character replaces the built-in one.
    /// </param>
    public ContentChecker(IReadOnlyDictionary<string, string>? extraCharacters = null)
    {
        _structureRules = [new ImageAltRule(), new TableCaptionRule(), new TableHeaderScopeRule(), new HeadingRule(), new VagueLinkTextRule()];
        _textRules =
        [
            new HalfWidthKanaRule(), new FullWidthAlphanumericRule(), new MachineDependentCharacterRule(extraCharacters),
            new DateFormatRule(), new SpacingInsideWordRule(),
        ];
    }

    /// <summary>
    /// Every problem found, structure rules first, each in the order of the text. The same rule and
    /// excerpt is reported once, its message saying how many places there are.
    /// </summary>
    public IReadOnlyList<CheckFinding> Check(string? markdown)
    {
        var content = CheckedContent.Parse(markdown);
        return _structureRules.Concat<IContentRule>(_textRules)
            .SelectMany(rule => rule.Check(content))
            .GroupBy(f => (f.RuleId, f.Excerpt))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Message = $"{g.First().Message}（同じものがほかに{g.Count() - 1}か所あります）" })
            .ToList();
    }

    /// <summary>
    /// The Markdown with every safe fix applied: half-width kana to full-width, full-width letters and
    /// digits to half-width, machine-dependent characters replaced, dates as 2025年4月1日, letter-spacing
    /// spaces removed. Code, URLs and link targets are left as they are, and so is everything else.
    /// </summary>
    public string AutoFix(string? markdown)
    {
        var source = markdown ?? "";
        foreach (var rule in _textRules)
            source = rule.Fix(CheckedContent.Parse(source));
        return source;
    }
}
