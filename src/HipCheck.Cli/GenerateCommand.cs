using System.CommandLine;

namespace HipCheck.Cli;

/// <summary>`hipcheck generate` (hidden): a synthetic cohort CSV for benchmarks and fixtures.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Athletes to write.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same file.", DefaultValueFactory = _ => 1 };
        var ties = new Option<int>("--tie-step") { Description = "Round event days up to a multiple of this many days (ties).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: stdout)." };
        var command = new Command("generate", "Write a synthetic cohort CSV (benchmarks and test fixtures).") { rows, seed, ties, output };
        command.Hidden = true;
        command.SetAction(r =>
        {
            var file = r.GetValue(output);
            using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
            CohortGenerator.Write(stream, r.GetValue(rows), r.GetValue(seed), r.GetValue(ties));
        });
        return command;
    }
}
