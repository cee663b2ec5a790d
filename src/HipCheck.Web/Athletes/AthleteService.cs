using HipCheck.Core.Athletes;
using HipCheck.Core.Validation;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Organisations;
using HipCheck.Web.Studies;
using HipCheck.Web.Teams;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Athletes;

/// <summary>An athlete as the API and forms take it; every field is checked by <see cref="AthleteProfile.Validate"/>.</summary>
public sealed record AthleteRequest(
    string? Name,
    string? Sex,
    DateOnly? BirthDate,
    double? BodyMassKg,
    double? HeightCm,
    string? Sport,
    string? DominantLeg,
    Guid? TeamId = null);

public sealed record AthleteDocument(
    Guid Id,
    string Name,
    string Sex,
    DateOnly BirthDate,
    double BodyMassKg,
    double HeightCm,
    string? Sport,
    string DominantLeg,
    Guid? TeamId,
    string? TeamName,
    DateTime CreatedUtc,
    DateTime UpdatedUtc)
{
    public static AthleteDocument From(Athlete a) => new(
        a.Id, a.Name, AthleteProfile.SexCode(a.Sex), a.BirthDate, a.BodyMassKg, a.HeightCm, a.Sport,
        HipCheck.Core.Measurement.Sides.Code(a.DominantLeg), a.TeamId, a.Team?.Name, a.CreatedUtc, a.UpdatedUtc);
}

public enum SaveOutcome
{
    Saved,
    Invalid,
    Conflict,
}

public sealed record AthleteSaveResult(SaveOutcome Outcome, Athlete? Athlete, IReadOnlyList<FieldError> Errors, string? Problem = null);

/// <summary>
/// Creates and edits athletes for the API and the pages alike. A runner has exactly one athlete profile,
/// their own; coaches and researchers keep their athletes in teams they own.
/// </summary>
public sealed class AthleteService(HipCheckDb db, OrganisationService organisations, StudyLocks locks, TimeProvider clock)
{
    public const string DefaultTeamName = "My team";

    private const string ProfileExists =
        "You already have an athlete profile. A runner's account holds one profile: their own. Edit it instead.";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<AthleteSaveResult> CreateAsync(string userId, bool isRunner, AthleteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new AthleteSaveResult(SaveOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var athlete = new Athlete { Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), CreatedUtc = now };
        if (isRunner)
        {
            if (request.TeamId is not null)
            {
                return new AthleteSaveResult(SaveOutcome.Invalid, null, [new FieldError("teamId", "Only coaches put athletes into teams.")]);
            }

            if (await db.Athletes.AnyAsync(a => a.OwnerUserId == userId, ct))
            {
                return new AthleteSaveResult(SaveOutcome.Conflict, null, [], ProfileExists);
            }

            athlete.OwnerUserId = userId;
        }
        else
        {
            var team = await ResolveTeamAsync(userId, request.TeamId, ct);
            if (team is null)
            {
                return new AthleteSaveResult(SaveOutcome.Invalid, null, [new FieldError("teamId", "Choose one of your teams.")]);
            }

            athlete.TeamId = team.Id;
            athlete.Team = team;
        }

        Apply(athlete, request, now);
        db.Athletes.Add(athlete);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (isRunner)
        {
            // Another request created the runner's profile between our check and our insert (unique index).
            db.Entry(athlete).State = EntityState.Detached;
            return new AthleteSaveResult(SaveOutcome.Conflict, null, [], ProfileExists);
        }

        return new AthleteSaveResult(SaveOutcome.Saved, athlete, []);
    }

    /// <summary>Updates an athlete the caller may see (the caller has looked it up through <see cref="AthleteAccess"/>).</summary>
    public async Task<AthleteSaveResult> UpdateAsync(string userId, Athlete athlete, AthleteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new AthleteSaveResult(SaveOutcome.Invalid, null, errors);
        }

        var sexChanges = AthleteProfile.TryParseSex(request.Sex, out var newSex) && newSex != athlete.Sex;
        if ((sexChanges || request.BirthDate != athlete.BirthDate)
            && await locks.CheckBaselineFactsAsync(athlete.Id, userId, ct) is { } refusal)
        {
            return new AthleteSaveResult(SaveOutcome.Conflict, null, [], refusal);
        }

        if (request.TeamId is { } teamId && teamId != athlete.TeamId)
        {
            var team = athlete.TeamId is null ? null : await ResolveTeamAsync(userId, teamId, ct);
            if (team is null || team.Id != teamId)
            {
                return new AthleteSaveResult(SaveOutcome.Invalid, null, [new FieldError("teamId", "Choose one of your teams.")]);
            }

            athlete.TeamId = team.Id;
            athlete.Team = team;
        }

        athlete.Name = request.Name!.Trim();
        Apply(athlete, request, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new AthleteSaveResult(SaveOutcome.Saved, athlete, []);
    }

    public IReadOnlyList<FieldError> Validate(AthleteRequest r) =>
        AthleteProfile.Validate(r.Name, r.Sex, r.BirthDate, r.BodyMassKg, r.HeightCm, r.Sport, r.DominantLeg, Today);

    private static void Apply(Athlete athlete, AthleteRequest r, DateTime now)
    {
        if (!AthleteProfile.TryParseSex(r.Sex, out var sex) || !AthleteProfile.TryParseSide(r.DominantLeg, out var leg))
        {
            throw new ArgumentException("Validate the request before applying it.", nameof(r));
        }

        athlete.Sex = sex;
        athlete.BirthDate = r.BirthDate!.Value;
        athlete.BodyMassKg = r.BodyMassKg!.Value;
        athlete.HeightCm = r.HeightCm!.Value;
        athlete.Sport = string.IsNullOrWhiteSpace(r.Sport) ? null : r.Sport.Trim();
        athlete.DominantLeg = leg;
        athlete.UpdatedUtc = now;
    }

    /// <summary>The named team if the user coaches it; with no team named, their first team, created if none.</summary>
    private async Task<Team?> ResolveTeamAsync(string userId, Guid? teamId, CancellationToken ct)
    {
        if (teamId is { } id)
        {
            return await db.Teams.FirstOrDefaultAsync(t => t.Id == id && t.CoachUserId == userId, ct);
        }

        var first = await db.Teams.Where(t => t.CoachUserId == userId).OrderBy(t => t.CreatedUtc).FirstOrDefaultAsync(ct);
        if (first is not null)
        {
            return first;
        }

        var organisation = await organisations.GetOrAddForUserAsync(userId, ct);
        var team = new Team
        {
            Id = Guid.CreateVersion7(),
            Name = DefaultTeamName,
            CoachUserId = userId,
            OrganisationId = organisation.Id,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Teams.Add(team);
        return team;
    }
}

public static class UserExtensions
{
    public static bool IsRunnerOnly(this System.Security.Claims.ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Coach) && !user.IsInRole(Roles.Researcher) && !user.IsInRole(Roles.Admin);
}
