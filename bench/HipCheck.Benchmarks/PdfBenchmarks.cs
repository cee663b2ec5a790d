using BenchmarkDotNet.Attributes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Training;
using HipCheck.Web.Reports.Pdf;

namespace HipCheck.Benchmarks;

/// <summary>
/// Rendering the downloadable PDFs, warm (fonts resolved and cached by the first render in the setup): the personal
/// programme of an 8-week generated plan with three re-tests charted, and the five-exercise guide. Target (issue 5):
/// the personal programme under 200 ms.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private ProgrammePdfModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        TestEntry[] entries =
        [
            new("hip-extension", "N", [198, 204, 201], [246, 244, 248]),
            new("hip-abduction", "N", [180, 184, 182], [160, 161, 159]),
            new("hip-external-rotation", "N", [120, 122, 121], [121, 120, 122]),
        ];
        var screened = new DateOnly(2026, 3, 2);
        var results = entries.Select(e => ScreeningEvaluator.Evaluate(e, 62)).ToList();
        var programme = ProgrammeGenerator.Generate(new ProgrammeInput(results, screened.AddDays(5), SessionsPerWeek: 3, Weeks: 8));
        _model = new ProgrammePdfModel("Ada Lovelace", screened, programme, programme.Deficits,
        [
            new(screened, "hip-extension", "Hip extension", 18.3),
            new(screened, "hip-abduction", "Hip abduction", 12.1),
            new(screened.AddDays(28), "hip-extension", "Hip extension", 12.9),
            new(screened.AddDays(28), "hip-abduction", "Hip abduction", 9.5),
            new(screened.AddDays(61), "hip-extension", "Hip extension", 6.2),
            new(screened.AddDays(61), "hip-abduction", "Hip abduction", 5.0),
        ]);
        _ = PdfGuides.PersonalProgramme(_model, PaperSize.A4);
    }

    /// <summary>The personalised programme, A4 (11 pages).</summary>
    [Benchmark]
    public int PersonalProgrammeA4() => PdfGuides.PersonalProgramme(_model, PaperSize.A4).Length;

    /// <summary>The same on Letter (12 pages: the plan takes one page more).</summary>
    [Benchmark]
    public int PersonalProgrammeLetter() => PdfGuides.PersonalProgramme(_model, PaperSize.Letter).Length;

    /// <summary>The general five-exercise guide, A4 (7 pages).</summary>
    [Benchmark]
    public int FiveExerciseGuideA4() => PdfGuides.FiveExerciseGuide(PaperSize.A4).Length;
}
