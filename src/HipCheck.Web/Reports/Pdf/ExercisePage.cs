using System.Globalization;
using HipCheck.Core.Measurement;
using HipCheck.Core.Training;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>One exercise on its own page: what it trains, the picture, how to do it, what goes wrong, the easier
/// and harder versions, and the measured muscle activity behind it. Shared by both PDFs.</summary>
internal static class ExercisePage
{
    private const double IllustrationHeight = 150;

    /// <param name="flow">The document being written; the exercise starts on a new page.</param>
    /// <param name="exercise">The exercise.</param>
    /// <param name="inYourPlan">Optional lines about the exercise's dose in a personal programme.</param>
    public static void Write(PageFlow flow, Exercise exercise, IReadOnlyList<string>? inYourPlan = null)
    {
        var style = flow.Style;
        flow.NewPage();
        flow.Heading(exercise.Name, style.Heading1);

        var trains = exercise.TrainsTests.Select(code => TestCatalogue.Find(code)?.Name ?? code).ToList();
        flow.LabelledParagraph("Targets:", string.Join(", ", exercise.TargetMuscles));
        if (trains.Count > 0)
        {
            flow.LabelledParagraph("Trains:", string.Join(", ", trains).ToLowerInvariant()
                + (exercise.Unilateral ? "; one leg at a time, so each side does its own work" : ""));
        }

        if (inYourPlan is { Count: > 0 })
        {
            flow.Space(2);
            flow.Paragraph("In your plan", style.Bold, style.AccentBrush);
            flow.Bullets(inYourPlan);
        }

        var box = flow.Reserve(IllustrationHeight + 30);
        var gfx = flow.Graphics;
        gfx.DrawRectangle(style.RulePen, box.X, box.Y, box.Width, IllustrationHeight);
        IllustrationPainter.Draw(gfx, exercise.Illustration, new PdfSharp.Drawing.XRect(box.X + 8, box.Y + 8, box.Width - 16, IllustrationHeight - 16));
        IllustrationPainter.DrawKey(gfx, style, box.X, box.Y + IllustrationHeight + 5);
        flow.Paragraph(exercise.Illustration.AltText, style.Small, style.MutedBrush);

        flow.Heading("How to do it", style.Heading2, spaceBefore: 4);
        flow.Numbered(exercise.Instructions);

        flow.Heading("Common mistakes", style.Heading2, spaceBefore: 2);
        flow.Bullets(exercise.CommonMistakes);

        flow.Heading("Easier and harder", style.Heading2, spaceBefore: 2);
        flow.LabelledParagraph("Easier:", $"{exercise.Regression.Name}. {exercise.Regression.Description}");
        flow.LabelledParagraph("Harder:", $"{exercise.Progression.Name}. {exercise.Progression.Description}");

        WriteEvidence(flow, exercise.Evidence);
    }

    /// <summary>
    /// The muscle-activity evidence, as % of a maximal voluntary isometric contraction (MVIC). A number is shown only
    /// once it has been checked against the paper; an unchecked one is named as such instead.
    /// </summary>
    private static void WriteEvidence(PageFlow flow, IReadOnlyList<ExerciseEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        var style = flow.Style;
        flow.Heading("The evidence", style.Heading2, spaceBefore: 2);
        flow.Table(
            [new("Muscle", 1.2), new("Activity (% MVIC, mean ± SD)", 1.4), new("Study", 2.6)],
            evidence.Select(e => (IReadOnlyList<string>)[e.Muscle, Activity(e), string.IsNullOrWhiteSpace(e.Note) ? e.Citation : $"{e.Citation}. {e.Note}"]),
            style.Small);
    }

    public static bool IsVerified(ExerciseEvidence evidence) =>
        evidence.MeanPercentMvic is not null
        && !string.IsNullOrWhiteSpace(evidence.Verification)
        && !evidence.Verification.Contains("unverified", StringComparison.OrdinalIgnoreCase)
        && !evidence.Verification.Contains("not verified", StringComparison.OrdinalIgnoreCase)
        && !evidence.Verification.Contains("to verify", StringComparison.OrdinalIgnoreCase);

    public static string Activity(ExerciseEvidence evidence)
    {
        if (!IsVerified(evidence))
        {
            return "not shown until checked against the paper";
        }

        return evidence.SdPercentMvic is { } sd
            ? string.Create(CultureInfo.InvariantCulture, $"{evidence.MeanPercentMvic:0.#} ± {sd:0.#}")
            : string.Create(CultureInfo.InvariantCulture, $"{evidence.MeanPercentMvic:0.#}");
    }
}
