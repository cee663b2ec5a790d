namespace HipCheck.Core.Statistics.Internal;

/// <summary>Argument checks shared by the survival estimators (Kaplan-Meier, log-rank, Cox).</summary>
internal static class SurvivalInput
{
    public static void Validate(ReadOnlySpan<double> times, int eventsLength, string eventsName)
    {
        if (eventsLength != times.Length)
        {
            throw new ArgumentException(
                $"{eventsName} has {eventsLength} values but times has {times.Length}.", eventsName);
        }

        for (var i = 0; i < times.Length; i++)
        {
            var t = times[i];
            if (!double.IsFinite(t) || t < 0)
            {
                throw new ArgumentException(
                    $"times[{i}] is {t}; times must be finite and not negative.", nameof(times));
            }
        }
    }

    public static void ValidateColumns(IReadOnlyList<string> names, IReadOnlyList<double[]> columns, int n)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        if (names.Count != columns.Count)
        {
            throw new ArgumentException(
                $"{names.Count} names but {columns.Count} columns.", nameof(columns));
        }

        for (var j = 0; j < columns.Count; j++)
        {
            var column = columns[j] ?? throw new ArgumentException($"Column {names[j]} is null.", nameof(columns));
            if (column.Length != n)
            {
                throw new ArgumentException(
                    $"Column {names[j]} has {column.Length} values but there are {n} rows.", nameof(columns));
            }

            for (var i = 0; i < column.Length; i++)
            {
                if (!double.IsFinite(column[i]))
                {
                    throw new ArgumentException(
                        $"Column {names[j]} row {i} is {column[i]}; predictors must be finite.", nameof(columns));
                }
            }
        }
    }

    /// <summary>True when every value of the column is the same (its coefficient is not identifiable).</summary>
    public static bool IsConstant(ReadOnlySpan<double> column)
    {
        if (column.Length == 0)
        {
            return true;
        }

        var first = column[0];
        for (var i = 1; i < column.Length; i++)
        {
            if (column[i] != first)
            {
                return false;
            }
        }

        return true;
    }
}
