using HipCheck.Core.Training;
using HipCheck.Web.Reports.Pdf;
using UglyToad.PdfPig.Tokens;
using static HipCheck.Web.Tests.Pdf.PdfInspection;

namespace HipCheck.Web.Tests.Pdf;

/// <summary>The PDFs opened with PdfPig, as a reader's viewer would open them.</summary>
public class PdfGuidesTests
{
    private const string Disclaimer = "HipCheck informs; it does not diagnose.";

    public static TheoryData<PaperSize, double, double> Papers => new()
    {
        { PaperSize.A4, 595, 842 },
        { PaperSize.Letter, 612, 792 },
    };

    [Theory]
    [MemberData(nameof(Papers))]
    public void Guide_has_a_cover_a_why_page_and_one_page_per_exercise(PaperSize size, double width, double height)
    {
        using var pdf = Open(PdfGuides.FiveExerciseGuide(size));

        var exercises = ExerciseLibrary.All;
        Assert.Equal(2 + exercises.Count, pdf.NumberOfPages);
        Assert.Contains("Five hip exercises for runners", Text(pdf.GetPage(1)), StringComparison.Ordinal);
        Assert.StartsWith("Why these five", Text(pdf.GetPage(2)), StringComparison.Ordinal);
        for (var i = 0; i < exercises.Count; i++)
        {
            Assert.StartsWith(Normalise(exercises[i].Name), Text(pdf.GetPage(3 + i)), StringComparison.Ordinal);
        }

        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(width, page.Width, 0.01);
            Assert.Equal(height, page.Height, 0.01);
        });
    }

    [Fact]
    public void Guide_shows_only_verified_muscle_activity_numbers()
    {
        using var pdf = Open(PdfGuides.FiveExerciseGuide(PaperSize.A4));
        var exercises = ExerciseLibrary.All;

        for (var i = 0; i < exercises.Count; i++)
        {
            var text = Text(pdf.GetPage(3 + i));
            foreach (var evidence in exercises[i].Evidence.Where(e => e.HasVerifiedNumbers))
            {
                Assert.Contains($"{evidence.MeanPercentMvic:0.#} ± {evidence.SdPercentMvic:0.#}", text, StringComparison.Ordinal);
            }

            // A study whose number was not read in the paper gets words in the number column, never a number.
            if (exercises[i].Evidence.All(e => !e.HasVerifiedNumbers && !e.Note.Contains('±', StringComparison.Ordinal)))
            {
                Assert.Equal(1, text.Count(c => c == '±')); // the column header's "mean ± SD" only
            }
        }
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public void Personal_programme_pages_are_the_paper_size(PaperSize size, double width, double height)
    {
        using var pdf = Open(PdfGuides.PersonalProgramme(ProgrammeFixtures.GeneratedModel(), size));

        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(width, page.Width, 0.01);
            Assert.Equal(height, page.Height, 0.01);
        });
    }

    [Fact]
    public void Personal_programme_names_the_athlete_and_every_exercise_of_the_plan()
    {
        var model = ProgrammeFixtures.GeneratedModel("Ada Lovelace");
        using var pdf = Open(PdfGuides.PersonalProgramme(model, PaperSize.A4));

        var text = AllText(pdf);
        Assert.Contains("Ada Lovelace", Text(pdf.GetPage(1)), StringComparison.Ordinal);
        Assert.Contains("2 March 2026", Text(pdf.GetPage(1)), StringComparison.Ordinal);
        var planned = model.Programme.Plan.SelectMany(w => w.Exercises).Select(e => e.ExerciseId).Distinct().ToList();
        Assert.NotEmpty(planned);
        foreach (var id in planned)
        {
            Assert.Contains(Normalise(ExerciseLibrary.Find(id)!.Name), text, StringComparison.Ordinal);
        }

        foreach (var deficit in model.Deficits)
        {
            Assert.Contains(deficit.TestName, text, StringComparison.Ordinal);
        }

        foreach (var week in model.Programme.Plan)
        {
            Assert.Contains($"Week {week.Week}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Personal_programme_has_cover_then_findings_and_plan_then_a_page_per_exercise_then_progress()
    {
        var model = ProgrammeFixtures.GeneratedModel();
        using var pdf = Open(PdfGuides.PersonalProgramme(model, PaperSize.A4));
        var pages = pdf.GetPages().Select(p => WithoutHeader(Text(p), model)).ToList();
        var planned = model.Programme.Plan.SelectMany(w => w.Exercises).Select(e => e.ExerciseId).Distinct()
            .Select(id => ExerciseLibrary.Find(id)!.Name).ToList();

        Assert.Contains("Your hip-strength programme", pages[0], StringComparison.Ordinal);
        Assert.StartsWith("What your screening found", pages[1], StringComparison.Ordinal);
        var firstExercise = pages.FindIndex(p => p.StartsWith(Normalise(planned[0]), StringComparison.Ordinal));
        Assert.True(firstExercise >= 2, "the exercise pages follow the plan");
        Assert.All(pages[1..firstExercise], page => Assert.Contains("Week", page, StringComparison.Ordinal));
        for (var i = 0; i < planned.Count; i++)
        {
            Assert.StartsWith(Normalise(planned[i]), pages[firstExercise + i], StringComparison.Ordinal);
        }

        Assert.Equal(firstExercise + planned.Count + 1, pages.Count);
        Assert.StartsWith("Your progress", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_carries_the_disclaimer_and_page_n_of_m()
    {
        using var pdf = Open(PdfGuides.PersonalProgramme(ProgrammeFixtures.GeneratedModel(), PaperSize.Letter));

        foreach (var page in pdf.GetPages())
        {
            var text = Text(page);
            Assert.Contains(Disclaimer, text, StringComparison.Ordinal);
            Assert.Contains($"HipCheck · page {page.Number} of {pdf.NumberOfPages}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fonts_are_DejaVu_and_embedded_in_the_file()
    {
        using var pdf = Open(PdfGuides.PersonalProgramme(ProgrammeFixtures.GeneratedModel(), PaperSize.A4));

        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.Contains("DejaVu", l.FontName, StringComparison.Ordinal));

        var fonts = pdf.GetPages().SelectMany(page => FontDictionaries(pdf, page)).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, font =>
        {
            var descriptor = FontDescriptor(pdf, font);
            Assert.True(descriptor.TryGet(NameToken.Create("FontFile2"), out _), "the TrueType font program is embedded");
            var name = Assert.IsType<NameToken>(Resolve(pdf, descriptor.Data["FontName"])).Data;
            Assert.Matches(@"^[A-Z]{6}\+DejaVu", name); // a subset (tag+name) of DejaVu
        });
    }

    [Fact]
    public void Metadata_names_the_document_and_HipCheck()
    {
        using var guide = Open(PdfGuides.FiveExerciseGuide(PaperSize.A4));
        using var personal = Open(PdfGuides.PersonalProgramme(ProgrammeFixtures.GeneratedModel("Ada Lovelace"), PaperSize.A4));

        Assert.Equal("Five hip exercises for runners", guide.Information.Title);
        Assert.Equal("HipCheck", guide.Information.Author);
        Assert.False(string.IsNullOrWhiteSpace(guide.Information.Subject));
        Assert.Equal("Hip-strength programme for Ada Lovelace", personal.Information.Title);
        Assert.Equal("HipCheck", personal.Information.Author);
        Assert.Contains("2 March 2026", personal.Information.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public void A_long_name_and_many_weeks_stay_inside_the_page(PaperSize size, double width, double height)
    {
        _ = (width, height);
        var longName = "Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh Cholmondeley-Marjoribanks "
            + string.Concat(Enumerable.Repeat("Supercalifragilisticexpialidocious", 4));
        var model = ProgrammeFixtures.Model(longName, weeks: 16);

        using var pdf = Open(PdfGuides.PersonalProgramme(model, size));

        Assert.Empty(LettersOutside(pdf, inset: 20));
        var text = AllText(pdf);
        Assert.Contains(longName.Replace(" ", "", StringComparison.Ordinal), pdf.GetPage(1).Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Week 16", text, StringComparison.Ordinal);
        Assert.True(pdf.NumberOfPages > 2 + ExerciseLibrary.All.Count + 1, "sixteen weeks take more than one page of plan");
    }

    [Fact]
    public void Guide_text_stays_inside_the_page()
    {
        using var a4 = Open(PdfGuides.FiveExerciseGuide(PaperSize.A4));
        using var letter = Open(PdfGuides.FiveExerciseGuide(PaperSize.Letter));

        Assert.Empty(LettersOutside(a4, inset: 20));
        Assert.Empty(LettersOutside(letter, inset: 20));
    }

    [Fact]
    public void Without_re_tests_the_progress_page_says_when_the_first_is_due()
    {
        var model = ProgrammeFixtures.GeneratedModel() with { Progress = [] };

        using var pdf = Open(PdfGuides.PersonalProgramme(model, PaperSize.A4));

        var last = WithoutHeader(Text(pdf.GetPage(pdf.NumberOfPages)), model);
        Assert.StartsWith("Your progress", last, StringComparison.Ordinal);
        Assert.Contains("No re-tests yet", last, StringComparison.Ordinal);
        Assert.Contains(model.Programme.RetestDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), last, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_page_lists_every_measured_asymmetry()
    {
        var model = ProgrammeFixtures.GeneratedModel();

        using var pdf = Open(PdfGuides.PersonalProgramme(model, PaperSize.A4));

        var last = Text(pdf.GetPage(pdf.NumberOfPages));
        foreach (var point in model.Progress)
        {
            Assert.Contains($"{point.AsymmetryPercent:0.0} %", last, StringComparison.Ordinal);
        }

        Assert.Contains("re-test due", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_from_many_threads_at_once_gives_the_same_pages()
    {
        var model = ProgrammeFixtures.GeneratedModel();

        var counts = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => i % 2 == 0 ? PdfGuides.PersonalProgramme(model, PaperSize.A4) : PdfGuides.FiveExerciseGuide(PaperSize.Letter))
            .Select(bytes => { using var pdf = Open(bytes); return pdf.NumberOfPages; })
            .ToList();

        Assert.Single(counts.Where((_, i) => i % 2 == 0).Distinct());
        Assert.All(counts.Where((_, i) => i % 2 == 1), n => Assert.Equal(2 + ExerciseLibrary.All.Count, n));
    }

    /// <summary>The page's text less the running header above it.</summary>
    private static string WithoutHeader(string text, ProgrammePdfModel model)
    {
        var header = $"Hip-strength programme for {model.AthleteName} ";
        return text.StartsWith(header, StringComparison.Ordinal) ? text[header.Length..] : text;
    }

    private static IEnumerable<DictionaryToken> FontDictionaries(UglyToad.PdfPig.PdfDocument pdf, UglyToad.PdfPig.Content.Page page)
    {
        var resources = Assert.IsType<DictionaryToken>(Resolve(pdf, page.Dictionary.Data["Resources"]));
        if (!resources.TryGet(NameToken.Create("Font"), out var fontsToken))
        {
            yield break;
        }

        var fonts = Assert.IsType<DictionaryToken>(Resolve(pdf, fontsToken));
        foreach (var font in fonts.Data.Values)
        {
            yield return Assert.IsType<DictionaryToken>(Resolve(pdf, font));
        }
    }

    private static DictionaryToken FontDescriptor(UglyToad.PdfPig.PdfDocument pdf, DictionaryToken font)
    {
        // A composite (Type0) font keeps its descriptor on its descendant font.
        if (font.TryGet(NameToken.Create("DescendantFonts"), out var descendants))
        {
            var first = Assert.IsType<ArrayToken>(Resolve(pdf, descendants)).Data[0];
            font = Assert.IsType<DictionaryToken>(Resolve(pdf, first));
        }

        return Assert.IsType<DictionaryToken>(Resolve(pdf, font.Data["FontDescriptor"]));
    }

    private static IToken Resolve(UglyToad.PdfPig.PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;
}
