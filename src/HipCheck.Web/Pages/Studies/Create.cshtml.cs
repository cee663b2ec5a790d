using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Pages.Athletes;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Studies;

[Authorize(Roles = Roles.Researcher)]
public sealed class CreateModel(StudyService studies, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public StudyInput Input { get; set; } = new();

    public void OnGet()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input = new StudyInput
        {
            Design = "prospective-cohort",
            EventCode = HipCheck.Core.Studies.EventDefinitions.LowBackPainTreatedNonTraumatic.Code,
            BaselineStart = today,
            BaselineEnd = today.AddDays(28),
            FollowUpDays = 365,
            ExposureThresholdPercent = 15,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await users.IsConfirmedAsync(User))
        {
            ModelState.AddModelError("", ConfirmedEmail.Detail);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddFieldErrors(StudyService.Validate(Input.ToRequest()));
            return Page();
        }

        var (study, errors) = await studies.CreateAsync(User.UserId(), Input.ToRequest(), ct);
        if (study is null)
        {
            ModelState.AddFieldErrors(errors);
            return Page();
        }

        return Redirect($"/Studies/{study.Id}");
    }
}

public sealed class StudyInput
{
    public string? Title { get; set; }

    public string? Design { get; set; }

    public string? EventCode { get; set; }

    public DateOnly? BaselineStart { get; set; }

    public DateOnly? BaselineEnd { get; set; }

    public int? FollowUpDays { get; set; }

    public double? ExposureThresholdPercent { get; set; }

    /// <summary>The custom rule's region code ("any" or empty: every region).</summary>
    public string? CustomRegion { get; set; }

    public int? CustomMinDaysLost { get; set; }

    public bool CustomNeedsTreatment { get; set; }

    /// <summary>"custom" on the form becomes the rule's code, e.g. custom:knee:7:treated (what the API takes directly).</summary>
    public StudyRequest ToRequest() => new(Title, Design, EventCode == HipCheck.Core.Studies.EventDefinitions.CustomPrefix ? CustomCode() : EventCode,
        BaselineStart, BaselineEnd, FollowUpDays, ExposureThresholdPercent);

    private string CustomCode() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"custom:{(string.IsNullOrWhiteSpace(CustomRegion) ? "any" : CustomRegion.Trim())}:{CustomMinDaysLost ?? 0}:{(CustomNeedsTreatment ? "treated" : "any")}");
}
