using System.CommandLine;
using System.Globalization;
using HipCheck.Core.Studies;
using Spectre.Console;

namespace HipCheck.Cli;

/// <summary>
/// `hipcheck analyze`: reads a cohort CSV and prints the study analysis (the issue 4 JSON contract, or a text
/// report). Exit codes: 0 done, 2 invalid input (options or rows; messages on stderr name line and column),
/// 1 anything unexpected.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>Files smaller than this read in well under a second: no progress bar for them.</summary>
    private const long ProgressBarBytes = 8 << 20;

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "Cohort CSV: one row per athlete; `hipcheck analyze --help` lists the columns.",
            Required = true,
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Hip-extension asymmetry % at or above which an athlete counts as exposed.",
            DefaultValueFactory = _ => 15,
        };
        threshold.Validators.Add(r =>
        {
            var t = r.GetValueOrDefault<double>();
            if (!(t >= 0 && t < 100))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--threshold must be at least 0 and below 100 (an asymmetry %); got {t}."));
            }
        });
        var format = Formats.Option();
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Skip invalid rows (they are counted and the first are listed on stderr) instead of stopping.",
        };

        var command = new Command("analyze", "Analyse a prospective cohort: 2x2 tables by sex, logistic and Cox models, Kaplan-Meier and log-rank.\n"
            + "JSON numbers that cannot be estimated (a ratio with a zero cell, a model without events or with separation) are null; "
            + "\"warnings\" says why.\n\nColumns (header required, any order, UTF-8, comma-separated):\n" + ColumnHelp())
        {
            input, threshold, format, skipInvalid,
        };
        command.SetAction(r => Run(r, r.GetValue(input)!, r.GetValue(threshold), r.GetValue(format)!, r.GetValue(skipInvalid)));
        return command;
    }

    private static string ColumnHelp() => string.Join('\n', CohortCodebook.Columns.Select(c =>
        $"  {c.Name,-17} {c.AllowedValues}{(c.Unit is null ? "" : $" ({c.Unit})")}{(c.Required ? "" : ", optional")}"));

    private static int Run(ParseResult result, FileInfo file, double threshold, string format, bool skipInvalid)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!file.Exists)
        {
            error.WriteLine($"hipcheck analyze: {file.FullName} does not exist.");
            return 2;
        }

        try
        {
            var read = Read(file, skipInvalid);
            if (!read.Succeeded)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hipcheck analyze: {file.Name} is not a valid cohort CSV: {Describe(read)}."));
                WriteErrors(error, read);
                if (read.InvalidRows > 0)
                {
                    error.WriteLine("Fix the rows, or pass --skip-invalid to analyse the valid rows only.");
                }

                return 2;
            }

            if (read.SkippedRows > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hipcheck analyze: skipped {read.SkippedRows} invalid rows; the first:"));
                WriteErrors(error, read);
            }

            var data = read.Data!;

            // The reader's id table and the copies left by growing its columns are garbage now: collecting them before
            // the analysis lets it reuse that memory instead of growing the heap (docs/performance.md).
            GC.Collect();
            if (data.Count == 0)
            {
                error.WriteLine($"hipcheck analyze: {file.Name} has no valid rows to analyse.");
                return 2;
            }

            var analysis = CohortAnalysis.Run(data, threshold) with { SkippedRows = read.SkippedRows };
            output.Write(format == "text" ? analysis.ToText() : analysis.ToJson() + "\n");
            return 0;
        }
        catch (IOException e)
        {
            error.WriteLine($"hipcheck analyze: could not read {file.FullName}: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"hipcheck analyze: could not read {file.FullName}: {e.Message}");
            return 2;
        }
    }

    private static string Describe(CohortReadResult read) => read.InvalidRows > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{read.InvalidRows} invalid rows")
        : "its header is not usable";

    private static void WriteErrors(TextWriter error, CohortReadResult read)
    {
        foreach (var e in read.Errors)
        {
            error.WriteLine($"  {e}");
        }

        if (read.InvalidRows > read.Errors.Count)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and more: {read.InvalidRows} invalid rows in all."));
        }
    }

    /// <summary>Reads the file, with a progress bar on stderr when a person is watching a large file.</summary>
    private static CohortReadResult Read(FileInfo file, bool skipInvalid)
    {
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var options = new CohortReadOptions { SkipInvalid = skipInvalid };
        if (Console.IsErrorRedirected || file.Length < ProgressBarBytes)
        {
            return CohortCsvReader.Read(stream, options);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        CohortReadResult? read = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Reading {file.Name}", maxValue: file.Length);
                read = CohortCsvReader.Read(stream, options with { Progress = bytes => task.Value = bytes });
                task.Value = file.Length;
            });
        return read!;
    }
}
