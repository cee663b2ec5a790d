namespace HipCheck.Core.Parsing;

/// <summary>A row or header that failed validation: the physical line it starts on (1 = the header) and the column.</summary>
/// <param name="Column">Column name, or null when the record as a whole is malformed.</param>
public sealed record CsvError(long Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>The rows read, and every error found. Any error makes the read unusable: <see cref="Succeeded"/> is false.</summary>
public sealed record CsvRead<T>(IReadOnlyList<T> Rows, IReadOnlyList<CsvError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
