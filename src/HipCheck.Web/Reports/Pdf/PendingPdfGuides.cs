// TEMPORARY stand-in for branch training-pdf, written against its announced API; deleted when it is merged.
namespace HipCheck.Web.Reports.Pdf;

public enum PaperSize
{
    A4,
    Letter,
}

public sealed record ProgrammePdfModel(string AthleteName, HipCheck.Core.Training.Programme Programme);

public static class PdfGuides
{
    public static byte[] FiveExerciseGuide(PaperSize paper) => Minimal($"Five exercises {paper}");

    public static byte[] PersonalProgramme(ProgrammePdfModel model, PaperSize paper) =>
        Minimal($"Programme for {model?.AthleteName} {paper}");

    private static byte[] Minimal(string text) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");
}
