using System.Data.Common;
using HipCheck.Core.Athletes;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Organisations;
using HipCheck.Web.Reports;
using HipCheck.Web.Screenings;
using HipCheck.Web.Studies;
using HipCheck.Web.Teams;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// The hot reads of the screening POST and the report GET run as prepared SQL (<see cref="PreparedReads"/>), not
/// through EF Core, so the rules they repeat in SQL are checked here against the LINQ that states them, over the
/// same rows, on whichever engine the suite runs on: who may see an athlete (<see cref="AthleteAccess.VisibleTo"/>)
/// and which studies lock a baseline (<see cref="StudyLocks.LockedStudiesOf"/>). The rows are written directly, so
/// every combination is present: a team athlete with and without a linked runner, a runner's own profile, teams
/// in and out of an organisation.
/// </summary>
public sealed class PreparedReadsTests : ApiTest
{
    private static readonly string[] Users = ["coach-1", "coach-2", "runner-2", "runner-4", "runner-5", "stranger", ""];

    private static readonly Guid Clinic = Guid.CreateVersion7();
    private static readonly Guid NorthTeam = Guid.CreateVersion7();
    private static readonly Guid LooseTeam = Guid.CreateVersion7();

    private sealed record Cohort(Guid TeamOnly, Guid TeamLinked, Guid LooseTeamOnly, Guid OwnProfile, Guid LooseLinked, Guid Screening);

