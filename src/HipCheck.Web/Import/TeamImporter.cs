using HipCheck.Core.Import;
using HipCheck.Web.Data;
using HipCheck.Web.Studies;
using HipCheck.Web.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HipCheck.Web.Import;

/// <summary>What the importer did with a file: the API's JSON, the page's table, the CLI's output.</summary>
/// <param name="Committed">True when the valid rows were stored; false when nothing was (a bad row in all-or-nothing mode, an unreadable file).</param>
/// <param name="Imported">Tests stored by this import.</param>
/// <param name="AlreadyPresent">Valid rows whose athlete, date and test were already imported: skipped, not duplicated.</param>
/// <param name="Rejected">Rows refused, each counted once.</param>
public sealed record ImportReport(
    string Layout, bool Committed, int Rows, int Imported, int AlreadyPresent, int Rejected, int AthletesCreated,
    int ScreeningsCreated, IReadOnlyList<ImportRowError> Errors, int ErrorsNotListed);

/// <summary>
/// Imports a file into a team: Core reads and validates every row, then the rows only the database can judge are
/// checked (athletes the file does not describe must exist; locked study data stay locked), then the provider's bulk
/// writer stores them in one transaction. The page, the API and the CLI all call this.
/// </summary>
public sealed class TeamImporter(HipCheckDb db, DatabaseInfo database, StudyLocks locks, TimeProvider clock)
{
    /// <summary>Imports into <paramref name="team"/>; the caller has checked the user may.</summary>
    /// <param name="validOnly">Store the valid rows even when some are rejected (otherwise one bad row stops the file).</param>
    /// <param name="timings">When given, the wall time of each phase is recorded in it.</param>
    public async Task<ImportReport> ImportAsync(Team team, string userId, Stream file, bool validOnly, CancellationToken ct, ImportTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(file);
        var now = clock.GetUtcNow().UtcDateTime;
        timings?.Restart();
        var import = ScreeningImportReader.Read(file, new ImportReadOptions { Today = DateOnly.FromDateTime(now) });
        timings?.Mark("read and validate");
        if (!import.Readable)
        {
            return Report(import, committed: false, write: null);
        }

        var existing = await db.Athletes.AsNoTracking()
            .Where(a => a.TeamId == team.Id && a.ExternalId != null)
            .Select(a => new { a.Id, ExternalId = a.ExternalId!, a.BirthDate })
            .ToDictionaryAsync(a => a.ExternalId, StringComparer.Ordinal, ct);

        var rejections = new List<(int, string?, string)>();
        var locked = await LockedWindowsAsync(team.Id, ct);
        var refusedByStudy = new Dictionary<Guid, int>();
        for (var i = 0; i < import.Tests.Count; i++)
        {
            var screening = import.Screenings[import.Tests[i].Screening];
            var athlete = import.Athletes[screening.Athlete];
            if (!existing.TryGetValue(athlete.ExternalId, out var known))
            {
                if (athlete.Details is null)
                {
                    rejections.Add((i, import.AthleteIdColumn,
                        $"the team has no athlete '{athlete.ExternalId}': give name, sex, birth_date, body_mass_kg, height_cm and dominant_leg on the athlete's first row"));
                }

                continue;
            }

            if (screening.Date < known.BirthDate)
            {
                rejections.Add((i, import.DateColumn, $"the screening date {screening.Date:yyyy-MM-dd} is before the athlete's birth date {known.BirthDate:yyyy-MM-dd}"));
            }
            else if (locked.FirstOrDefault(w => w.AthleteId == known.Id && screening.Date >= w.Start && screening.Date <= w.End) is { } window)
            {
                rejections.Add((i, import.DateColumn, $"the baseline data of the study '{window.Study.Title}' are locked: this screening cannot be added"));
                refusedByStudy[window.Study.Id] = refusedByStudy.GetValueOrDefault(window.Study.Id) + 1;
            }
        }

        import.Reject(rejections);
        timings?.Mark("check against the database");
        foreach (var (studyId, count) in refusedByStudy)
        {
            var study = locked.First(w => w.Study.Id == studyId).Study;
            _ = await locks.RefuseAsync(study, userId, $"Attempt to import {count} screening test(s) inside the locked baseline window into team {team.Id}.", ct);
        }

        if (import.RejectedRows > 0 && !validOnly)
        {
            return Report(import, committed: false, write: null);
        }

        var plan = ImportPlans.Build(import, team.Id, userId, now, existing.Keys.ToHashSet(StringComparer.Ordinal));
        timings?.Mark("plan");
        if (plan.Tests.Count == 0)
        {
            return Report(import, committed: true, write: new ImportWriteResult(0, 0, 0));
        }

        var actorRole = await ActorRoleAsync(userId, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var written = database.Provider == DatabaseProvider.Postgres
                ? await PostgresBulkWriter.WriteAsync((NpgsqlConnection)connection, plan, actorRole, timings, ct)
                : await SqliteBulkWriter.WriteAsync((SqliteConnection)connection, plan, actorRole, timings, ct);
            return Report(import, committed: true, write: written);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The importing member's role for the audit trail, ranked as the audit interceptor ranks them.</summary>
    private async Task<string> ActorRoleAsync(string userId, CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(ct);
        var role = new[] { Account.Roles.Admin, Account.Roles.Researcher, Account.Roles.Coach, Account.Roles.Runner }
            .FirstOrDefault(r => roles.Contains(r, StringComparer.Ordinal));
        return (role ?? "member").ToLowerInvariant();
    }

    private sealed record LockedWindow(Guid AthleteId, DateOnly Start, DateOnly End, Study Study);

    /// <summary>The baseline windows locked for the team's enrolled athletes (StudyLocks' rule, read once per file).</summary>
    private async Task<List<LockedWindow>> LockedWindowsAsync(Guid teamId, CancellationToken ct)
    {
        var rows = await (from e in db.Enrolments.AsNoTracking()
                          join s in db.Studies.AsNoTracking() on e.StudyId equals s.Id
                          join a in db.Athletes.AsNoTracking() on e.AthleteId equals a.Id
                          where a.TeamId == teamId && e.WithdrawnUtc == null && s.BaselineLockedUtc != null
                          select new { e.AthleteId, Study = s }).ToListAsync(ct);
        return [.. rows.Select(r => new LockedWindow(r.AthleteId, r.Study.BaselineStart, r.Study.BaselineEnd, r.Study))];
    }

    private static ImportReport Report(ScreeningImport import, bool committed, ImportWriteResult? write)
    {
        var valid = import.Tests.Count;
        return new ImportReport(
            import.Layout == ImportLayout.DynamometerExport ? "dynamometer-export" : "screening-csv",
            committed,
            import.Rows,
            write?.TestsInserted ?? 0,
            write is null ? 0 : valid - write.TestsInserted,
            import.RejectedRows,
            write?.AthletesCreated ?? 0,
            write?.ScreeningsCreated ?? 0,
            import.Errors,
            import.ErrorsNotListed);
    }
}
