using PdfSharp.Pdf;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>
/// HipCheck's downloadable PDFs: the general five-exercise guide for members and a runner's personal programme.
/// Fonts (DejaVu Sans) are embedded from this assembly, so a PDF looks the same on every machine and printer.
/// Safe to call from many requests at once; each call builds its own document.
/// </summary>
public static class PdfGuides
{
    public const string ContentType = "application/pdf";

    /// <summary>The general guide: cover, why these five exercises, then one page per exercise of the library.</summary>
    public static byte[] FiveExerciseGuide(PaperSize size) =>
        Render(size, GuideDocument.Write, "Five hip exercises for runners", "The HipCheck guide to the five hip-strengthening exercises, with the evidence behind them");

    /// <summary>
    /// A runner's programme: cover with athlete and screening date, the deficits explained, the plan by week, a page
    /// per exercise in the plan, and the progress chart.
    /// </summary>
    public static byte[] PersonalProgramme(ProgrammePdfModel model, PaperSize size)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Render(
            size,
            flow => ProgrammeDocument.Write(flow, model),
            $"Hip-strength programme for {model.AthleteName}",
            $"A {model.Programme.Weeks}-week HipCheck programme from the screening of {Dates.Long(model.ScreeningDate)}");
    }

    private static byte[] Render(PaperSize size, Action<PageFlow> write, string title, string subject)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = "HipCheck";
        document.Info.Subject = subject;
        document.Info.Creator = "HipCheck";
        document.Info.Keywords = "hip strength, runners, exercise programme";
        using (var flow = new PageFlow(document, size, new PdfStyle()))
        {
            write(flow);
            flow.Finish();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}

internal static class Dates
{
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
