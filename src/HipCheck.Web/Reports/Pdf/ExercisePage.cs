using System.Globalization;
using HipCheck.Core.Measurement;
using HipCheck.Core.Training;
using PdfSharp.Drawing;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>One exercise on its own page: what it trains, the picture, how to do it, what goes wrong, the easier
/// and harder versions, and the measured muscle activity behind it. Shared by both PDFs.</summary>
internal static class ExercisePage
{
    /// <param name="flow">The document being written; the exercise starts on a new page.</param>
    /// <param name="exercise">The exercise.</param>
    /// <param name="inYourPlan">Optional lines about the exercise's dose in a personal programme.</param>
    public static void Write(PageFlow flow, Exercise exercise, IReadOnlyList<string>? inYourPlan = null)
    {
        var style = flow.Style;
        flow.NewPage();
        flow.Heading(exercise.Name, style.Heading1, spaceBefore: 0);

        // Side by side: what it trains and the dose in a personal plan on the left, the picture on the right.
        const double Gap = 16;
        var top = flow.Y;
        var pictureWidth = Math.Round(flow.Width * 0.42);
        var textWidth = flow.Width - pictureWidth - Gap;
        double textBottom, pictureBottom;
        using (flow.Column(0, textWidth, top))
        {
            var trains = exercise.TrainsTests.Select(code => (TestCatalogue.Find(code)?.Name ?? code).ToLowerInvariant());
            flow.LabelledParagraph("Targets:", string.Join(", ", exercise.TargetMuscles));
            flow.LabelledParagraph("Trains:", string.Join(", ", trains) + (exercise.Unilateral ? "; one leg at a time" : "; both legs together"));
            if (inYourPlan is { Count: > 0 })
            {
                flow.Paragraph("In your plan", style.Bold, style.AccentBrush);
                flow.Bullets(inYourPlan);
            }

            textBottom = flow.Y;
        }

        using (flow.Column(textWidth + Gap, pictureWidth, top))
        {
            var pictureHeight = Math.Round(pictureWidth * 0.62);
            var box = flow.Reserve(pictureHeight);
            var gfx = flow.Graphics;
            gfx.DrawRectangle(style.RulePen, box);
            IllustrationPainter.Draw(gfx, exercise.Illustration, new XRect(box.X + 6, box.Y + 6, box.Width - 12, box.Height - 12));
            flow.Space(4);
            flow.Space(IllustrationPainter.DrawKey(gfx, style, flow.Left, flow.Y, flow.Width) + 2);
            flow.Paragraph(exercise.Illustration.AltText, style.Small, style.MutedBrush);
            pictureBottom = flow.Y;
        }

        // The easier and harder versions go under whichever column is shorter, to keep the exercise on one page.
        var underText = textBottom <= pictureBottom;
        using (underText ? flow.Column(0, textWidth, textBottom) : flow.Column(textWidth + Gap, pictureWidth, pictureBottom))
        {
            flow.Space(2);
            flow.LabelledParagraph("Easier:", $"{exercise.Regression.Name}. {exercise.Regression.Description}");
            flow.LabelledParagraph("Harder:", $"{exercise.Progression.Name}. {exercise.Progression.Description}");
            (underText ? ref textBottom : ref pictureBottom) = flow.Y;
        }

        flow.MoveTo(Math.Max(textBottom, pictureBottom));
        flow.Heading("How to do it", style.Heading2, spaceBefore: 2);
        flow.Numbered(exercise.Instructions);

        flow.Heading("Common mistakes", style.Heading2, spaceBefore: 0);
        flow.Bullets(exercise.CommonMistakes);

        WriteEvidence(flow, exercise.Evidence);
    }

    /// <summary>
    /// The muscle-activity evidence, as % of a maximal voluntary isometric contraction (MVIC). A number is shown only
    /// when it was read in the primary source (<see cref="ExerciseEvidence.HasVerifiedNumbers"/>); otherwise the
    /// finding is given in words.
    /// </summary>
    private static void WriteEvidence(PageFlow flow, IReadOnlyList<ExerciseEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        var style = flow.Style;
        TableColumn[] columns = [new("Muscle", 1), new("% MVIC, mean ± SD", 1.1), new("Study and finding", 3.6)];
        var rows = evidence.Select(e => (IReadOnlyList<string>)
            [e.Muscle, Activity(e), string.IsNullOrWhiteSpace(e.Note) ? e.Citation : $"{e.Citation}: {e.Note}"]).ToList();
        flow.Heading("The evidence", style.Heading2, spaceBefore: 0, keepWithNext: flow.TableStartHeight(columns, rows[0], style.Small));
        flow.Table(columns, rows, style.Small);
    }

    public static string Activity(ExerciseEvidence evidence)
    {
        if (!evidence.HasVerifiedNumbers)
        {
            return evidence.Verification switch
            {
                EvidenceVerification.RankingOnly => "ranked high; no number shown",
                EvidenceVerification.NotMeasured => "not measured",
                _ => "no number shown",
            };
        }

        return evidence.SdPercentMvic is { } sd
            ? string.Create(CultureInfo.InvariantCulture, $"{evidence.MeanPercentMvic:0.#} ± {sd:0.#}")
            : string.Create(CultureInfo.InvariantCulture, $"{evidence.MeanPercentMvic:0.#}");
    }
}
