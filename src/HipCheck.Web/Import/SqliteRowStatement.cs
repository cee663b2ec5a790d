using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HipCheck.Web.Import;

/// <summary>
/// One prepared statement stepped once per row through SQLite's C API, on the connection (and so in the transaction)
/// Microsoft.Data.Sqlite opened. Parameters are bound by position from UTF-8 spans: no parameter-name lookup, no
/// type dispatch and no string per value, which at a million rows cost more than SQLite's own work
/// (sqlite.org/c3ref/bind_blob.html; SQLITE_TRANSIENT copies each value at bind time, so the buffers are reused).
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    // Room for the text forms of one row's GUIDs, day and trials.
    private readonly byte[] buffer = new byte[512];
    private int used;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out statement), db);
    }

    /// <summary>Binds EF Core's SQLite form of a GUID (upper-case text).</summary>
    public void Id(int index, Guid id)
    {
        var text = Take(36);
        _ = id.TryFormat(text, out _);
        _ = Ascii.ToUpperInPlace(text, out _);
        Bind(index, text);
    }

    /// <summary>Binds a GUID in lower case (the audit trail's entity id: SQLite's <c>lower("Id")</c>).</summary>
    public void LowerId(int index, Guid id)
    {
        var text = Take(36);
        _ = id.TryFormat(text, out _);
        Bind(index, text);
    }

    /// <summary>Binds UTF-8 text the caller keeps unchanged until <see cref="Step"/> (SQLITE_TRANSIENT copies it anyway).</summary>
    public void Utf8(int index, ReadOnlySpan<byte> utf8) => Bind(index, utf8);

    /// <summary>Binds a day as yyyy-MM-dd, the form EF Core writes.</summary>
    public void Day(int index, DateOnly date)
    {
        var text = Take(10);
        _ = date.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Bind(index, text);
    }

    /// <summary>Binds trials as EF Core stores a primitive collection: a JSON array of shortest round-trip numbers.</summary>
    public void JsonArray(int index, ReadOnlySpan<double> values)
    {
        var text = buffer.AsSpan(used);
        var n = 0;
        text[n++] = (byte)'[';
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text[n++] = (byte)',';
            }

            _ = values[i].TryFormat(text[n..], out var written, "R", CultureInfo.InvariantCulture);
            n += written;
        }

        text[n++] = (byte)']';
        used += n;
        Bind(index, text[..n]);
    }

    public void Text(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value));

    public void Real(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    /// <summary>Runs the statement with the values bound; returns the rows it changed (0 when ON CONFLICT skipped it).</summary>
    public int Step()
    {
        var rc = raw.sqlite3_step(statement);
        _ = raw.sqlite3_reset(statement);
        used = 0;
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return raw.sqlite3_changes(db);
    }

    public void Dispose() => statement.Dispose();

    private Span<byte> Take(int length)
    {
        var span = buffer.AsSpan(used, length);
        used += length;
        return span;
    }

    private void Bind(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(statement, index, utf8));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
