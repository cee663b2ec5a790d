using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Account;
using HipCheck.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Account;

/// <summary>
/// Asks for a reset link. The answer is the same whether or not an account exists for the address (ASVS 2.5.x: no
/// account enumeration); only an existing account gets an email.
/// </summary>
// POSTs limited per client IP (AuthRateLimits); GETs are not counted.
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthRateLimits.PasswordResetPolicy)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { } user)
        {
            await emails.SendPasswordResetAsync(user, HttpContext);
        }

        Sent = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string? Email { get; set; }
    }
}
