using System.Globalization;
using System.Text;

namespace HipCheck.Web.Import;

/// <summary>Whose JSON functions an import's audit snapshot reproduces, byte for byte.</summary>
internal enum SnapshotDialect
{
    /// <summary>SQLite's <c>json_object</c>: compact, REAL columns as shortest round-trip with ".0", trials as stored.</summary>
    Sqlite,

    /// <summary>PostgreSQL's <c>json_build_object</c> / <c>json_agg</c>: <c>"key" : value</c>, shortest float8, timestamps in UTC.</summary>
    Postgres,
}

/// <summary>One new screening as its audit snapshot shows it; its tests are <see cref="ImportPlan.Tests"/> indexes.</summary>
internal readonly record struct SnapshotScreening(Guid Id, Guid AthleteId, DateOnly Date, double BodyMassKg, ReadOnlyMemory<int> Tests);

/// <summary>
/// The "created" snapshot of an imported screening (its fields and its tests with their trials), built in .NET instead
/// of by the database's JSON functions, so it can be built on another core while the writer inserts the rows, and
/// written with the rows instead of read back from them. The text is the one the database built before (ImportAudit's
/// SQL, kept in the tests as the reference): same keys, same order, same number and date forms, tests ordered by
/// code. Each snapshot goes into one growing UTF-8 buffer; the trials' JSON arrays inside it are the exact text the
/// SQLite writer stores in the trial columns, so their spans are bound as the column values too.
/// </summary>
internal sealed class ImportSnapshots(SnapshotDialect dialect, ImportPlan plan)
{
    private static readonly byte[] NotKeptName = Encoding.UTF8.GetBytes(Audit.AuditInterceptor.NotKept);
    private readonly byte[] userId = Encoding.UTF8.GetBytes(plan.UserId);
    private readonly byte[] createdUtc = Encoding.UTF8.GetBytes(dialect == SnapshotDialect.Sqlite
        ? Data.SqliteValues.Instant(plan.NowUtc)
        : plan.NowUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture) + "+00:00");

    private byte[] buffer = new byte[1 << 16];
    private int length;
    private readonly string colon = dialect == SnapshotDialect.Sqlite ? ":" : " : ";
    private readonly string comma = dialect == SnapshotDialect.Sqlite ? "," : ", ";

    /// <summary>The UTF-8 text written since <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, length);

    public void Clear() => length = 0;

    /// <summary>Appends one screening's snapshot; records where each test's trial arrays were written.</summary>
    /// <param name="trials">Per test index (plan order): start and length of the left and right trial arrays in <see cref="Written"/>; may be empty.</param>
    public (int Start, int Length) Append(in SnapshotScreening s, TrialSpans[]? trials)
    {
        var start = length;
        Raw("{");
        Key("id", first: true); Guid(s.Id);
        Key("athleteId"); Guid(s.AthleteId);
        Key("date"); Day(s.Date);
        Key("bodyMassKg"); Real(s.BodyMassKg);
        Key("source"); Str("Imported");
        Key("createdByUserId"); Str(userId);
        Key("createdUtc"); Str(createdUtc);
        Key("tests");
        Raw("[");
        Span<int> order = s.Tests.Length <= 16 ? stackalloc int[s.Tests.Length] : new int[s.Tests.Length];
        s.Tests.Span.CopyTo(order);
        // ORDER BY "TestCode": the catalogue's codes are lower-case ASCII, ordered alike by every collation.
        order.Sort((a, b) => string.CompareOrdinal(plan.Tests[a].TestCode, plan.Tests[b].TestCode));
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0)
            {
                Raw(comma);
            }

            var t = plan.Tests[order[i]];
            Raw("{");
            Key("id", first: true); Guid(t.Id);
            Key("testCode"); Str(t.TestCode);
            Key("enteredUnit"); Str(t.EnteredUnit);
            Key("leverArmM"); Real(t.LeverArmM);
            Key("seconds"); Real(t.Seconds);
            Key("leftTrials");
            var left = length;
            Trials(t.LeftTrials);
            var leftLength = length - left;
            Key("rightTrials");
            var right = length;
            Trials(t.RightTrials);
            if (trials is not null)
            {
                trials[order[i]] = new TrialSpans(left, leftLength, right, length - right);
            }

            Raw("}");
        }

        Raw("]}");
        return (start, length - start);
    }

    /// <summary>A test's trial arrays inside the snapshot buffer (offsets into <see cref="Written"/>).</summary>
    internal readonly record struct TrialSpans(int LeftStart, int LeftLength, int RightStart, int RightLength);

    private void Key(string name, bool first = false)
    {
        if (!first)
        {
            Raw(comma);
        }

        Raw("\"");
        Raw(name);
        Raw("\"");
        Raw(colon);
    }

    private void Raw(string ascii)
    {
        var span = Room(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        length += ascii.Length;
    }

    private void Guid(Guid id)
    {
        var span = Room(38);
        span[0] = (byte)'"';
        _ = id.TryFormat(span[1..], out _); // lower case: SQLite's lower("Id"), PostgreSQL's uuid text
        span[37] = (byte)'"';
        length += 38;
    }

    private void Day(DateOnly date)
    {
        var span = Room(12);
        span[0] = (byte)'"';
        _ = date.TryFormat(span[1..], out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        span[11] = (byte)'"';
        length += 12;
    }

    private void Str(string? value)
    {
        if (value is null)
        {
            Raw("null");
            return;
        }

        Str(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>A JSON string: both engines escape only the quote, the backslash and control characters.</summary>
    private void Str(ReadOnlySpan<byte> utf8)
    {
        var span = Room((utf8.Length * 6) + 2);
        var n = 0;
        span[n++] = (byte)'"';
        foreach (var c in utf8)
        {
            switch (c)
            {
                case (byte)'"': span[n++] = (byte)'\\'; span[n++] = (byte)'"'; break;
                case (byte)'\\': span[n++] = (byte)'\\'; span[n++] = (byte)'\\'; break;
                case (byte)'\b': span[n++] = (byte)'\\'; span[n++] = (byte)'b'; break;
                case (byte)'\f': span[n++] = (byte)'\\'; span[n++] = (byte)'f'; break;
                case (byte)'\n': span[n++] = (byte)'\\'; span[n++] = (byte)'n'; break;
                case (byte)'\r': span[n++] = (byte)'\\'; span[n++] = (byte)'r'; break;
                case (byte)'\t': span[n++] = (byte)'\\'; span[n++] = (byte)'t'; break;
                case < 0x20:
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'u';
                    span[n++] = (byte)'0';
                    span[n++] = (byte)'0';
                    span[n++] = (byte)"0123456789abcdef"[c >> 4];
                    span[n++] = (byte)"0123456789abcdef"[c & 0xF];
                    break;
                default: span[n++] = c; break;
            }
        }

        span[n++] = (byte)'"';
        length += n;
    }

    private void Real(double? value)
    {
        if (value is not { } v)
        {
            Raw("null");
            return;
        }

        var span = Room(40);
        length += dialect == SnapshotDialect.Sqlite ? SqliteReal(v, span) : Shortest(v, span);
    }

    /// <summary>
    /// Trials as SQLite stores them (<see cref="SqliteRowStatement.JsonArray"/>: shortest round-trip numbers, which
    /// <c>json()</c> returns unchanged) and as PostgreSQL's <c>array_to_json</c> prints a float8[] (shortest too).
    /// </summary>
    private void Trials(double[] values)
    {
        var span = Room(2 + (values.Length * 33));
        var n = 0;
        span[n++] = (byte)'[';
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                span[n++] = (byte)',';
            }

            n += dialect == SnapshotDialect.Sqlite ? RoundTrip(values[i], span[n..]) : Shortest(values[i], span[n..]);
        }

        span[n++] = (byte)']';
        length += n;
    }

    private Span<byte> Room(int needed)
    {
        if (length + needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + needed));
        }

        return buffer.AsSpan(length);
    }

    /// <summary>.NET's shortest round-trip form, as the SQLite writer stores trials.</summary>
    internal static int RoundTrip(double value, Span<byte> into)
    {
        _ = value.TryFormat(into, out var written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>PostgreSQL's float8 output (shortest round-trip; exponent as 1e-07 / 1e+20 outside 1e-4 .. 1e15).</summary>
    internal static int Shortest(double value, Span<byte> into)
    {
        var n = RoundTrip(value, into);
        var e = into[..n].IndexOf((byte)'E');
        if (e < 0)
        {
            return n;
        }

        // .NET writes 1E-07 and 1E+20, PostgreSQL 1e-07 and 1e+20: only the letter differs.
        into[e] = (byte)'e';
        return n;
    }

    /// <summary>
    /// How SQLite's json_object prints a REAL (the SQLite bundled with Microsoft.Data.Sqlite): the shortest
    /// round-trip digits, with ".0" on an integral value and an exponent as 1.0e+20 / 1.5e-07.
    /// </summary>
    internal static int SqliteReal(double value, Span<byte> into)
    {
        var n = RoundTrip(value, into);
        var e = into[..n].IndexOf((byte)'E');
        if (e < 0)
        {
            if (into[..n].IndexOf((byte)'.') < 0)
            {
                into[n++] = (byte)'.';
                into[n++] = (byte)'0';
            }

            return n;
        }

        // 1E-07 -> 1.0e-07: ".0" when the mantissa has no point, then the exponent.
        Span<byte> exponent = stackalloc byte[8];
        var exponentLength = n - e - 1;
        into.Slice(e + 1, exponentLength).CopyTo(exponent);
        n = e;
        if (into[..n].IndexOf((byte)'.') < 0)
        {
            into[n++] = (byte)'.';
            into[n++] = (byte)'0';
        }

        into[n++] = (byte)'e';
        exponent[..exponentLength].CopyTo(into[n..]);
        return n + exponentLength;
    }

    private static int Ascii(string text, Span<byte> into)
    {
        for (var i = 0; i < text.Length; i++)
        {
            into[i] = (byte)text[i];
        }

        return text.Length;
    }
}

/// <summary>The snapshots of a run of consecutive planned screenings (<see cref="From"/> to <see cref="To"/>, exclusive).</summary>
internal sealed class SnapshotChunk(SnapshotDialect dialect, ImportPlan plan)
{
    public ImportSnapshots Text { get; } = new(dialect, plan);

    public int From { get; set; }

    public int To { get; set; }

    /// <summary>Per screening of the run: where its snapshot starts in <see cref="Text"/>, and its length (0: none).</summary>
    public int[] Start { get; } = new int[SnapshotPipeline.ChunkSize];

    public int[] Length { get; } = new int[SnapshotPipeline.ChunkSize];

    public ReadOnlySpan<byte> Snapshot(int screening) => SnapshotMemory(screening).Span;

    /// <summary>The snapshot as UTF-8 in memory the chunk owns until it is recycled (what Npgsql writes to a text column as is).</summary>
    public ReadOnlyMemory<byte> SnapshotMemory(int screening) => Text.WrittenMemory.Slice(Start[screening - From], Length[screening - From]);
}

/// <summary>
/// Builds the screenings' snapshots on another thread, in plan order, a chunk at a time, while the writer inserts:
/// the JSON is CPU work that need not wait on the writer's thread. The channel is bounded, so at most a few chunks
/// (a few MB) are held, whatever the file's size; used chunks come back through <see cref="Recycle"/>.
/// </summary>
internal sealed class SnapshotPipeline
{
    public const int ChunkSize = 512;
    private readonly System.Collections.Concurrent.ConcurrentQueue<SnapshotChunk> free = new();
    private readonly System.Threading.Channels.Channel<SnapshotChunk> channel =
        System.Threading.Channels.Channel.CreateBounded<SnapshotChunk>(new System.Threading.Channels.BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });

    private SnapshotPipeline()
    {
    }

    public Task Builder { get; private set; } = Task.CompletedTask;

    /// <summary>Starts building; <paramref name="screening"/> gives the snapshot's fields for a new screening, null for one not created.</summary>
    /// <param name="trials">When given, where each test's trial arrays were written (offsets into its chunk's text).</param>
    public static SnapshotPipeline Start(SnapshotDialect dialect, ImportPlan plan, Func<int, SnapshotScreening?> screening, ImportSnapshots.TrialSpans[]? trials, CancellationToken ct)
    {
        var pipeline = new SnapshotPipeline();
        pipeline.Builder = Task.Run(async () =>
        {
            try
            {
                for (var from = 0; from < plan.Screenings.Count; from += ChunkSize)
                {
                    ct.ThrowIfCancellationRequested();
                    var chunk = pipeline.free.TryDequeue(out var used) ? used : new SnapshotChunk(dialect, plan);
                    chunk.Text.Clear();
                    chunk.From = from;
                    chunk.To = Math.Min(plan.Screenings.Count, from + ChunkSize);
                    for (var i = chunk.From; i < chunk.To; i++)
                    {
                        if (screening(i) is { } s)
                        {
                            (chunk.Start[i - from], chunk.Length[i - from]) = chunk.Text.Append(s, trials);
                        }
                        else
                        {
                            chunk.Length[i - from] = 0;
                        }
                    }

                    await pipeline.channel.Writer.WriteAsync(chunk, ct);
                }

                pipeline.channel.Writer.Complete();
            }
            catch (Exception e)
            {
                pipeline.channel.Writer.Complete(e);
            }
        }, ct);
        return pipeline;
    }

    /// <summary>The next chunk, in plan order.</summary>
    public async ValueTask<SnapshotChunk> NextAsync(CancellationToken ct) => await channel.Reader.ReadAsync(ct);

    public void Recycle(SnapshotChunk chunk) => free.Enqueue(chunk);
}
