using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Account;

/// <summary>
/// Changing one's password while signed in: the current password (re-authentication) and the new one twice. The
/// change renews the security stamp, so every other session (another browser, a refresh token) ends at its next
/// check; this browser stays signed in with a fresh cookie.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Enter your current password.");
        }

        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", "Enter a new password.");
        }
        else if (!string.Equals(Input.NewPassword, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two new passwords are not the same.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not right." : error.Description);
            }

            return Page();
        }

        // The stamp changed: this browser gets a cookie with the new stamp; every other session is refused at its next check.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }

    public sealed class ChangePasswordInput
    {
        [Display(Name = "Current password")]
        public string? CurrentPassword { get; set; }

        [Display(Name = "New password")]
        public string? NewPassword { get; set; }

        [Display(Name = "New password again")]
        public string? ConfirmPassword { get; set; }
    }
}
