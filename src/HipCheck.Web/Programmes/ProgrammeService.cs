using HipCheck.Core.Training;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Reports.Pdf;
using HipCheck.Web.Screenings;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Programmes;

public sealed record ProgrammeResult(Programme? Programme, IReadOnlyList<FieldError> Errors);

public sealed record SessionResult(WorkoutSession? Session, bool Created, IReadOnlyList<FieldError> Errors);

/// <summary>One athlete's programme in the coach's team view.</summary>
/// <param name="Week">The week of the plan today falls in; null before the start or after the end.</param>
/// <param name="RecentAdherencePercent">Adherence of the last two started weeks; null before the start.</param>
public sealed record TeamProgrammeRow(
    Guid AthleteId, Guid ProgrammeId, DateOnly StartDate, int Weeks, int? Week, bool Started, double? RecentAdherencePercent, DateOnly? LastSession, bool RetestDue);

/// <summary>Where an athlete stands with their re-test: the programme's re-test date has come and no newer screening exists.</summary>
public sealed record RetestReminder(Guid AthleteId, Guid ProgrammeId, DateOnly RetestDate);

/// <summary>
/// Starts, adjusts and reads programmes, and logs their sessions, for the API and the pages alike. Every query
/// starts from <see cref="AthleteAccess.VisibleTo"/>, so a stranger finds nothing.
/// </summary>
public sealed class ProgrammeService(HipCheckDb db, TimeProvider clock)
{
    public const int MinWeeks = ProgrammeGenerator.MinWeeks, MaxWeeks = ProgrammeGenerator.MaxWeeks, DefaultWeeks = 6;
    public const int MinSessionsPerWeek = ProgrammeGenerator.MinSessionsPerWeek, MaxSessionsPerWeek = ProgrammeGenerator.MaxSessionsPerWeek, DefaultSessionsPerWeek = 3;

    /// <summary>How far ahead a programme may be scheduled to start.</summary>
    public const int MaxDaysAhead = 28;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A date may be "tomorrow" in UTC terms: somewhere (UTC+14) it already is (as for screenings).</summary>
    public DateOnly LatestSessionDate => Today.AddDays(1);

    public IQueryable<Programme> VisibleTo(string userId) =>
        db.Programmes.Where(p => db.VisibleTo(userId).Any(a => a.Id == p.AthleteId));

    public Task<Programme?> FindAsync(string userId, Guid programmeId, CancellationToken ct) =>
        VisibleTo(userId).AsNoTracking().Include(p => p.Athlete).FirstOrDefaultAsync(p => p.Id == programmeId, ct);

    public Task<Programme?> CurrentAsync(string userId, Guid athleteId, CancellationToken ct) =>
        VisibleTo(userId).AsNoTracking().Include(p => p.Athlete)
            .Where(p => p.AthleteId == athleteId && p.Status == ProgrammeStatus.Active)
            .OrderByDescending(p => p.CreatedUtc).FirstOrDefaultAsync(ct);

    /// <summary>Generates a programme from a screening of the athlete and makes it the active one (the previous one is kept, marked replaced).</summary>
    public async Task<ProgrammeResult> StartAsync(string userId, Athlete athlete, ProgrammeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        ValidateShape(errors, request.Weeks, request.SessionsPerWeek);
        var screenings = db.Screenings.AsNoTracking().Include(s => s.Tests).Where(s => s.AthleteId == athlete.Id);
        var screening = request.ScreeningId is { } sid
            ? await screenings.FirstOrDefaultAsync(s => s.Id == sid, ct)
            : await screenings.OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedUtc).FirstOrDefaultAsync(ct);
        if (screening is null)
        {
            errors.Add("screeningId", request.ScreeningId is null
                ? "Screen the athlete first: the programme is built from a screening's deficits."
                : "This athlete has no such screening.");
        }

        var start = request.StartDate ?? Today;
        if (screening is not null && start < screening.Date)
        {
            errors.Add("startDate", "The programme cannot start before the screening it is built from.");
        }
        else if (start > Today.AddDays(MaxDaysAhead))
        {
            errors.Add("startDate", $"Start within the next {MaxDaysAhead} days.");
        }

