using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
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
/// <param name="Screening">Index into <see cref="ImportPlan.Screenings"/>: the screening of this athlete and day.</param>
public sealed record PlannedTest(
    Guid Id, int Screening, string ExternalId, DateOnly Date, string TestCode, string? EnteredUnit, double? LeverArmM, double? Seconds,
    double[] LeftTrials, double[] RightTrials);

/// <summary>What the database took.</summary>
public sealed record ImportWriteResult(int AthletesCreated, int ScreeningsCreated, int TestsInserted);

/// <summary>The steps from a parsed file to a plan, and what both bulk writers read from one.</summary>
public static class ImportPlans
{
    private static readonly Dictionary<string, int> TestBits =
        TestCatalogue.All.Select((t, i) => (t.Code, Bit: 1 << i)).ToDictionary(t => t.Code, t => t.Bit, StringComparer.Ordinal);

    /// <summary>A test's bit in a screening's set of stored tests: 1 shifted by its place in the catalogue.</summary>
    public static int TestBit(string testCode) => TestBits[testCode];

    /// <summary>
    /// The bit of the test code in <paramref name="column"/>, in SQL both engines accept (a code outside the catalogue
    /// gets bit 30, which no planned test has); summed or OR-ed per screening it is the set <see cref="TestBit"/> tests.
    /// </summary>
    public static string TestBitSql(string column) =>
        $"(1 << CASE {column} {string.Concat(TestCatalogue.All.Select((t, i) => $"WHEN '{t.Code}' THEN {i} "))}ELSE 30 END)";

    /// <summary>The plan's tests grouped by screening, in file order within each: screening i's are order[start[i]..start[i + 1]].</summary>
    public static (int[] Start, int[] Order) TestsByScreening(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var start = new int[plan.Screenings.Count + 1];
        foreach (var t in plan.Tests)
        {
            start[t.Screening + 1]++;
        }

        for (var i = 0; i < plan.Screenings.Count; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..^1];
        var order = new int[plan.Tests.Count];
        for (var k = 0; k < plan.Tests.Count; k++)
        {
            order[next[plan.Tests[k].Screening]++] = k;
        }

        return (start, order);
    }

    public static ImportPlan Build(ScreeningImport import, Guid teamId, string userId, DateTime nowUtc, IReadOnlySet<string> existingAthletes)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(existingAthletes);
        var plannedIndex = new int[import.Screenings.Count]; // the screening's index in the plan; -1: no valid test
        var usedAthletes = new bool[import.Athletes.Count];
        Array.Fill(plannedIndex, -1);
        foreach (var test in import.Tests)
        {
            plannedIndex[test.Screening] = 0;
            usedAthletes[import.Screenings[test.Screening].Athlete] = true;
        }

        // Ids in the order the rows are written, so every primary-key index is appended to, not split.
        var ids = new ImportIds(nowUtc);
        var athletes = new List<PlannedAthlete>();
        for (var i = 0; i < import.Athletes.Count; i++)
        {
            var athlete = import.Athletes[i];
            if (usedAthletes[i] && !existingAthletes.Contains(athlete.ExternalId) && athlete.Details is { } details)
            {
                athletes.Add(new PlannedAthlete(ids.Next(), athlete.ExternalId, details));
            }
        }

        var screenings = new List<PlannedScreening>(import.Screenings.Count);
        for (var i = 0; i < import.Screenings.Count; i++)
        {
            if (plannedIndex[i] == 0)
            {
                var s = import.Screenings[i];
                plannedIndex[i] = screenings.Count;
                screenings.Add(new PlannedScreening(ids.Next(), import.Athletes[s.Athlete].ExternalId, s.Date, s.BodyMassKg));
            }
        }

        var tests = new List<PlannedTest>(import.Tests.Count);
        foreach (var test in import.Tests)
        {
            var index = plannedIndex[test.Screening];
            var screening = screenings[index];
            tests.Add(new PlannedTest(ids.Next(), index, screening.ExternalId, screening.Date,
                test.Test.Code, test.EnteredUnit, test.LeverArmM, test.Seconds, test.LeftTrials, test.RightTrials));
        }

        var ticks = nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMicrosecond);
        return new ImportPlan(teamId, userId, new DateTime(ticks, DateTimeKind.Utc), athletes, screenings, tests);
    }
}

/// <summary>
/// Version 7 UUIDs (RFC 9562) for one import, in increasing order: the import's millisecond, then a 74-bit counter
/// that starts at a random value and grows by a random step per id (RFC 9562 §6.2, method 2, "monotonic random").
/// Ordered ids go to the right edge of every B-tree they are keyed in; and one batch of random bytes replaces the
/// system call <see cref="Guid.CreateVersion7()"/> makes per id (2 µs each, a tenth of a million-row plan).
/// </summary>
internal sealed class ImportIds
{
    private const int Batch = 4096;
    private static readonly UInt128 CounterMask = (UInt128.One << 74) - 1;
    private readonly ulong unixMs;
    private readonly uint[] steps = new uint[Batch];
    private int step = Batch;
    private UInt128 counter;

    public ImportIds(DateTime nowUtc)
    {
        unixMs = (ulong)new DateTimeOffset(nowUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Span<byte> start = stackalloc byte[16];
        RandomNumberGenerator.Fill(start);
        // Start in the lower quarter of the counter's range: 2^72 ids of room before it could wrap.
        counter = BinaryPrimitives.ReadUInt128LittleEndian(start) & (CounterMask >> 2);
    }

    public Guid Next()
    {
        if (step == Batch)
        {
            RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(steps.AsSpan()));
            step = 0;
        }

        counter += (steps[step++] >> 8) + 1u; // a random step of 1 to 2^24
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, unixMs << 16);
        var randA = (ushort)((counter >> 62) & 0xFFF);
        var randB = (ulong)(counter & ((UInt128.One << 62) - 1));
        bytes[6] = (byte)(0x70 | (randA >> 8));
        bytes[7] = (byte)randA;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], randB | 0x8000_0000_0000_0000UL); // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
