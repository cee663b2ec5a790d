using HipCheck.Core.Measurement;
using HipCheck.Core.Training;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>The general five-exercise guide: cover, why these five, one page per exercise.</summary>
internal static class GuideDocument
{
    public static void Write(PageFlow flow)
    {
        var style = flow.Style;
        var exercises = ExerciseLibrary.All;

        flow.NewPage();
        flow.Space(120);
        flow.Paragraph("HipCheck", style.Heading2, style.AccentBrush);
        flow.Paragraph("Five hip exercises for runners", style.Title);
        flow.Space(6);
        flow.Paragraph(
            "A short programme for the muscles that hold the pelvis level and drive the leg back: the gluteus maximus "
            + "and the gluteus medius. Each exercise has a picture, step-by-step instructions, the mistakes we see most, "
            + "an easier and a harder version, and the muscle-activity measurements behind the choice.",
            style.Lead, style.MutedBrush);
        flow.Space(18);
        flow.Paragraph("Inside", style.Bold);
        flow.Bullets(["Why these five", .. exercises.Select(e => e.Name)]);
        flow.Space(18);
        Disclaimer(flow);

        flow.NewPage();
        flow.Heading("Why these five", style.Heading1);
        flow.Paragraph(
            "Runners land on one leg about 160-180 times a minute. Each landing asks the hip muscles of that leg to stop "
            + "the pelvis dropping and the knee caving in, and each push-off asks the hip extensors to drive the body "
            + "forward. When one side is clearly weaker than the other, the load is shared unevenly.");
        flow.Paragraph(
            "Studies of college athletes found that a left-right difference in hip extensor strength, not weak hips as "
            + "such, went with low back pain in women (Nadler et al. 2000, looking back; Nadler et al. 2001, following 163 "
            + "athletes for a year, with only 13 cases). Weak hip abductors and external rotators are linked with "
            + "runner's knee (patellofemoral pain) and iliotibial band syndrome. These are small studies, and they show "
            + "links, not causes.");
        flow.Heading("How the five were chosen", style.Heading2);
        flow.Paragraph(
            "We picked exercises that make the gluteal muscles work hardest, measured with electrodes on the skin as a "
            + "percentage of each person's maximal voluntary isometric contraction (% MVIC). Distefano et al. (2009) "
            + "compared 12 exercises in 21 healthy, active people; single-leg work and side-lying abduction came out on "
            + "top. Together the five cover the three hip movements HipCheck tests: extension, abduction and external "
            + "rotation.");
        flow.Table(
            [new("Exercise", 1.6), new("Main muscles", 1.6), new("Trains", 1.6)],
            exercises.Select(e => (IReadOnlyList<string>)
            [
                e.Name,
                string.Join(", ", e.TargetMuscles),
                string.Join(", ", e.TrainsTests.Select(code => TestCatalogue.Find(code)?.Name ?? code)),
            ]));
        flow.Heading("What the evidence does and does not show", style.Heading2);
        flow.Bullets(
        [
            "High muscle activity in healthy people tells us an exercise loads the muscle; it does not prove the exercise prevents injury.",
            "Hip and core strengthening helped people who already had knee pain (Ferber et al. 2015; Khayambashi et al. 2012).",
            "A 12-week strengthening programme for 720 first-time marathoners did not lower overuse injuries (Toresdahl et al. 2020).",
            "The 10-15 % asymmetry that clinicians often act on is a convention, not a proven cut-off. Re-testing tells you whether your own difference is shrinking.",
        ]);
        flow.Heading("How to use this guide", style.Heading2);
        flow.Paragraph(
            "Two or three sessions a week on non-consecutive days, after an easy run or on a rest day. Start with the "
            + "easier version if you cannot do the full one with good form, and move to the harder version when the last "
            + "repetition of every set still looks like the first. Work the weaker side first, and give it an extra set. "
            + "Mild muscle soreness is normal; sharp or joint pain is a reason to stop and see a professional.");

        foreach (var exercise in exercises)
        {
            ExercisePage.Write(flow, exercise);
        }
    }

    public static void Disclaimer(PageFlow flow)
    {
        var style = flow.Style;
        flow.Paragraph("HipCheck informs; it does not diagnose.", style.Bold, style.InkBrush);
        flow.Paragraph(
            "This guide is general information, not medical advice. If you have pain, an injury or a health condition, "
            + "ask a physiotherapist or doctor before you start.",
            style.Body, style.MutedBrush);
    }
}
