using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Account;

/// <summary>Deleting one's account: the current password (re-authentication) and the typed word DELETE.</summary>
[Authorize]
public sealed class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountErasure erasure) : PageModel
{
    public const string ConfirmationWord = "DELETE";

    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public bool EmailConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        EmailConfirmed = await users.IsConfirmedAsync(User);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        EmailConfirmed = user.EmailConfirmed;
        if (!string.Equals(Input.Confirmation?.Trim(), ConfirmationWord, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.Confirmation", $"Type {ConfirmationWord} in capitals to confirm.");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your current password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await erasure.EraseAsync(user, Input.Password, ct);
        switch (result.Outcome)
        {
            case ErasureOutcome.Erased:
                await signIn.SignOutAsync();
                return Redirect("/?account=deleted");
            case ErasureOutcome.WrongPassword:
                ModelState.AddModelError("Input.Password", "The password is not right.");
                break;
            case ErasureOutcome.EmailNotConfirmed:
                ModelState.AddModelError("", ConfirmedEmail.Detail);
                break;
            default:
                ModelState.AddModelError("", AccountErasureMessages.RunsStudies);
                break;
        }

        return Page();
    }

    public sealed class DeleteInput
    {
        [Display(Name = "Current password")]
        public string? Password { get; set; }

        [Display(Name = "Type DELETE to confirm")]
        public string? Confirmation { get; set; }
    }
}
