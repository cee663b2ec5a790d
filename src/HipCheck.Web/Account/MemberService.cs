using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Account;

/// <summary>Registration shared by the page and the API, so both apply the same rules.</summary>
public sealed class MemberService(UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Creates a member with a self-service role; returns Identity's errors keyed by field.</summary>
    public async Task<(AppUser? User, IDictionary<string, string[]> Errors)> RegisterAsync(string? email, string? password, string? role)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var chosenRole = Roles.ParseSelfService(role);
        if (chosenRole is null)
        {
            errors["role"] = ["Choose runner, coach or researcher."];
        }

        if (string.IsNullOrWhiteSpace(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            errors["email"] = ["Enter a valid email address."];
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = ["Choose a password."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new AppUser { UserName = email!.Trim(), Email = email.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, password!);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one email raced past Identity's check; the unique index stopped the second.
            errors["email"] = [$"Email '{email.Trim()}' is already taken."];
            return (null, errors);
        }

        if (!result.Succeeded)
        {
            foreach (var group in result.Errors.GroupBy(e => FieldOf(e.Code)))
            {
                errors[group.Key] = group.Select(e => e.Description).ToArray();
            }

            return (null, errors);
        }

        await users.AddToRoleAsync(user, chosenRole!);
        return (user, errors);
    }

    private static string FieldOf(string identityErrorCode) =>
        identityErrorCode.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : identityErrorCode.Contains("Email", StringComparison.Ordinal) || identityErrorCode.Contains("UserName", StringComparison.Ordinal) ? "email"
        : "account";
}
