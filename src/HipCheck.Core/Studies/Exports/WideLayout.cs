using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using static HipCheck.Core.Studies.Exports.ExportTable;

namespace HipCheck.Core.Studies.Exports;

/// <summary>
/// The wide export: one row per athlete, repeated measures as columns suffixed with the time point
/// (<c>hip_abd_left_N_t1</c>, <c>hip_abd_left_N_t2</c>, ...). The file has as many time points as the athlete with the
/// most screenings; the others leave the later ones empty. A test not done at a time point is empty too.
/// Per time point: <c>date_tK</c>, <c>day_tK</c>, <c>body_mass_kg_tK</c>, then per test in catalogue order:
/// sided forces <c>{p}_left_N, {p}_right_N, {p}_left_Nkg, {p}_right_Nkg, {p}_asym_pct, {p}_lsi_pct, {p}_weaker</c>;
/// sided holds <c>{p}_left_s, {p}_right_s, {p}_asym_pct, {p}_lsi_pct, {p}_weaker</c>; unsided holds <c>{p}_s</c>,
/// with the prefixes of <see cref="ExportVocabulary.Prefix"/>.
/// </summary>
public static class WideLayout
{
    /// <summary>The columns for athletes with up to <paramref name="timePoints"/> screenings.</summary>
    public static IReadOnlyList<ExportColumn> Columns(int timePoints)
    {
        var columns = new List<ExportColumn>
        {
            ExportVocabulary.StudyCodeColumn,
            ExportVocabulary.SexColumn,
            ExportVocabulary.BirthYearColumn,
            new("n_time_points", ExportValueType.WholeNumber, "Time points", "How many screenings the athlete has in the study.", Min: 1),
            new("event", ExportValueType.WholeNumber, "Event",
                "1 when the study's event (its definition, e.g. low back pain needing treatment) occurred during follow-up; "
                + "empty when the athlete is not in the analysed cohort.", YesNo: true, Min: 0, Max: 1),
            new("followup_days", ExportValueType.WholeNumber, "Follow-up", "Days of follow-up observed (analysed athletes only).", "d", Min: 0),
            new("days_to_event", ExportValueType.WholeNumber, "Days to event",
                "Days from the start of follow-up to the event, or to the end of observation without one.", "d", Min: 0),
        };
        for (var t = 1; t <= timePoints; t++)
        {
            columns.AddRange(TimePointColumns(t));
        }

        return columns;
    }

    private static IEnumerable<ExportColumn> TimePointColumns(int t)
    {
        var at = $" (time point {t})";
        yield return new($"date_t{t}", ExportValueType.Date, $"Date{at}", $"Date of screening {t}.");
        yield return new($"day_t{t}", ExportValueType.WholeNumber, $"Day{at}", $"Days from time point 1 to time point {t}.", "d", Min: 0);
        yield return new($"body_mass_kg_t{t}", ExportValueType.Number, $"Body mass{at}", "Body mass on the day.", "kg",
            AthleteProfile.MinBodyMassKg, AthleteProfile.MaxBodyMassKg);
        foreach (var test in TestCatalogue.All)
        {
            var p = ExportVocabulary.Prefix(test);
            var u = test.BaseUnit;
            if (!test.Sided)
            {
                yield return new($"{p}_{u}_t{t}", ExportValueType.Number, $"{test.Name}{at}", $"{test.Name}: hold time.", u, 0, test.MaxValue);
                continue;
            }

            foreach (var side in new[] { "left", "right" })
            {
                yield return new($"{p}_{side}_{u}_t{t}", ExportValueType.Number, $"{test.Name}, {side}{at}",
                    $"{test.Name}, {side} side: mean of the trials.", u, 0, test.MaxValue);
            }

            if (test.Kind == MeasureKind.Force)
            {
                foreach (var side in new[] { "left", "right" })
                {
                    yield return new($"{p}_{side}_Nkg_t{t}", ExportValueType.Number, $"{test.Name}, {side}, per kg{at}",
                        $"{test.Name}, {side} side: mean force / body mass.", "N/kg", 0, ExportVocabulary.MaxNewtonsPerKg(test));
                }
            }

            yield return new($"{p}_asym_pct_t{t}", ExportValueType.Number, $"{test.Name}, asymmetry{at}",
                "100 x (stronger - weaker) / stronger side score (Bishop et al. 2016).", "%", 0, 100);
            yield return new($"{p}_lsi_pct_t{t}", ExportValueType.Number, $"{test.Name}, LSI{at}",
                "Limb symmetry index, 100 x weaker / stronger side score.", "%", 0, 100);
            yield return new($"{p}_weaker_t{t}", ExportValueType.Code, $"{test.Name}, weaker side{at}",
                "The side with the lower score.", Choices: ExportVocabulary.WeakerSideChoices);
        }
    }

    public static ExportTable Build(IEnumerable<ExportAthlete> athletes)
    {
        ArgumentNullException.ThrowIfNull(athletes);
        var list = athletes.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var timePoints = Math.Max(1, list.Count == 0 ? 1 : list.Max(a => a.Visits.Count));
        var columns = Columns(timePoints);
        var index = columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var rows = new List<string?[]>(list.Count);
        foreach (var athlete in list)
        {
            var row = new string?[columns.Count];
            void Set(string name, string? value) => row[index[name]] = value;
            Set("study_code", athlete.Code);
            Set("sex", ExportVocabulary.SexCode(athlete.Sex));
            Set("birth_year", Whole(athlete.BirthYear));
            Set("n_time_points", Whole(athlete.Visits.Count));
            if (athlete.Outcome is { } o)
            {
                Set("event", o.Event ? "1" : "0");
                Set("followup_days", Whole(o.FollowupDays));
                Set("days_to_event", Whole(o.DaysToEvent));
            }

            var visits = athlete.Visits.OrderBy(v => v.Date).ToList();
            for (var k = 0; k < visits.Count; k++)
            {
                var t = k + 1;
                var visit = visits[k];
                Set($"date_t{t}", Date(visit.Date));
                Set($"day_t{t}", Whole(visit.Date.DayNumber - visits[0].Date.DayNumber));
                Set($"body_mass_kg_t{t}", Number(visit.BodyMassKg));
                foreach (var r in visit.Results)
                {
                    var p = ExportVocabulary.Prefix(r.Test);
                    var u = r.Test.BaseUnit;
                    if (!r.Test.Sided)
                    {
                        Set($"{p}_{u}_t{t}", Number(r.Seconds));
                        continue;
                    }

                    Set($"{p}_left_{u}_t{t}", Number(r.Left!.Score.Mean));
                    Set($"{p}_right_{u}_t{t}", Number(r.Right!.Score.Mean));
                    if (r.Test.Kind == MeasureKind.Force)
                    {
                        Set($"{p}_left_Nkg_t{t}", Number(r.Left.NewtonsPerKg));
                        Set($"{p}_right_Nkg_t{t}", Number(r.Right.NewtonsPerKg));
                    }

                    var a = r.Asymmetry!.Value;
                    Set($"{p}_asym_pct_t{t}", Number(a.AsymmetryPercent));
                    Set($"{p}_lsi_pct_t{t}", Number(a.LsiPercent));
                    Set($"{p}_weaker_t{t}", ExportVocabulary.WeakerSideCode(a));
                }
            }

            rows.Add(row);
        }

        return new ExportTable(columns, rows);
    }
}
