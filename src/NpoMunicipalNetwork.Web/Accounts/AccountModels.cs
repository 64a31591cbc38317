
namespace NpoMunicipalNetwork.Accounts;

/// <summary>Any account form: the submitted state, an optional notice, hidden values to carry along.</summary>
public sealed record AccountFormModel(FormState Form, string? Notice = null, string? FormError = null, IReadOnlyDictionary<string, string>? Hidden = null);
