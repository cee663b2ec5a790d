using HipCheck.Web.Account;
using HipCheck.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Athletes;

public enum LinkOutcome
{
    Linked,
    /// <summary>The caller does not coach the athlete's team (or there is no such athlete): 404.</summary>
    NotFound,
    /// <summary>The email is not an email address.</summary>
    Invalid,
    /// <summary>The athlete already belongs to an account.</summary>
    AlreadyLinked,
    /// <summary>No runner account without a profile has that (confirmed) email; deliberately one answer for every reason.</summary>
    NoSuchRunner,
}

public sealed record LinkResult(LinkOutcome Outcome, string? Message = null);

/// <summary>
/// Links a team athlete to the runner's account who is that athlete, so the runner answers the weekly check-in
/// for the record the coach sees. The athlete stays in the team; <see cref="Athlete.OwnerUserId"/> is set, and
/// the unique index on it keeps "one own profile per runner" true even for racing requests.
/// Privacy: the coach learns only whether the link worked. An unknown email, an account that is not a runner's,
/// an unconfirmed email and a runner who already has a profile all get the same answer, so the form cannot be
/// used to find out who has an account; nothing about the account is shown.
/// </summary>
public sealed class AthleteOwnerLinks(HipCheckDb db, UserManager<AppUser> users, TimeProvider clock)
{
    public const int EmailMaxLength = 256;

    public const string NoSuchRunnerMessage =
        "That email could not be linked. It must be the confirmed email of a runner's account that has no athlete profile yet: "
        + "ask the runner to register as a runner (or to confirm their email), or to use the email they signed up with.";

    public const string AlreadyLinkedMessage = "This athlete is already linked to a runner's account.";

    public const string InvalidEmailMessage = "Enter the runner's email address.";

    public async Task<LinkResult> LinkAsync(string coachUserId, Guid athleteId, string? email, CancellationToken ct)
    {
        // Only the coach of the athlete's team: a runner's own profile, or a team someone else coaches, is not found.
        var athlete = await db.Athletes.Include(a => a.Team)
            .FirstOrDefaultAsync(a => a.Id == athleteId && a.Team != null && a.Team.CoachUserId == coachUserId, ct);
        if (athlete is null)
        {
            return new LinkResult(LinkOutcome.NotFound);
        }

        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > EmailMaxLength || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return new LinkResult(LinkOutcome.Invalid, InvalidEmailMessage);
        }

        if (athlete.OwnerUserId is not null)
        {
            return new LinkResult(LinkOutcome.AlreadyLinked, AlreadyLinkedMessage);
        }

        var runner = await users.FindByEmailAsync(email);
        if (runner is null || !runner.EmailConfirmed || !await IsRunnerOnlyAsync(runner)
            || await db.Athletes.AnyAsync(a => a.OwnerUserId == runner.Id, ct))
        {
            return new LinkResult(LinkOutcome.NoSuchRunner, NoSuchRunnerMessage);
        }

        athlete.OwnerUserId = runner.Id;
        athlete.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request linked the same runner (or this athlete) first: the unique index refused the second.
            db.Entry(athlete).State = EntityState.Detached;
            return new LinkResult(LinkOutcome.NoSuchRunner, NoSuchRunnerMessage);
        }

        return new LinkResult(LinkOutcome.Linked);
    }

    private async Task<bool> IsRunnerOnlyAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Runner) && !roles.Any(r => r is Roles.Coach or Roles.Researcher or Roles.Admin);
    }
}
