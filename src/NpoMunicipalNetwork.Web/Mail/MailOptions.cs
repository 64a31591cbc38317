namespace NpoMunicipalNetwork.Mail;

/// <summary>Bound from <c>Mail</c>. Without <see cref="SmtpHost"/>, messages are written as .eml files to <see cref="PickupFolder"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@npo-network.invalid";

    public string FromName { get; set; } = "NPO活動推進自治体ネットワーク";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Relative to the web project's content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail-pickup";
}
