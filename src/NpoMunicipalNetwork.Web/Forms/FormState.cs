namespace NpoMunicipalNetwork.Forms;

/// <summary>
/// What a submitted form said and what was wrong with it, field by field, so the form can be shown
/// again with the person's input kept and each Japanese message next to its field.
/// </summary>
public sealed class FormState
{
    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, object?> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Field id and message in form order, for the error summary at the top.</summary>
    public List<FieldError> Summary { get; } = [];

    public bool IsValid => Errors.Count == 0;

    /// <summary>Fields whose text had characters that cannot be stored (<see cref="TextInput.Problem"/>), with the reason.</summary>
    private readonly Dictionary<string, string> _badText = new(StringComparer.Ordinal);

    /// <summary>
    /// The submitted fields, in Unicode NFC. A field with characters that cannot be stored is an error at once,
    /// whatever reads it later, so no handler can store it; a labelled read names the field in the message.
    /// </summary>
    public static FormState From(IFormCollection form)
    {
        var state = new FormState();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("__", StringComparison.Ordinal))
                continue;
            var texts = value.Select(v => v ?? "").ToArray();
            if (texts.Select(TextInput.Problem).FirstOrDefault(p => p is not null) is { } problem)
            {
                state._badText[key] = problem;
                state.Error(key, $"入力できない文字（{problem}）が含まれています。その文字を消して、もう一度入力してください。");
            }
            texts = texts.Select(TextInput.Normalize).ToArray();
            state.Values[key] = texts.Length > 1 ? texts : texts.FirstOrDefault() ?? "";
        }
        return state;
    }

    /// <summary>A labelled read of a field with unusable characters says which field it is.</summary>
    private void NameBadText(string field, string label)
    {
        if (!_badText.TryGetValue(field, out var problem))
            return;
        var message = $"{label}に入力できない文字（{problem}）が含まれています。その文字を消して、もう一度入力してください。";
        Errors[field] = message;
        var at = Summary.FindIndex(e => e.Field == field);
        if (at >= 0)
            Summary[at] = new FieldError(field, message);
    }

    public void Error(string field, string message)
    {
        if (Errors.ContainsKey(field))
            return;
        Errors[field] = message;
        Summary.Add(new FieldError(field, message));
    }

    public string? Text(string field) => Values.GetValueOrDefault(field) switch
    {
        string s => s.Trim(),
        string[] a => a.FirstOrDefault()?.Trim(),
        _ => null,
    };

    public IReadOnlyList<string> Many(string field) => Values.GetValueOrDefault(field) switch
    {
        string s when s.Length > 0 => [s],
        string[] a => a,
        _ => [],
    };

    /// <summary>Required text with a length limit; records the message and returns null when it fails.</summary>
    public string? Required(string field, string label, int maxLength = 200)
    {
        NameBadText(field, label);
        var value = Text(field);
        if (!TextInput.HasVisible(value))
        {
            Error(field, $"{label}を入力してください。");
            return null;
        }
        return Limit(field, label, value, maxLength);
    }

    public string? Optional(string field, string label, int maxLength = 200)
    {
        NameBadText(field, label);
        var value = Text(field);
        return string.IsNullOrEmpty(value) ? null : Limit(field, label, value, maxLength);
    }

    public int? OptionalInt(string field, string label, int min = 0, int max = int.MaxValue)
    {
        var value = Text(field);
        if (string.IsNullOrEmpty(value))
            return null;
        if (!int.TryParse(value, out var n) || n < min || n > max)
        {
            Error(field, $"{label}は {min}〜{max} の半角数字で入力してください。");
            return null;
        }
        return n;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date field (what <c>input type="date"</c> sends).</summary>
    public DateOnly? Date(string field, string label, bool required)
    {
        var text = Text(field);
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                Error(field, $"{label}を入力してください。");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            return d;
        Error(field, $"{label}は 2025-04-01 の形式で入力してください。");
        return null;
    }

    public string? Email(string field, string label, bool required) =>
        Checked(field, required ? Required(field, label, 254) : Optional(field, label, 254), value => ContactRules.ValidateEmail(label, value));

    public string? Phone(string field, string label) =>
        Checked(field, Optional(field, label, 40), value => ContactRules.ValidatePhone(label, value));

    /// <summary>An optional web address (http or https only, see <see cref="ContactRules.ValidateWebAddress"/>).</summary>
    public string? WebAddress(string field, string label, int maxLength = 500) =>
        Checked(field, Optional(field, label, maxLength), value => ContactRules.ValidateWebAddress(label, value));

    /// <summary>The value if <paramref name="rule"/> finds no problem with it; else the problem is the field's error.</summary>
    private string? Checked(string field, string? value, Func<string, string?> rule)
    {
        if (value is null || rule(value) is not { } problem)
            return value;
        Error(field, problem);
        return null;
    }

    private string? Limit(string field, string label, string value, int maxLength)
    {
        if (value.Length <= maxLength)
            return value;
        Error(field, $"{label}は{maxLength}文字以内で入力してください（現在{value.Length}文字）。");
        return null;
    }
}

public sealed record FieldError(string Field, string Message);
