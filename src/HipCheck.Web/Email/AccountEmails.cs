using System.Text;
using HipCheck.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace HipCheck.Web.Email;

/// <summary>Identity's email sender (<see cref="IEmailSender{TUser}"/>): the wording of the account emails, sent through <see cref="IEmailSender"/>.</summary>
public sealed class IdentityEmailSender(IEmailSender sender) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        sender.SendAsync(new EmailMessage(email, "Confirm your HipCheck email address",
            $"""
            Welcome to HipCheck.

            Please confirm that this is your email address by opening this link:

            {confirmationLink}

            If you did not create a HipCheck account, ignore this message: nothing more will be sent.

            HipCheck informs; it does not diagnose.
            """));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        sender.SendAsync(new EmailMessage(email, "Reset your HipCheck password",
            $"""
            Someone asked to reset the password of the HipCheck account for this address.

            To choose a new password, open this link (it works once, for a limited time):

            {resetLink}

            If it was not you, ignore this message: your password stays as it is.
            """));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        sender.SendAsync(new EmailMessage(email, "Your HipCheck password reset code",
            $"""
            Your code to reset the password of your HipCheck account:

            {resetCode}

            If it was not you, ignore this message: your password stays as it is.
            """));
}

/// <summary>
/// Builds the account links (Identity tokens, base64url-encoded for the address) and sends them. A failed send is
/// logged without the link and reported as false: a registration that succeeded stays registered.
/// </summary>
public sealed class AccountEmails(UserManager<AppUser> users, IEmailSender<AppUser> sender, LinkGenerator links, ILogger<AccountEmails> log)
{
    public async Task<bool> SendConfirmationAsync(AppUser user, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.GetUriByPage(context, "/Account/ConfirmEmail", values: new { userId = user.Id, code = Encode(token) })
            ?? throw new InvalidOperationException("No route to /Account/ConfirmEmail.");
        return await TrySend(() => sender.SendConfirmationLinkAsync(user, user.Email!, link), "confirmation");
    }

    public async Task<bool> SendPasswordResetAsync(AppUser user, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.GetUriByPage(context, "/Account/ResetPassword", values: new { email = user.Email, code = Encode(token) })
            ?? throw new InvalidOperationException("No route to /Account/ResetPassword.");
        return await TrySend(() => sender.SendPasswordResetLinkAsync(user, user.Email!, link), "password reset");
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token back from the address; null when it is not valid base64url.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task<bool> TrySend(Func<Task> send, string kind)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            log.LogError(e, "The {Kind} email could not be sent", kind);
            return false;
        }
    }
}

public static class EmailExtensions
{
    public static IServiceCollection AddHipCheckEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Email")).ValidateDataAnnotations()
            .Validate(o => System.Net.Mail.MailAddress.TryCreate(o.From, out _), "Email:From must be an email address, e.g. \"HipCheck <no-reply@example.org>\".")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Email:Smtp:Port must be between 1 and 65535.")
            .ValidateOnStart();
        services.AddSingleton<IEmailSender, EmailSender>();
        services.AddSingleton<IEmailSender<AppUser>, IdentityEmailSender>();
        services.AddScoped<AccountEmails>();
        return services;
    }
}
