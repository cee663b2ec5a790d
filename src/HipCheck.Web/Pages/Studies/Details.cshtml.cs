using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Pages.Athletes;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Studies;

[Authorize(Roles = Roles.Researcher)]
public sealed class DetailsModel(HipCheckDb db, StudyService studies, TimeProvider clock) : PageModel
{
    public Study Study { get; private set; } = null!;

    public StudyDocument Document { get; private set; } = null!;

    public IReadOnlyList<EnrolmentDocument> Enrolments { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Enrollable { get; private set; } = [];

    public IReadOnlyList<StudyAuditDocument> Audit { get; private set; } = [];

    [BindProperty]
    public Guid? AthleteId { get; set; }

    [BindProperty]
    public bool ConsentGiven { get; set; }

    [BindProperty]
    public DateOnly? ConsentDate { get; set; }

    [BindProperty]
    public bool RetainOnWithdrawal { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A POST without a handler name (a crafted request) goes back to the page instead of failing.</summary>
    public IActionResult OnPost(Guid id) => Redirect($"/Studies/{id}");

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } study)
        {
            return NotFound();
        }

        var (outcome, errors, problem) = await studies.EnrolAsync(User.UserId(), study, new EnrolRequest(AthleteId, ConsentGiven, ConsentDate, RetainOnWithdrawal), ct);
        if (outcome == StudyChange.Done)
        {
            return Redirect($"/Studies/{id}");
        }

        ModelState.AddFieldErrors(errors, prefix: "");
        Message = problem;
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid athleteId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } study)
        {
            return NotFound();
        }

        await studies.WithdrawAsync(User.UserId(), study, athleteId, ct);
        return Redirect($"/Studies/{id}");
    }

    public async Task<IActionResult> OnPostLockBaselineAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } study)
        {
            return NotFound();
        }

        var (outcome, problem) = await studies.LockBaselineAsync(User.UserId(), study, ct);
        if (outcome == StudyChange.Done)
        {
            return Redirect($"/Studies/{id}");
        }

        Message = problem;
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLockDataAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } study)
        {
            return NotFound();
        }

        var (outcome, problem) = await studies.LockDataAsync(User.UserId(), study, ct);
        if (outcome == StudyChange.Done)
        {
            return Redirect($"/Studies/{id}");
        }

        Message = problem;
        await LoadAsync(id, ct);
        return Page();
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    private Task<Study?> FindAsync(Guid id, CancellationToken ct) =>
        studies.OwnedBy(User.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var study = await studies.OwnedBy(User.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (study is null)
        {
            return false;
        }

        Study = study;
        Document = await studies.DocumentAsync(study, ct);
        Enrolments = await db.Enrolments.AsNoTracking().Where(e => e.StudyId == id).OrderBy(e => e.EnrolledUtc)
            .Select(e => new EnrolmentDocument(e.AthleteId, e.Code, e.Athlete!.Name, e.ConsentDate, e.EnrolledUtc, e.WithdrawnUtc, e.RetainOnWithdrawal)).ToListAsync(ct);
        var enrolled = Enrolments.Select(e => e.AthleteId).ToHashSet();
        var visible = await db.VisibleTo(User.UserId()).AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        Enrollable = visible.Where(a => !enrolled.Contains(a.Id)).Select(a => (a.Id, a.Name)).ToList();
        Audit = await db.StudyAudit.AsNoTracking().Where(e => e.StudyId == id).OrderByDescending(e => e.Id).Take(50)
            .Select(e => new StudyAuditDocument(e.Utc, e.UserId, e.Action, e.Detail)).ToListAsync(ct);
        ConsentDate ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
