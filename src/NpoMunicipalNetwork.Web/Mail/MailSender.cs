using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NpoMunicipalNetwork.Mail;

/// <summary>
/// Sends plain-text mail through MailKit: to the configured SMTP server, or as an .eml file in the
/// pickup folder so a fresh install works with no mail server (and tests read what was sent).
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IWebHostEnvironment env, ILogger<MailSender> logger)
{
    /// <param name="headers">Extra headers, e.g. List-Unsubscribe for mail a reader subscribed to.</param>
    public async Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken ct = default,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            message.Headers.Add(name, value);

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = Path.GetFullPath(o.PickupFolder, env.ContentRootPath);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():n}.eml");
            await message.WriteToAsync(path, ct);
            logger.LogInformation("Mail to {Recipient} written to {Path}", Recipient(toAddress), path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail to {Recipient} sent through {Host}", Recipient(toAddress), o.SmtpHost);
    }

    /// <summary>
    /// How a recipient appears in the log: the domain and a short hash, never the address. Logs are kept longer and
    /// read by more people than the mail itself; the hash still lets an operator follow one person's mail
    /// (hash the address they ask about the same way and search for it).
    /// </summary>
    public static string Recipient(string address)
    {
        var normalised = address.Trim().ToLowerInvariant();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..10];
        var at = normalised.LastIndexOf('@');
        return at < 0 ? $"#{hash}" : $"…{normalised[at..]} #{hash}";
    }
}