    private static Athlete NewAthlete(string name, Guid? team, string? owner) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Sex = Sex.Female,
        BirthDate = new DateOnly(1991, 4, 12),
        BodyMassKg = 58.5,
        HeightCm = 166,
        TeamId = team,
        OwnerUserId = owner,
        CreatedUtc = DateTime.UtcNow,
        UpdatedUtc = DateTime.UtcNow,
    };

    private async Task<Cohort> SeedAsync(CancellationToken ct)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        db.Organisations.Add(new Organisation { Id = Clinic, Name = "North Clinic", OwnerUserId = "coach-1", CreatedUtc = DateTime.UtcNow });
        // Ordinal order is "M-rule", "a-rule", "z-rule" (upper case first), whatever the database's collation says.
        foreach (var (rule, threshold) in new[] { ("z-rule", 12.0), ("a-rule", 8.0), ("M-rule", 10.5) })
        {
            db.RuleThresholds.Add(new RuleThresholdOverride { OrganisationId = Clinic, RuleId = rule, Threshold = threshold, UpdatedByUserId = "coach-1", UpdatedUtc = DateTime.UtcNow });
        }

        db.Teams.Add(new Team { Id = NorthTeam, Name = "North", CoachUserId = "coach-1", OrganisationId = Clinic, CreatedUtc = DateTime.UtcNow });
        db.Teams.Add(new Team { Id = LooseTeam, Name = "Loose", CoachUserId = "coach-2", CreatedUtc = DateTime.UtcNow });
        var teamOnly = NewAthlete("Ada Team", NorthTeam, null);
        var teamLinked = NewAthlete("Bea Linked", NorthTeam, "runner-2");
        var looseTeamOnly = NewAthlete("Cy Loose", LooseTeam, null);
        var ownProfile = NewAthlete("Di Own", null, "runner-4");
        var looseLinked = NewAthlete("Ed Loose Linked", LooseTeam, "runner-5");
        db.Athletes.AddRange(teamOnly, teamLinked, looseTeamOnly, ownProfile, looseLinked);
        var screening = new Screening
        {
            Id = Guid.CreateVersion7(),
            AthleteId = teamOnly.Id,
            Date = new DateOnly(2025, 5, 6),
            BodyMassKg = 59.25,
            CreatedByUserId = "coach-1",
            CreatedUtc = DateTime.UtcNow,
            Tests =
            [
                new ScreeningTest { Id = Guid.CreateVersion7(), TestCode = "hip-extension", EnteredUnit = "N", LeftTrials = [200, 210], RightTrials = [180, 190] },
                new ScreeningTest { Id = Guid.CreateVersion7(), TestCode = "back-extension-endurance", Seconds = 95 },
            ],
        };
        db.Screenings.Add(screening);
        await db.SaveChangesAsync(ct);
        return new Cohort(teamOnly.Id, teamLinked.Id, looseTeamOnly.Id, ownProfile.Id, looseLinked.Id, screening.Id);
    }

    [Fact]
    public async Task The_visibility_rule_in_SQL_finds_the_athletes_the_LINQ_rule_finds_for_every_user()
    {
        var ct = TestContext.Current.CancellationToken;
        var cohort = await SeedAsync(ct);
        var reads = App.Services.GetRequiredService<PreparedReads>();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        var expectedCounts = new Dictionary<string, int> { ["coach-1"] = 2, ["coach-2"] = 2, ["runner-2"] = 1, ["runner-4"] = 1, ["runner-5"] = 1, ["stranger"] = 0, [""] = 0 };
        foreach (var user in Users)
        {
            var viaLinq = (await db.VisibleTo(user).Select(a => a.Id).ToListAsync(ct)).Order().ToList();
            var viaSql = (await reads.ReadAsync(VisibleIds.Instance, [user], ct)).Order().ToList();
            Assert.Equal(viaLinq, viaSql);
            Assert.True(expectedCounts[user] == viaSql.Count, $"{user}: {viaSql.Count} athletes");
        }

        Assert.Contains(cohort.TeamLinked, await reads.ReadAsync(VisibleIds.Instance, ["coach-1"], ct));
        Assert.Contains(cohort.TeamLinked, await reads.ReadAsync(VisibleIds.Instance, ["runner-2"], ct));
    }

    [Fact]
    public async Task Report_inputs_carry_the_screening_athlete_organisation_and_thresholds_in_ordinal_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var cohort = await SeedAsync(ct);
        var reads = App.Services.GetRequiredService<PreparedReads>();

        var inputs = await reads.ReadAsync(ReportInputsStatement.Instance, [cohort.Screening, "coach-1"], ct);

        Assert.NotNull(inputs);
        Assert.Equal(cohort.Screening, inputs.ScreeningId);
        Assert.Equal(cohort.TeamOnly, inputs.AthleteId);
        Assert.Equal(new DateOnly(2025, 5, 6), inputs.Date);
        Assert.Equal(59.25, inputs.BodyMassKg);
        Assert.Equal(2, inputs.TestCount);
        Assert.Equal("Ada Team", inputs.AthleteName);
        Assert.Equal(Sex.Female, inputs.Sex);
        Assert.Equal(new DateOnly(1991, 4, 12), inputs.BirthDate);
        Assert.Equal("North Clinic", inputs.OrganisationName);
        Assert.Equal([new RuleThreshold("M-rule", 10.5), new RuleThreshold("a-rule", 8), new RuleThreshold("z-rule", 12)], inputs.Thresholds);
        Assert.Equal("North Clinic", inputs.ThresholdsFrom);

        foreach (var outsider in new[] { "coach-2", "runner-2", "stranger", "" })
        {
            Assert.Null(await reads.ReadAsync(ReportInputsStatement.Instance, [cohort.Screening, outsider], ct));
        }

        Assert.Null(await reads.ReadAsync(ReportInputsStatement.Instance, [Guid.CreateVersion7(), "coach-1"], ct));
    }

    [Fact]
    public async Task Report_inputs_outside_an_organisation_have_no_thresholds()
    {
        var ct = TestContext.Current.CancellationToken;
        var cohort = await SeedAsync(ct);
        Guid looseScreening;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            var screening = new Screening { Id = Guid.CreateVersion7(), AthleteId = cohort.LooseLinked, Date = new DateOnly(2025, 6, 1), BodyMassKg = 60, CreatedByUserId = "coach-2", CreatedUtc = DateTime.UtcNow };
            db.Screenings.Add(screening);
            await db.SaveChangesAsync(ct);
            looseScreening = screening.Id;
        }

        var reads = App.Services.GetRequiredService<PreparedReads>();
        foreach (var user in new[] { "coach-2", "runner-5" })
        {
            var inputs = await reads.ReadAsync(ReportInputsStatement.Instance, [looseScreening, user], ct);
            Assert.NotNull(inputs);
            Assert.Equal(("Ed Loose Linked", 0, (string?)null, 0), (inputs.AthleteName, inputs.TestCount, inputs.OrganisationName, inputs.Thresholds.Count));
            Assert.Null(inputs.ThresholdsFrom);
        }
    }

    [Fact]
    public async Task The_baseline_lock_flag_in_SQL_agrees_with_the_LINQ_rule_for_every_enrolment_state()
    {
        var ct = TestContext.Current.CancellationToken;
        var cohort = await SeedAsync(ct);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            Study NewStudy(string title, bool locked) => new()
            {
                Id = Guid.CreateVersion7(),
                Title = title,
                OwnerUserId = "researcher",
                EventCode = "low-back-pain",
                BaselineStart = new DateOnly(2025, 1, 1),
                BaselineEnd = new DateOnly(2025, 2, 1),
                FollowUpDays = 180,
                BaselineLockedUtc = locked ? DateTime.UtcNow : null,
                CreatedUtc = DateTime.UtcNow,
            };
            var locked = NewStudy("Locked", locked: true);
            var open = NewStudy("Open", locked: false);
            db.Studies.AddRange(locked, open);
            Enrolment Enrol(Study study, Guid athlete, string code, bool withdrawn) => new()
            {
                StudyId = study.Id,
                AthleteId = athlete,
                Code = code,
                ConsentDate = new DateOnly(2025, 1, 1),
                ConsentRecordedByUserId = "researcher",
                EnrolledUtc = DateTime.UtcNow,
                WithdrawnUtc = withdrawn ? DateTime.UtcNow : null,
            };
            db.Enrolments.AddRange(
                Enrol(locked, cohort.TeamOnly, "L-001", withdrawn: false), // locked
                Enrol(locked, cohort.TeamLinked, "L-002", withdrawn: true), // withdrawn: not locked
                Enrol(open, cohort.LooseTeamOnly, "O-001", withdrawn: false), // study not locked
                Enrol(open, cohort.TeamOnly, "O-002", withdrawn: false)); // also in an open study: still locked
            await db.SaveChangesAsync(ct);
        }

        var reads = App.Services.GetRequiredService<PreparedReads>();
        await using var check = App.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<HipCheckDb>();
        var expected = new Dictionary<Guid, bool>
        {
            [cohort.TeamOnly] = true, [cohort.TeamLinked] = false, [cohort.LooseTeamOnly] = false, [cohort.OwnProfile] = false, [cohort.LooseLinked] = false,
        };
        foreach (var (athlete, isLocked) in expected)
        {
            var viaLinq = await StudyLocks.LockedStudiesOf(checkDb, athlete).AnyAsync(ct);
            var user = (await checkDb.Athletes.Include(a => a.Team).SingleAsync(a => a.Id == athlete, ct)) switch
            {
                { OwnerUserId: { } owner } => owner,
                { Team: { } team } => team.CoachUserId,
                _ => throw new InvalidOperationException("every athlete has an owner or a coach"),
            };
            var subject = await reads.ReadAsync(ScreeningSubjectStatement.Instance, [athlete, user], ct);
            Assert.NotNull(subject);
            Assert.Equal((athlete, new DateOnly(1991, 4, 12), 58.5), (subject.Id, subject.BirthDate, subject.BodyMassKg));
            Assert.Equal(isLocked, viaLinq);
            Assert.Equal(viaLinq, subject.BaselineLocked);
            Assert.Null(await reads.ReadAsync(ScreeningSubjectStatement.Instance, [athlete, "stranger"], ct));
        }
    }

    [Fact]
    public async Task SQLite_read_sessions_cannot_write_and_leave_no_read_snapshot_open()
    {
        if (TestDatabase.IsPostgres)
        {
            Assert.Skip("The sessions are SQLite's; PostgreSQL reads go through Npgsql's pool.");
        }

        var ct = TestContext.Current.CancellationToken;
        var cohort = await SeedAsync(ct);
        var reads = App.Services.GetRequiredService<PreparedReads>();
        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(await reads.ReadAsync(ReportInputsStatement.Instance, [cohort.Screening, "coach-1"], ct));
        }

        var failure = await Assert.ThrowsAsync<SqliteException>(() => reads.ReadAsync(DeleteAthletes.Instance, [], ct));
        Assert.Equal(8, failure.SqliteErrorCode); // SQLITE_READONLY: the sessions are query_only

        // An idle session holds its statements prepared but reset: a TRUNCATE checkpoint is not kept waiting.
        await using var connection = new SqliteConnection(App.ConnectionString);
        await connection.OpenAsync(ct);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var result = await checkpoint.ExecuteReaderAsync(ct);
        Assert.True(await result.ReadAsync(ct));
        Assert.Equal(0, result.GetInt32(0)); // busy
        // The session that failed was closed, not returned: the next read gets a healthy one.
        Assert.Equal(2, (await reads.ReadAsync(VisibleIds.Instance, ["coach-1"], ct)).Count);
    }

    private sealed class VisibleIds : ReadStatement<List<Guid>>
    {
        public static readonly VisibleIds Instance = new();

        private VisibleIds()
            : base($"""SELECT a."Id" FROM "Athletes" a LEFT JOIN "Teams" t ON t."Id" = a."TeamId" WHERE {AthleteAccess.VisibleSql("a", "t")}""", "user")
        {
        }

        public override async Task<List<Guid>> ReadAsync(DbDataReader reader, CancellationToken ct)
        {
            var ids = new List<Guid>();
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetGuid(0));
            }

            return ids;
        }
    }

    private sealed class DeleteAthletes : ReadStatement<int>
    {
        public static readonly DeleteAthletes Instance = new();

        private DeleteAthletes()
            : base("""DELETE FROM "Athletes" """)
        {
        }

        public override Task<int> ReadAsync(DbDataReader reader, CancellationToken ct) => Task.FromResult(reader.RecordsAffected);
    }
}

/// <summary>The PostgreSQL form of a read statement: named parameters become positional, in declared order.</summary>
public sealed class ReadStatementTests
{
    private sealed class Probe(string sql, params string[] parameters) : ReadStatement<int>(sql, parameters)
    {
        public override Task<int> ReadAsync(DbDataReader reader, CancellationToken ct) => Task.FromResult(0);
    }

    [Fact]
    public void Named_parameters_become_positional_in_the_order_they_are_declared_however_often_they_appear()
    {
        var statement = new Probe("""SELECT 1 FROM "A" a WHERE a."Id" = @id AND (a."Owner" = @user OR a."Coach" = @user) AND @id_2 = 0""", "user", "id", "id_2");

        Assert.Equal("""SELECT 1 FROM "A" a WHERE a."Id" = $2 AND (a."Owner" = $1 OR a."Coach" = $1) AND $3 = 0""", statement.PostgresSql);
        Assert.Throws<ArgumentException>(() => new Probe("SELECT @missing", "id"));
        Assert.DoesNotContain("@", ReportInputsStatement.Instance.PostgresSql, StringComparison.Ordinal);
        Assert.DoesNotContain("@", ScreeningSubjectStatement.Instance.PostgresSql, StringComparison.Ordinal);
    }
}
