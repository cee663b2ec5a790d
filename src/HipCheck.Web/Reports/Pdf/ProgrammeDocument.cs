using System.Globalization;
using HipCheck.Core.Measurement;
using HipCheck.Core.Training;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>The personal programme: cover, deficits explained and the plan by week (following on), exercise pages, progress chart.</summary>
internal static class ProgrammeDocument
{
    public static void Write(PageFlow flow, ProgrammePdfModel model)
    {
        var programme = model.Programme;
        flow.RunningHeader = $"Hip-strength programme for {model.AthleteName}";
        Cover(flow, model);
        Deficits(flow, model.Deficits);
        Plan(flow, programme);
        foreach (var id in programme.Plan.SelectMany(w => w.Exercises).Select(e => e.ExerciseId).Distinct())
        {
            if (ExerciseLibrary.Find(id) is { } exercise)
            {
                ExercisePage.Write(flow, exercise, InYourPlan(programme, id));
            }
        }

        Progress(flow, model);
    }

    private static void Cover(PageFlow flow, ProgrammePdfModel model)
    {
        var style = flow.Style;
        var programme = model.Programme;
        flow.NewPage();
        flow.Space(90);
        flow.Paragraph("HipCheck", style.Heading2, style.AccentBrush);
        flow.Paragraph("Your hip-strength programme", style.Title);
        flow.Space(4);
        flow.Paragraph(model.AthleteName, style.Heading1);
        flow.Paragraph($"From the screening of {Dates.Long(model.ScreeningDate)}", style.Lead, style.MutedBrush);
        flow.Space(12);
        flow.Table(
            [new("Starts", 1), new("Length", 1), new("Sessions", 1), new("Re-test", 1)],
            [[
                Dates.Long(programme.StartDate),
                Plural(programme.Weeks, "week"),
                $"{programme.SessionsPerWeek} a week",
                Dates.Long(programme.RetestDate),
            ]]);
        if (programme.Explanation.Count > 0)
        {
            flow.Heading("How this plan was built", style.Heading2);
            flow.Bullets(programme.Explanation);
        }

        flow.Space(10);
        GuideDocument.Disclaimer(flow);
    }

    private static void Deficits(PageFlow flow, IReadOnlyList<Deficit> deficits)
    {
        var style = flow.Style;
        flow.NewPage();
        flow.Heading("What your screening found", style.Heading1);
        if (deficits.Count == 0)
        {
            flow.Paragraph(
                "No test showed a side-to-side difference worth targeting. The plan keeps both sides strong with the same "
                + "work on each; re-test to make sure it stays that way.");
        }
        else
        {
            flow.Paragraph(
                "Asymmetry is how much weaker one side is than the other: 100 x (stronger - weaker) / stronger. "
                + "Your plan gives the weaker side extra work until the difference closes.");
            flow.Table(
                [new("Test", 2.2), new("Weaker side", 1), new("Asymmetry", 1), new("Re-test needed", 1.2)],
                deficits.Select(d => (IReadOnlyList<string>)
                [
                    d.TestName,
                    d.WeakerSide is { } side ? Sides.Code(side) : "neither",
                    string.Create(CultureInfo.InvariantCulture, $"{d.AsymmetryPercent:0.0} %"),
                    d.NeedsRetest ? "yes: trials varied a lot" : "no",
                ]));
            flow.Bullets(deficits.Select(d => d.Description).Where(d => !string.IsNullOrWhiteSpace(d)));
        }

        flow.Space(6);
        flow.Paragraph(
            "Clinicians commonly treat a difference above about 10-15 % as meaningful. That range is a convention, not a "
            + "threshold proven to predict injury, and the studies behind it are small. A difference is a reason to train, "
            + "not a diagnosis.",
            style.Body, style.MutedBrush);
    }

    private static void Plan(PageFlow flow, Programme programme)
    {
        var style = flow.Style;
        flow.Heading("Your plan by week", style.Heading1, spaceBefore: 18);
        flow.Paragraph(
            $"{Plural(programme.SessionsPerWeek, "session")} a week, on days that are not back to back. Each session is "
            + "every exercise of that week. On one-leg exercises, start with the weaker side and give it the extra sets shown.");
        TableColumn[] columns = [new("Exercise", 1.8), new("Level", 1.3), new("Sets and dose", 1.3), new("Weaker side", 1.3), new("Note", 2.8)];
        foreach (var week in programme.Plan.OrderBy(w => w.Week))
        {
            var rows = week.Exercises.Select(e => (IReadOnlyList<string>)[ExerciseName(e.ExerciseId), e.Level, Dose(e), Extra(e), e.Note]).ToList();
            var keep = PageFlow.LineHeight(style.Small) + (rows.Count > 0 ? flow.TableStartHeight(columns, rows[0], style.Small) : 0);
            flow.Heading(
                string.IsNullOrWhiteSpace(week.Focus) ? $"Week {week.Week}" : $"Week {week.Week}: {week.Focus}",
                style.Heading2,
                spaceBefore: 6,
                keepWithNext: keep);
            flow.Paragraph($"From {Dates.Long(programme.WeekStart(week.Week))}", style.Small, style.MutedBrush);
            flow.Table(columns, rows, style.Small);
        }
    }

