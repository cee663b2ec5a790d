using System.ComponentModel.DataAnnotations;

namespace HipCheck.Web.Email;

/// <summary>
/// Section <c>Email</c>. With <c>Email:Smtp:Host</c> set, messages go out by SMTP; without it, each message is
/// written as an .eml file to <see cref="OutboxPath"/>, where a developer can open it (any mail client reads .eml).
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The sender, e.g. "HipCheck &lt;no-reply@example.org&gt;".</summary>
    [Required]
    public string From { get; set; } = "HipCheck <no-reply@hipcheck.local>";

    /// <summary>Folder of the outbox used when no SMTP host is configured; relative paths are under the content root.</summary>
    [Required]
    public string OutboxPath { get; set; } = "App_Data/outbox";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no SMTP, messages go to the outbox folder.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS (or TLS) to the server; on by default.</summary>
    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
