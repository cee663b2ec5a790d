using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Import;

/// <summary>The file layouts the importer reads (docs/import.md).</summary>
public enum ImportLayout
{
    /// <summary>HipCheck's long screening CSV: one row per athlete x date x test.</summary>
    ScreeningCsv,

    /// <summary>A hand-held dynamometer export: one row per athlete x date x test with each side's peak force.</summary>
    DynamometerExport,
}

/// <summary>A rejected row: its physical line (1 = the header), the column at fault as the file names it, and why.</summary>
public sealed record ImportRowError(long Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>How to read an import file.</summary>
public sealed record ImportReadOptions
{
    /// <summary>Today's date from the caller's clock: screening dates may be at most one day later (UTC+14).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The layout, or null to recognise it from the header.</summary>
    public ImportLayout? Layout { get; init; }

    /// <summary>How many errors are listed with line and column; every rejected row is counted.</summary>
    public int MaxErrorsListed { get; init; } = 10_000;
}

/// <summary>What a file says about an athlete the first time it gives the details (needed to create the athlete).</summary>
public sealed record ImportAthleteDetails(string Name, Sex Sex, DateOnly BirthDate, double BodyMassKg, double HeightCm, Side DominantLeg);

/// <summary>An athlete named by the file through its external id (unique within the team).</summary>
public sealed class ImportAthlete(string externalId, long firstLine)
{
    public string ExternalId { get; } = externalId;

    /// <summary>The first line naming this athlete.</summary>
    public long FirstLine { get; } = firstLine;

    /// <summary>The details, from the first row that gives them; null when no row does (the athlete must exist).</summary>
    public ImportAthleteDetails? Details { get; internal set; }

    internal long DetailsLine { get; set; }

    internal byte[]? DetailsBytes { get; set; }
}

/// <summary>One athlete on one day: the screening the day's tests belong to.</summary>
/// <param name="Athlete">Index into <see cref="ScreeningImport.Athletes"/>.</param>
/// <param name="BodyMassKg">The mass on the day when the file gives it; otherwise the athlete's.</param>
public sealed record ImportScreening(int Athlete, DateOnly Date, double? BodyMassKg, long FirstLine);

/// <summary>One valid row: one test of one screening, trials already in the base unit (N or s).</summary>
/// <param name="Screening">Index into <see cref="ScreeningImport.Screenings"/>.</param>
/// <param name="EnteredUnit">The unit symbol the file used for a force (N, kgf, lbf), kept for display.</param>
public sealed record ImportTest(
    long Line, int Screening, TestDefinition Test, string? EnteredUnit, double? LeverArmM, double? Seconds,
    double[] LeftTrials, double[] RightTrials);

/// <summary>
/// A parsed and validated file. <see cref="Tests"/> holds the valid rows only; <see cref="Errors"/> every problem,
/// in line order. Whether the valid rows may be stored when some are rejected is the caller's choice.
/// </summary>
public sealed class ScreeningImport
{
    internal ScreeningImport(
        ImportLayout layout, IReadOnlyList<ImportAthlete> athletes, IReadOnlyList<ImportScreening> screenings,
        IReadOnlyList<ImportTest> tests, List<ImportRowError> errors, int rows, int rejectedRows, bool readable, int maxErrors)
    {
        Layout = layout;
        Athletes = athletes;
        Screenings = screenings;
        Tests = tests;
        errorList = errors;
        Rows = rows;
        RejectedRows = rejectedRows;
        Readable = readable;
        maxErrorsListed = maxErrors;
    }

    private readonly List<ImportRowError> errorList;
    private readonly int maxErrorsListed;

    public ImportLayout Layout { get; }

    /// <summary>The athlete id column as the file names it, for errors the caller adds.</summary>
    public string AthleteIdColumn { get; init; } = "athlete_id";

    /// <summary>The date column as the file names it.</summary>
    public string DateColumn { get; init; } = "date";

    public IReadOnlyList<ImportAthlete> Athletes { get; }

    public IReadOnlyList<ImportScreening> Screenings { get; }

    public IReadOnlyList<ImportTest> Tests { get; private set; }

    public IReadOnlyList<ImportRowError> Errors => errorList;

    /// <summary>Data rows read (blank lines not counted).</summary>
    public int Rows { get; }

    /// <summary>Rows refused, each counted once however many errors it has.</summary>
    public int RejectedRows { get; private set; }

    /// <summary>False when the file as a whole cannot be imported (no header, a required column missing, a broken quote).</summary>
    public bool Readable { get; }

    /// <summary>Errors found but not listed (beyond <see cref="ImportReadOptions.MaxErrorsListed"/>).</summary>
    public int ErrorsNotListed { get; private set; }

    /// <summary>
    /// Refuses more rows for reasons only the caller can see (an unknown athlete, a locked study): each becomes an
    /// error and leaves <see cref="Tests"/>. <paramref name="rejections"/> holds indexes into <see cref="Tests"/>.
    /// </summary>
    public void Reject(IReadOnlyList<(int Test, string? Column, string Message)> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        if (rejections.Count == 0)
        {
            return;
        }

        var refused = new bool[Tests.Count];
        foreach (var (test, column, message) in rejections)
        {
            if (!refused[test])
            {
                refused[test] = true;
                RejectedRows++;
            }

            if (errorList.Count < maxErrorsListed)
            {
                errorList.Add(new ImportRowError(Tests[test].Line, column, message));
            }
            else
            {
                ErrorsNotListed++;
            }
        }

        Tests = [.. Tests.Where((_, i) => !refused[i])];
        // A stable sort: several errors of one line keep their column order.
        var sorted = errorList.OrderBy(e => e.Line).ToList();
        errorList.Clear();
        errorList.AddRange(sorted);
    }

    internal void CountUnlisted(int count) => ErrorsNotListed += count;
}