    private static void Progress(PageFlow flow, ProgrammePdfModel model)
    {
        var style = flow.Style;
        flow.NewPage();
        flow.Heading("Your progress", style.Heading1);
        if (model.Progress.Count == 0)
        {
            flow.Paragraph(
                $"No re-tests yet. Your re-test is due on {Dates.Long(model.Programme.RetestDate)}: repeat the same tests, "
                + "the same way, and this page will chart how your side-to-side differences change.");
            return;
        }

        flow.Paragraph(
            "Side-to-side asymmetry per test at each screening. Lower is more even; the shaded band marks the 10-15 % "
            + "range clinicians commonly act on (a convention, not a proven cut-off).");
        var series = model.Progress.Select(p => p.TestCode).Distinct().Count();
        var box = flow.Reserve(260 + (Math.Ceiling(series / 2.0) * 14));
        ProgressChartPainter.Draw(flow.Graphics, style, box, model.Progress, model.Programme.StartDate, model.Programme.RetestDate);
        flow.Space(8);
        flow.Table(
            [new("Date", 1), new("Test", 2), new("Asymmetry", 1)],
            model.Progress.OrderBy(p => p.Date).ThenBy(p => p.TestName, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)
            [
                Dates.Long(p.Date),
                p.TestName,
                string.Create(CultureInfo.InvariantCulture, $"{p.AsymmetryPercent:0.0} %"),
            ]),
            style.Small);
    }

    /// <summary>The exercise's dose in the plan, consecutive weeks with the same prescription on one line.</summary>
    private static List<string> InYourPlan(Programme programme, string exerciseId)
    {
        var lines = new List<string>();
        var weeks = programme.Plan.OrderBy(w => w.Week)
            .SelectMany(w => w.Exercises.Where(e => e.ExerciseId == exerciseId).Select(e => (w.Week, Text: Summary(e))))
            .ToList();
        for (var i = 0; i < weeks.Count;)
        {
            var j = i;
            while (j + 1 < weeks.Count && weeks[j + 1].Text == weeks[i].Text && weeks[j + 1].Week == weeks[j].Week + 1)
            {
                j++;
            }

            var label = i == j ? $"Week {weeks[i].Week}" : $"Weeks {weeks[i].Week}-{weeks[j].Week}";
            lines.Add($"{label}: {weeks[i].Text}");
            i = j + 1;
        }

        return lines;
    }

    /// <summary>Short enough for one line of the exercise page's narrow column: "standard, 3 x 10, +1 set left".</summary>
    private static string Summary(PrescribedExercise e)
    {
        var dose = (e.Reps, e.HoldSeconds) switch
        {
            ({ } reps, _) => $"{e.Sets} x {reps}",
            (null, { } hold) => $"{e.Sets} x {hold} s",
            _ => Plural(e.Sets, "set"),
        };
        return e is { ExtraSetsWeakerSide: > 0, WeakerSide: { } side }
            ? $"{e.Level}, {dose}, +{Plural(e.ExtraSetsWeakerSide, "set")} {Sides.Code(side)}"
            : $"{e.Level}, {dose}";
    }

    public static string Dose(PrescribedExercise e)
    {
        var perSide = ExerciseLibrary.Find(e.ExerciseId)?.Unilateral == true ? " each side" : "";
        return (e.Reps, e.HoldSeconds) switch
        {
            ({ } reps, null) => $"{e.Sets} x {reps}{perSide}",
            (null, { } hold) => $"{e.Sets} x {hold} s hold{perSide}",
            ({ } reps, { } hold) => $"{e.Sets} x {reps}, {hold} s hold{perSide}",
            _ => Plural(e.Sets, "set") + perSide,
        };
    }

    public static string Extra(PrescribedExercise e) =>
        e is { ExtraSetsWeakerSide: > 0, WeakerSide: { } side }
            ? $"+{Plural(e.ExtraSetsWeakerSide, "set")} on the {Sides.Code(side)}"
            : "-";

    private static string ExerciseName(string id) => ExerciseLibrary.Find(id)?.Name ?? id;

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
