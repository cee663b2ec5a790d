using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using static HipCheck.Core.Studies.Exports.ExportTable;

namespace HipCheck.Core.Studies.Exports;

/// <summary>
/// The tidy long export: one row per athlete x time point x test x side (side "none" for an unsided test such as
/// the Biering-Sørensen hold). Each row is one side's measurement: its score (the mean of the trials) in the base
/// unit and, for forces, normalised to body mass. The between-side comparison (asymmetry, LSI, weaker side) belongs
/// to the test at that time point, so it is a test-level variable repeated on both side rows, the way sex and
/// birth year are athlete-level variables repeated on every row. Rows are ordered by study code, time point, the
/// catalogue's test order, then left before right.
/// </summary>
public static class LongLayout
{
    public static IReadOnlyList<ExportColumn> Columns { get; } =
    [
        ExportVocabulary.StudyCodeColumn,
        ExportVocabulary.SexColumn,
        ExportVocabulary.BirthYearColumn,
        new("time_point", ExportValueType.WholeNumber, "Time point",
            "The athlete's screenings in the study numbered 1, 2, ... in date order.", Min: 1),
        new("date", ExportValueType.Date, "Screening date", "Date of the screening."),
        new("day", ExportValueType.WholeNumber, "Day", "Days since the athlete's time point 1 (0 at time point 1).", "d", Min: 0),
        new("body_mass_kg", ExportValueType.Number, "Body mass", "Body mass on the day of the screening.", "kg",
            AthleteProfile.MinBodyMassKg, AthleteProfile.MaxBodyMassKg),
        new("test", ExportValueType.Code, "Test", "The test, by its HipCheck code.", Choices: ExportVocabulary.TestChoices),
        new("side", ExportValueType.Code, "Side", "The side measured; none for an unsided test.", Choices: ExportVocabulary.SideChoices),
        new("value", ExportValueType.Number, "Value",
            "The side's score: mean of the trials for a force (N) or hold (s); the hold time of an unsided test.", Min: 0,
            Max: TestCatalogue.All.Max(t => t.MaxValue)),
        new("unit", ExportValueType.Code, "Unit", "UCUM unit of value.", Choices: [new("N", 1, "newton"), new("s", 2, "second")]),
        new("normalised_value", ExportValueType.Number, "Normalised value",
            "Force per body mass (value / body_mass_kg); forces only.", Min: 0, Max: TestCatalogue.All.Max(ExportVocabulary.MaxNewtonsPerKg)),
        new("normalised_unit", ExportValueType.Code, "Normalised unit", "UCUM unit of normalised_value (forces only).",
            Choices: [new("N/kg", 1, "newton per kilogram")]),
        new("n_trials", ExportValueType.WholeNumber, "Trials", "Number of trials of the side (empty for an unsided hold).",
            Min: 1, Max: TestCatalogue.MaxTrialsPerSide),
        new("cv_pct", ExportValueType.Number, "Trial CV", "Coefficient of variation of the side's trials, 100 x SD (n - 1) / mean; empty with one trial.",
            "%", Min: 0),
        new("asymmetry_pct", ExportValueType.Number, "Asymmetry",
            "Test-level: 100 x (stronger - weaker) / stronger side score (Bishop et al. 2016); same on both side rows.", "%", 0, 100),
        new("lsi_pct", ExportValueType.Number, "LSI",
            "Test-level: limb symmetry index, 100 x weaker / stronger side score; same on both side rows.", "%", 0, 100),
        new("weaker_side", ExportValueType.Code, "Weaker side", "Test-level: the side with the lower score; same on both side rows.",
            Choices: ExportVocabulary.WeakerSideChoices),
    ];

    public static ExportTable Build(IEnumerable<ExportAthlete> athletes)
    {
        ArgumentNullException.ThrowIfNull(athletes);
        var rows = new List<string?[]>();
        foreach (var athlete in athletes.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var visits = athlete.Visits.OrderBy(v => v.Date).ToList();
            for (var t = 0; t < visits.Count; t++)
            {
                var visit = visits[t];
                string?[] Lead(TestDefinition test, string side) =>
                [
                    athlete.Code, ExportVocabulary.SexCode(athlete.Sex), Whole(athlete.BirthYear), Whole(t + 1), Date(visit.Date),
                    Whole(visit.Date.DayNumber - visits[0].Date.DayNumber), Number(visit.BodyMassKg), test.Code, side,
                ];

                foreach (var result in visit.Results.OrderBy(r => IndexOf(r.Test)))
                {
                    if (!result.Test.Sided)
                    {
                        rows.Add([.. Lead(result.Test, "none"), Number(result.Seconds), result.Test.BaseUnit, null, null, null, null, null, null, null]);
                        continue;
                    }

                    foreach (var (side, sideResult) in new[] { ("left", result.Left!), ("right", result.Right!) })
                    {
                        var a = result.Asymmetry!.Value;
                        rows.Add([
                            .. Lead(result.Test, side), Number(sideResult.Score.Mean), result.Test.BaseUnit,
                            Number(sideResult.NewtonsPerKg), sideResult.NewtonsPerKg is null ? null : "N/kg",
                            Whole(sideResult.Score.TrialCount), Number(sideResult.Score.CvPercent),
                            Number(a.AsymmetryPercent), Number(a.LsiPercent), ExportVocabulary.WeakerSideCode(a),
                        ]);
                    }
                }
            }
        }

        return new ExportTable(Columns, rows);
    }

    internal static int IndexOf(TestDefinition test)
    {
        for (var i = 0; i < TestCatalogue.All.Count; i++)
        {
            if (TestCatalogue.All[i].Code == test.Code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