        if (!errors.IsValid)
        {
            return new ProgrammeResult(null, errors.All);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var programme = new Programme
        {
            Id = Guid.CreateVersion7(),
            AthleteId = athlete.Id,
            ScreeningId = screening!.Id,
            AssignedByUserId = userId,
            Status = ProgrammeStatus.Active,
            CreatedUtc = now,
            Plan = null!,
        };
        Generate(programme, screening, start, request.Weeks ?? DefaultWeeks, request.SessionsPerWeek ?? DefaultSessionsPerWeek, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Programmes.Where(p => p.AthleteId == athlete.Id && p.Status == ProgrammeStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Replaced).SetProperty(p => p.UpdatedUtc, now), ct);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ProgrammeResult(programme, []);
    }

    /// <summary>Changes the length or frequency of an active programme and regenerates its plan from the same screening and start.</summary>
    public async Task<ProgrammeResult> AdjustAsync(Guid programmeId, ProgrammeAdjustment request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        ValidateShape(errors, request.Weeks, request.SessionsPerWeek);
        if (!errors.IsValid)
        {
            return new ProgrammeResult(null, errors.All);
        }

        var programme = await db.Programmes.FirstAsync(p => p.Id == programmeId, ct);
        var screening = await db.Screenings.AsNoTracking().Include(s => s.Tests).FirstAsync(s => s.Id == programme.ScreeningId, ct);
        Generate(programme, screening, programme.StartDate, request.Weeks ?? programme.Weeks, request.SessionsPerWeek ?? programme.SessionsPerWeek,
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new ProgrammeResult(programme, []);
    }

    public IReadOnlyList<FieldError> Validate(Programme programme, SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(request);
        return SessionLogRules.Validate(request.Date, request.Status, request.Pain, request.Note, request.Exercises,
            programme.StartDate, LatestSessionDate, [.. ProgrammePlans.ExerciseIds(programme.Plan)]);
    }

    /// <summary>Stores a session; a day already logged is corrected in place (one record per day).</summary>
    public async Task<SessionResult> LogAsync(string userId, Programme programme, SessionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(programme, request);
        if (errors.Count > 0)
        {
            return new SessionResult(null, false, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var date = request.Date!.Value;
        var session = await db.WorkoutSessions.FirstOrDefaultAsync(s => s.ProgrammeId == programme.Id && s.Date == date, ct);
        var created = session is null;
        session ??= new WorkoutSession { Id = Guid.CreateVersion7(), ProgrammeId = programme.Id, Date = date, LoggedByUserId = userId, CreatedUtc = now };
        session.Status = SessionLogRules.TryParseStatus(request.Status, out var status) ? status : throw new InvalidOperationException("Validated above.");
        session.Pain = request.Pain;
        session.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        session.Exercises = (request.Exercises ?? []).Select(e => new ExerciseLog(e!.ExerciseId!, e.LeftReps, e.RightReps, e.LeftLoadKg, e.RightLoadKg,
            e.LeftHoldSeconds, e.RightHoldSeconds)).ToList();
        session.LoggedByUserId = userId;
        session.UpdatedUtc = now;
        if (created)
        {
            db.WorkoutSessions.Add(session);
        }

        await db.SaveChangesAsync(ct);
        return new SessionResult(session, created, []);
    }

    public Task<List<WorkoutSession>> SessionsAsync(Guid programmeId, CancellationToken ct) =>
        db.WorkoutSessions.AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.Date).ToListAsync(ct);

    public AdherenceDocument Adherence(Programme programme, IEnumerable<WorkoutSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var weeks = HipCheck.Core.Training.Adherence.Weekly(ProgrammePlans.ToCore(programme),
                sessions.Select(s => new LoggedSession(s.Date, s.Status)).ToList(), Today)
            .Select(w => new WeekAdherenceDocument(w.Week, w.From, w.To, w.Planned, w.Done, w.Partly, w.Skipped, w.AdherencePercent))
            .ToList();
        var recent = weeks.Where(w => w.From <= Today).TakeLast(2).Select(w => w.AdherencePercent).ToList();
        return new AdherenceDocument(programme.Id, Today, recent.Count == 0 ? null : recent.Average(), weeks);
    }

    /// <summary>
    /// The coach's view of a team's programmes: each athlete's active programme (if any), the week it is in, and the
    /// adherence of its last two started weeks. The caller has checked that the user coaches the team.
    /// </summary>
    public async Task<Dictionary<Guid, TeamProgrammeRow>> TeamAsync(Guid teamId, CancellationToken ct)
    {
        var active = await db.Programmes.AsNoTracking()
            .Where(p => p.Status == ProgrammeStatus.Active && p.Athlete!.TeamId == teamId)
            .ToListAsync(ct);
        var ids = active.Select(p => p.Id).ToList();
        var sessions = (await db.WorkoutSessions.AsNoTracking().Where(s => ids.Contains(s.ProgrammeId)).ToListAsync(ct))
            .ToLookup(s => s.ProgrammeId);
        var retests = await RetestsDueAsync(db.Athletes.Where(a => a.TeamId == teamId), ct);
        return active.GroupBy(p => p.AthleteId).Select(g => g.OrderByDescending(p => p.CreatedUtc).First())
            .ToDictionary(p => p.AthleteId, p => new TeamProgrammeRow(
                p.AthleteId, p.Id, p.StartDate, p.Weeks, ProgrammePlans.WeekOf(p, Today), p.StartDate <= Today,
                Adherence(p, sessions[p.Id]).RecentAdherencePercent, sessions[p.Id].MaxBy(s => s.Date)?.Date, retests.ContainsKey(p.AthleteId)));
    }

    /// <summary>
    /// Active programmes whose re-test date has come while no screening newer than the one they were built from
    /// exists, for the given athletes (already filtered by access).
    /// </summary>
    public async Task<Dictionary<Guid, RetestReminder>> RetestsDueAsync(IQueryable<Athlete> athletes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athletes);
        var today = Today;
        var due = await db.Programmes.AsNoTracking()
            .Where(p => p.Status == ProgrammeStatus.Active && p.RetestDate <= today && athletes.Any(a => a.Id == p.AthleteId))
            .Where(p => !db.Screenings.Any(s => s.AthleteId == p.AthleteId && s.Date > p.Screening!.Date))
            .Select(p => new RetestReminder(p.AthleteId, p.Id, p.RetestDate))
            .ToListAsync(ct);
        return due.GroupBy(r => r.AthleteId).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>
    /// The personalised programme as a PDF: the plan as assigned, the athlete, and the asymmetry of the programme's
    /// screening and every later one (the re-tests) for the progress chart.
    /// </summary>
    public async Task<byte[]> PdfAsync(Programme programme, PaperSize paper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var athlete = programme.Athlete ?? await db.Athletes.AsNoTracking().FirstAsync(a => a.Id == programme.AthleteId, ct);
        var baseline = await db.Screenings.AsNoTracking().Where(s => s.Id == programme.ScreeningId).Select(s => s.Date).FirstAsync(ct);
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests)
            .Where(s => s.AthleteId == programme.AthleteId && s.Date >= baseline).ToListAsync(ct);
        var progress = screenings
            .SelectMany(s => ScreeningDocuments.Evaluate(s).Where(r => r.Asymmetry is not null)
                .Select(r => new ProgressPoint(s.Date, r.Test.Code, r.Test.Name, r.Asymmetry!.Value.AsymmetryPercent)))
            .ToList();
        var plan = ProgrammePlans.ToCore(programme);
        return PdfGuides.PersonalProgramme(new ProgrammePdfModel(athlete.Name, baseline, plan, plan.Deficits, progress), paper);
    }

    public static bool TryParsePaper(string? value, out PaperSize paper)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "a4": paper = PaperSize.A4; return true;
            case "letter": paper = PaperSize.Letter; return true;
            default: paper = default; return false;
        }
    }

    private static void ValidateShape(FieldErrors errors, int? weeks, int? sessionsPerWeek)
    {
        if (weeks is { } w && (w < MinWeeks || w > MaxWeeks))
        {
            errors.Add("weeks", $"A programme runs {MinWeeks} to {MaxWeeks} weeks.");
        }

        if (sessionsPerWeek is { } s && (s < MinSessionsPerWeek || s > MaxSessionsPerWeek))
        {
            errors.Add("sessionsPerWeek", $"Plan {MinSessionsPerWeek} to {MaxSessionsPerWeek} sessions a week.");
        }
    }

    private static void Generate(Programme programme, Screening screening, DateOnly start, int weeks, int sessionsPerWeek, DateTime now)
    {
        var plan = ProgrammeGenerator.Generate(new ProgrammeInput(ScreeningDocuments.Evaluate(screening), start, sessionsPerWeek, weeks));
        programme.StartDate = plan.StartDate;
        programme.Weeks = plan.Weeks;
        programme.SessionsPerWeek = plan.SessionsPerWeek;
        programme.RetestDate = plan.RetestDate;
        programme.Plan = ProgrammePlans.Snapshot(plan);
        programme.UpdatedUtc = now;
    }
}
