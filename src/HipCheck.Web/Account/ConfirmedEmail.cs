using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace HipCheck.Web.Account;

/// <summary>
/// Sensitive actions need a confirmed email address (issue 8): creating a study, exporting a study's data, downloading
/// all of one's own data and deleting one's account. The check reads the account, not a claim, so it holds the moment
/// the link in the confirmation email is followed, without logging in again.
/// </summary>
public static class ConfirmedEmail
{
    public const string Title = "Email address not confirmed";

    public const string Detail =
        "Confirm your email address first: follow the link in the email HipCheck sent when you registered. This is needed to create a study, export data or delete your account.";

    public static async Task<bool> IsConfirmedAsync(this UserManager<AppUser> users, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(users);
        return await users.GetUserAsync(principal) is { EmailConfirmed: true };
    }

    /// <summary>Answers 403 problem+json unless the signed-in member's email address is confirmed.</summary>
    public static TBuilder RequireConfirmedEmail<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
            return await users.IsConfirmedAsync(context.HttpContext.User)
                ? await next(context)
                : TypedResults.Problem(Detail, statusCode: StatusCodes.Status403Forbidden, title: Title);
        });
}
