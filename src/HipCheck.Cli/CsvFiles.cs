using System.Globalization;
using HipCheck.Core.Parsing;

namespace HipCheck.Cli;

/// <summary>Reads a small CSV with one of Core's readers and lists its errors on stderr with the file's name.</summary>
internal static class CsvFiles
{
    private const int MaxErrorsListed = 20;

    /// <summary>The rows, or null after writing every error (up to a limit) with the file's name.</summary>
    public static IReadOnlyList<T>? Read<T>(string command, FileInfo file, Func<TextReader, CsvRead<T>> read, TextWriter error)
    {
        using var reader = new StreamReader(file.FullName);
        var result = read(reader);
        if (result.Succeeded)
        {
            return result.Rows;
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hipcheck {command}: {file.Name} is not valid ({result.Errors.Count} {(result.Errors.Count == 1 ? "error" : "errors")}):"));
        foreach (var e in result.Errors.Take(MaxErrorsListed))
        {
            error.WriteLine($"  {file.Name}: {e}");
        }

        if (result.Errors.Count > MaxErrorsListed)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {result.Errors.Count - MaxErrorsListed} more."));
        }

        return null;
    }
}
