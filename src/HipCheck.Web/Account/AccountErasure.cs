using System.Text.Json;
using HipCheck.Core.Articles;
using HipCheck.Web.Audit;
using HipCheck.Web.Data;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Account;

public enum ErasureOutcome
{
    Erased,
    WrongPassword,
    EmailNotConfirmed,
    RunsStudies,
}

public sealed record ErasureResult(ErasureOutcome Outcome, int AthletesDeleted = 0, int AthletesPseudonymised = 0, int CommentsAnonymised = 0);

/// <summary>
/// Deletes a member's account (GDPR Art. 17) after re-authentication by password. Their athletes and health data are
/// deleted, except an athlete enrolled in a study whose recorded consent lets data already collected be kept after
/// withdrawal (<see cref="Enrolment.RetainOnWithdrawal"/>): that athlete stays, pseudonymised (name replaced by the
/// study code, birth date cut to the year, sport and owner removed), and the enrolment is marked withdrawn.
/// Comments stay, anonymised as "Former member" (replies keep their thread). Everything happens in one SaveChanges,
/// so the audit trail records each deletion and change in the same transaction, plus one "erased" tombstone.
/// A member who runs studies cannot delete the account: the study data need a custodian (an admin transfers them).
/// </summary>
public sealed class AccountErasure(HipCheckDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock)
{
    public async Task<ErasureResult> EraseAsync(AppUser user, string? password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password) || !(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded)
        {
            return new ErasureResult(ErasureOutcome.WrongPassword);
        }

        if (!user.EmailConfirmed)
        {
            return new ErasureResult(ErasureOutcome.EmailNotConfirmed);
        }

        var id = user.Id;
        if (await db.Studies.AnyAsync(s => s.OwnerUserId == id, ct))
        {
            return new ErasureResult(ErasureOutcome.RunsStudies);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var athletes = await db.Athletes.Where(a => a.OwnerUserId == id || (a.Team != null && a.Team.CoachUserId == id)).ToListAsync(ct);
        var athleteIds = athletes.Select(a => a.Id).ToList();
        var enrolments = await db.Enrolments.Where(e => athleteIds.Contains(e.AthleteId)).ToListAsync(ct);
        var studies = await db.Studies.Where(s => enrolments.Select(e => e.StudyId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var programmes = await db.Programmes.Where(p => athleteIds.Contains(p.AthleteId)).ToListAsync(ct);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        db.WorkoutSessions.RemoveRange(await db.WorkoutSessions.Where(s => programmeIds.Contains(s.ProgrammeId)).ToListAsync(ct));
        db.Programmes.RemoveRange(programmes);

        var deleted = 0;
        var pseudonymised = 0;
        foreach (var athlete in athletes)
        {
            var own = enrolments.Where(e => e.AthleteId == athlete.Id).ToList();
            var retained = own.Where(e => e.RetainOnWithdrawal).ToList();
            foreach (var e in own.Except(retained))
            {
                db.Enrolments.Remove(e);
                StudyAudit(e.StudyId, id, now, "erased", $"Athlete {e.Code} withdrawn and erased: the member account was deleted and the consent did not allow retention.");
            }

            if (retained.Count > 0)
            {
                // Pseudonymised, as the study exports already are: the per-study code replaces the name.
                athlete.Name = $"Withdrawn participant {string.Join(" ", retained.Select(e => e.Code))}";
                athlete.BirthDate = new DateOnly(athlete.BirthDate.Year, 7, 1);
                athlete.Sport = null;
                athlete.OwnerUserId = null;
                athlete.TeamId = null;
                athlete.UpdatedUtc = now;
                foreach (var e in retained.Where(e => e.WithdrawnUtc is null))
                {
                    e.WithdrawnUtc = now;
                }

                foreach (var e in retained)
                {
                    StudyAudit(e.StudyId, id, now, "withdrawn", $"Athlete {e.Code} withdrawn: the member account was deleted; data already collected kept, pseudonymised, as the consent allows.");
                }

                pseudonymised++;
                continue;
            }

            // Loaded, not cascaded by the database, so the audit trail records every deleted screening, test and injury.
            db.Screenings.RemoveRange(await db.Screenings.Include(s => s.Tests).Where(s => s.AthleteId == athlete.Id).ToListAsync(ct));
            db.Injuries.RemoveRange(await db.Injuries.Where(i => i.AthleteId == athlete.Id).ToListAsync(ct));
            db.Athletes.Remove(athlete);
            deleted++;
        }

        db.Teams.RemoveRange(await db.Teams.Where(t => t.CoachUserId == id).ToListAsync(ct));
        db.Organisations.RemoveRange(await db.Organisations.Where(o => o.OwnerUserId == id).ToListAsync(ct));
        db.CommenterProfiles.RemoveRange(await db.CommenterProfiles.Where(p => p.UserId == id).ToListAsync(ct));
        var comments = await db.ArticleComments.Where(c => c.AuthorUserId == id).ToListAsync(ct);
        foreach (var comment in comments)
        {
            comment.AuthorUserId = CommentRules.FormerMemberId;
        }

        // The tombstone: ids and counts only, never the email.
        db.Audit.Add(new AuditEntry
        {
            Utc = now,
            ActorUserId = id,
            ActorRole = "member",
            EntityType = "Member",
            EntityId = id,
            Action = "erased",
            Changed = "account",
            After = JsonSerializer.Serialize(new { athletesDeleted = deleted, athletesPseudonymised = pseudonymised, commentsAnonymised = comments.Count }),
        });

        // Deleting the user saves everything above in the same SaveChanges (one transaction); lesson progress,
        // roles and logins go with the user by cascade.
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return new ErasureResult(ErasureOutcome.Erased, deleted, pseudonymised, comments.Count);

        void StudyAudit(Guid studyId, string userId, DateTime utc, string action, string detail)
        {
            if (studies.ContainsKey(studyId))
            {
                db.StudyAudit.Add(new StudyAuditEntry { StudyId = studyId, UserId = userId, Utc = utc, Action = action, Detail = detail });
            }
        }
    }
}
