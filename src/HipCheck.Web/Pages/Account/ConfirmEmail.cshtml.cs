using HipCheck.Web.Account;
using HipCheck.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Account;

/// <summary>The link of the confirmation email. Logging in does not wait for it yet (a member can use the site unconfirmed).</summary>
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        if (string.IsNullOrEmpty(userId) || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
