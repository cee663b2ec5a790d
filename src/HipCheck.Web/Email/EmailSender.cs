using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Email;

/// <summary>A plain-text message to one recipient.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends a message; the app never cares whether it goes by SMTP or into the outbox folder.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>
/// SMTP when <c>Email:Smtp:Host</c> is configured (System.Net.Mail, STARTTLS by default); otherwise an .eml file per
/// message in the outbox folder. Files are written under a temporary name and renamed, so a reader never sees half a
/// message. Neither path logs the body: it holds confirmation and reset links, which are as good as passwords.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<EmailSender> log) : IEmailSender
{
    public string OutboxFolder
    {
        get
        {
            var path = options.Value.OutboxPath;
            return Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        }
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            await SendSmtpAsync(message, smtp, ct);
            log.LogInformation("Sent email '{Subject}' by SMTP via {Host}", message.Subject, smtp.Host);
            return;
        }

        var folder = OutboxFolder;
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, Eml(options.Value.From, message, now), new UTF8Encoding(false), ct);
        File.Move(temporary, Path.Combine(folder, name));
        log.LogInformation("Wrote email '{Subject}' to the outbox {File}", message.Subject, name);
    }

    private async Task SendSmtpAsync(EmailMessage message, SmtpOptions smtp, CancellationToken ct)
    {
        using var mail = new MailMessage(MailAddressParse(options.Value.From), new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        await client.SendMailAsync(mail, ct);
    }

    private static MailAddress MailAddressParse(string from) => new(from);

    /// <summary>An RFC 5322 message: plain text, UTF-8, 8bit, so links stay readable and clickable in the file.</summary>
    internal static string Eml(string from, EmailMessage message, DateTimeOffset date)
    {
        var text = new StringBuilder();
        text.Append("From: ").Append(from).Append("\r\n");
        text.Append("To: ").Append(message.To).Append("\r\n");
        text.Append("Subject: ").Append(EncodeHeader(message.Subject)).Append("\r\n");
        text.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@hipcheck.local>\r\n");
        text.Append("MIME-Version: 1.0\r\n");
        text.Append("Content-Type: text/plain; charset=utf-8\r\n");
        text.Append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        text.Append(message.Body.ReplaceLineEndings("\r\n"));
        text.Append("\r\n");
        return text.ToString();
    }

    private static string EncodeHeader(string value) =>
        value.All(c => c is >= ' ' and <= '~')
            ? value
            : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}
