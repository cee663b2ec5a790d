using System.CommandLine;

namespace HipCheck.Cli;

/// <summary>The --format option shared by the commands that print results: JSON (the default) or text.</summary>
internal static class Formats
{
    public static Option<string> Option()
    {
        var format = new Option<string>("--format")
        {
            Description = "json (machine-readable, the default) or text (a readable report with the same numbers).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "text");
        return format;
    }
}
