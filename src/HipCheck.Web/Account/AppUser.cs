using Microsoft.AspNetCore.Identity;

namespace HipCheck.Web.Account;

/// <summary>A member of the site. Health data hangs off athletes, never off the account itself.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The roles of PRODUCT.md. Admin is never self-chosen.</summary>
public static class Roles
{
    public const string Runner = "Runner";
    public const string Coach = "Coach";
    public const string Researcher = "Researcher";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Runner, Coach, Researcher, Admin];

    /// <summary>Roles a visitor may pick when registering.</summary>
    public static IReadOnlyList<string> SelfService { get; } = [Runner, Coach, Researcher];

    public static string? ParseSelfService(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Runner
            : SelfService.FirstOrDefault(r => string.Equals(r, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
