using HipCheck.Core.Athletes;
using HipCheck.Core.Import;
using HipCheck.Core.Measurement;

namespace HipCheck.Web.Import;

/// <summary>What a bulk writer stores for one file: validated rows, ids generated, nothing left to decide.</summary>
/// <param name="TeamId">The team every athlete belongs to (external ids are unique within it).</param>
/// <param name="UserId">Who imports: the screenings' CreatedByUserId.</param>
/// <param name="NowUtc">The creation instant, cut to the microsecond (both engines keep it exactly).</param>
public sealed record ImportPlan(
    Guid TeamId,
    string UserId,
    DateTime NowUtc,
    IReadOnlyList<PlannedAthlete> NewAthletes,
    IReadOnlyList<PlannedScreening> Screenings,
    IReadOnlyList<PlannedTest> Tests);

/// <summary>An athlete to create unless the team already has one with this external id.</summary>
public sealed record PlannedAthlete(Guid Id, string ExternalId, ImportAthleteDetails Details)
{
    public string SexCode => Details.Sex == Sex.Female ? nameof(Sex.Female) : nameof(Sex.Male);

    public string LegCode => Details.DominantLeg == Side.Left ? nameof(Side.Left) : nameof(Side.Right);
}

/// <summary>An imported screening (athlete and day) to create unless it exists; without a mass, the athlete's.</summary>
public sealed record PlannedScreening(Guid Id, string ExternalId, DateOnly Date, double? BodyMassKg);

/// <summary>One test row, added to its athlete's imported screening of that day unless the test is already there.</summary>
public sealed record PlannedTest(
    Guid Id, string ExternalId, DateOnly Date, string TestCode, string? EnteredUnit, double? LeverArmM, double? Seconds,
    double[] LeftTrials, double[] RightTrials);

/// <summary>What the database took.</summary>
public sealed record ImportWriteResult(int AthletesCreated, int ScreeningsCreated, int TestsInserted);

/// <summary>The steps from a parsed file to a plan.</summary>
public static class ImportPlans
{
    public static ImportPlan Build(ScreeningImport import, Guid teamId, string userId, DateTime nowUtc, IReadOnlySet<string> existingAthletes)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(existingAthletes);
        var usedScreenings = new bool[import.Screenings.Count];
        var usedAthletes = new bool[import.Athletes.Count];
        var tests = new List<PlannedTest>(import.Tests.Count);
        foreach (var test in import.Tests)
        {
            var screening = import.Screenings[test.Screening];
            usedScreenings[test.Screening] = true;
            usedAthletes[screening.Athlete] = true;
            tests.Add(new PlannedTest(Guid.CreateVersion7(), import.Athletes[screening.Athlete].ExternalId, screening.Date,
                test.Test.Code, test.EnteredUnit, test.LeverArmM, test.Seconds, test.LeftTrials, test.RightTrials));
        }

        var screenings = new List<PlannedScreening>();
        for (var i = 0; i < import.Screenings.Count; i++)
        {
            if (usedScreenings[i])
            {
                var s = import.Screenings[i];
                screenings.Add(new PlannedScreening(Guid.CreateVersion7(), import.Athletes[s.Athlete].ExternalId, s.Date, s.BodyMassKg));
            }
        }

        var athletes = new List<PlannedAthlete>();
        for (var i = 0; i < import.Athletes.Count; i++)
        {
            var athlete = import.Athletes[i];
            if (usedAthletes[i] && !existingAthletes.Contains(athlete.ExternalId) && athlete.Details is { } details)
            {
                athletes.Add(new PlannedAthlete(Guid.CreateVersion7(), athlete.ExternalId, details));
            }
        }

        var ticks = nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMicrosecond);
        return new ImportPlan(teamId, userId, new DateTime(ticks, DateTimeKind.Utc), athletes, screenings, tests);
    }
}
