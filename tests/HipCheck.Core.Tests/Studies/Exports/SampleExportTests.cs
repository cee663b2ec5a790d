using HipCheck.Core.Studies.Exports;

namespace HipCheck.Core.Tests.Studies.Exports;

/// <summary>
/// docs/exports/sample holds the exports of <see cref="ExportSamples"/> and what docs/exports/hipcheck-exports.R
/// printed on them (r-output.txt, made with Rscript). These tests keep the samples equal to what the code writes now,
/// so the R script's committed output stays a valid check of the layouts; R is not needed to run them.
/// After a deliberate layout change: HIPCHECK_UPDATE_SAMPLES=1 dotnet test ..., then run docs/exports/sample/run-r.sh
/// and commit both.
/// </summary>
public class SampleExportTests
{
    public static TheoryData<string> Files => new(
        "long.csv", "long-codebook.csv", "wide.csv", "wide-codebook.csv", "redcap-dictionary.csv", "redcap-data.csv");

    public static string Render(string file)
    {
        var wide = WideLayout.Build(ExportSamples.Athletes);
        var longTable = LongLayout.Build(ExportSamples.Athletes);
        return file switch
        {
            "long.csv" => longTable.ToCsv(),
            "long-codebook.csv" => longTable.Codebook().ToCsv(),
            "wide.csv" => wide.ToCsv(),
            "wide-codebook.csv" => wide.Codebook().ToCsv(),
            "redcap-dictionary.csv" => RedcapProject.DictionaryCsv(wide.Columns),
            "redcap-data.csv" => RedcapProject.Data(wide).ToCsv(),
            _ => throw new ArgumentException(file, nameof(file)),
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Committed_sample_equals_what_the_export_writes_now(string file)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "exports", "sample", file);
        var now = Render(file);
        if (Environment.GetEnvironmentVariable("HIPCHECK_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllText(path, now);
        }

        Assert.True(File.Exists(path), $"{path} is missing");
        Assert.True(File.ReadAllText(path) == now,
            $"docs/exports/sample/{file} differs from the export: regenerate (HIPCHECK_UPDATE_SAMPLES=1), re-run the R script and commit both.");
    }

    [Fact]
    public void R_output_was_made_from_the_committed_samples()
    {
        var output = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "exports", "sample", "r-output.txt"));
        Assert.Contains("'data.frame':\t13 obs. of  18 variables:", output, StringComparison.Ordinal);
        Assert.Contains($"'data.frame':\t3 obs. of  {WideLayout.Columns(2).Count} variables:", output, StringComparison.Ordinal);
        Assert.Contains("Factor w/ 2 levels \"female\",\"male\"", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HipCheck.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No HipCheck.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The R script's codes must be the exports' codes.</summary>
public class RScriptTests
{
    [Fact]
    public void R_script_knows_every_test_code_and_choice()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "HipCheck.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        var script = File.ReadAllText(Path.Combine(root, "docs", "exports", "hipcheck-exports.R"));
        foreach (var test in HipCheck.Core.Measurement.TestCatalogue.All)
        {
            Assert.Contains($"\"{test.Code}\" = ", script, StringComparison.Ordinal);
        }

        Assert.Contains("levels = c(\"F\", \"M\"), labels = c(\"female\", \"male\")", script, StringComparison.Ordinal);
        Assert.Contains("levels = c(\"left\", \"right\", \"equal\")", script, StringComparison.Ordinal);
        Assert.Contains("levels = c(\"left\", \"right\", \"none\")", script, StringComparison.Ordinal);
        Assert.Equal(["F", "M"], HipCheck.Core.Studies.Exports.ExportVocabulary.SexChoices.Select(c => c.Value));
        Assert.Equal(["left", "right", "equal"], HipCheck.Core.Studies.Exports.ExportVocabulary.WeakerSideChoices.Select(c => c.Value));
    }
}
