using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Account;
using HipCheck.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Account;

/// <summary>The link of the reset email: choose a new password. The token is Identity's, single-use (the security stamp changes).</summary>
// POSTs limited per client IP (AuthRateLimits); GETs are not counted.
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthRateLimits.PasswordResetPolicy)]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    private const string InvalidLink = "This reset link is not valid or has expired. Ask for a new one.";

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public IActionResult OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Code = code;
        if (AccountEmails.Decode(code) is null)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountEmails.Decode(Input.Code);
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (token is null || user is null)
        {
            // The same answer whether the address is unknown or the token is bad: nothing about accounts is revealed.
            ModelState.AddModelError(string.Empty, InvalidLink);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty,
                    error.Code == "InvalidToken" ? InvalidLink : error.Description);
            }

            return Page();
        }

        // A member locked out by failed logins can use the new password straight away.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Repeat the new password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Confirm new password")]
        public string? ConfirmPassword { get; set; }

        [Required(ErrorMessage = "This reset link is not valid or has expired. Ask for a new one.")]
        public string? Code { get; set; }
    }
}
