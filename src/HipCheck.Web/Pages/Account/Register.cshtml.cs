using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Account;
using HipCheck.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Account;

// POSTs limited per client IP (AuthRateLimits); GETs are not counted.
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthRateLimits.RegisterPolicy)]
public sealed class RegisterModel(MemberService members, SignInManager<AppUser> signIn, AccountEmails emails) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (user, errors) = await members.RegisterAsync(Input.Email, Input.Password, Input.Role);
        if (user is null)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
                }
            }

            return Page();
        }

        // Login does not wait for the confirmation yet: the member goes straight on to the page they wanted.
        await emails.SendConfirmationAsync(user, HttpContext);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Athletes");
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Confirm password")]
        public string? ConfirmPassword { get; set; }

        public string Role { get; set; } = Roles.Runner;
    }
}
