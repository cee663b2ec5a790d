using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace HipCheck.Web.Data;

/// <summary>
/// Values in the text forms EF Core's SQLite provider writes, for the paths that use prepared statements instead of
/// EF Core (bulk import, the screenings' group commit, the prepared hot reads), so both sides agree on every row.
/// </summary>
internal static class SqliteValues
{
    /// <summary>EF Core's SQLite text form of a GUID.</summary>
    public static string Id(Guid id) => id.ToString().ToUpperInvariant();

    public static object Id(Guid? id) => id is { } value ? Id(value) : DBNull.Value;

    /// <summary>Any bound value in EF Core's SQLite form: ids, days and instants as text, null as NULL.</summary>
    public static object Of(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => Id(id),
        DateOnly day => Day(day),
        DateTime instant => Instant(instant),
        _ => value,
    };

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>A primitive collection as EF Core stores it in SQLite: a JSON array of shortest round-trip numbers.</summary>
    public static string JsonArray(StringBuilder json, ReadOnlySpan<double> values)
    {
        json.Clear().Append('[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }

    /// <summary>A prepared command with the named parameters, to be bound and stepped many times.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
