namespace HipCheck.Core.Parsing;

/// <summary>What <see cref="Utf8CsvScanner.Next"/> found.</summary>
internal enum CsvRecordStatus
{
    /// <summary>A record: its fields are available until the next call.</summary>
    Record,

    /// <summary>The input is used up.</summary>
    End,

    /// <summary>The input cannot be read on (a quote never closed, text after a closing quote, a huge record).</summary>
    Malformed,
}

/// <summary>
/// Slices an RFC 4180 CSV from a stream into records and fields without a string per field: the input is read
/// in 1 MiB blocks and each field is a span of the block. A record cut by the end of a block is scanned again once
/// the block has been refilled (records are short, so this costs nothing measurable). The approach of the cohort
/// reader (<see cref="Studies.CohortCsvReader"/>), made reusable for the screening importer. The caller owns the stream.
/// </summary>
internal sealed class Utf8CsvScanner(Stream input)
{
    private const int BlockSize = 1 << 20;
    private const int MaxRecordBytes = 16 << 20;

    private byte[] buffer = new byte[BlockSize];
    private int start;
    private int end;
    private bool endOfInput;
    private bool started;
    private int[] fieldStart = new int[32];
    private int[] fieldLength = new int[32];
    private bool[] fieldEscaped = new bool[32];

    /// <summary>Fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The physical line (from 1) where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Why the input is malformed, after <see cref="CsvRecordStatus.Malformed"/>.</summary>
    public string? Problem { get; private set; }

    private long nextLine = 1;

    /// <summary>True when the current record is one empty field (a blank line).</summary>
    public bool IsBlank => FieldCount == 1 && fieldLength[0] == 0 && !fieldEscaped[0];

    /// <summary>Field <paramref name="f"/> of the current record, without its quotes; "" pairs become one quote.</summary>
    public ReadOnlySpan<byte> Field(int f)
    {
        var raw = buffer.AsSpan(fieldStart[f], fieldLength[f]);
        if (!fieldEscaped[f])
        {
            return raw;
        }

        // Unescape in place: the record is complete and is never scanned again, and the result is shorter.
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            raw[n++] = raw[i];
            if (raw[i] == (byte)'"')
            {
                i++;
            }
        }

        fieldLength[f] = n;
        fieldEscaped[f] = false;
        return raw[..n];
    }

    /// <summary>Moves to the next record.</summary>
    public CsvRecordStatus Next()
    {
        if (!started)
        {
            started = true;
            Fill();
            if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
            {
                start += 3; // a UTF-8 byte-order mark, as Excel writes
            }
        }

        while (true)
        {
            Line = nextLine;
            if (start == end && endOfInput)
            {
                FieldCount = 0;
                return CsvRecordStatus.End;
            }

            var scan = Scan(out var recordEnd, out var newlines);
            if (scan is { } status)
            {
                if (status == CsvRecordStatus.Record)
                {
                    nextLine += 1 + newlines;
                    start = recordEnd;
                }

                return status;
            }

            // Incomplete: keep the partial record, read more.
            if (start == 0 && end == buffer.Length)
            {
                if (buffer.Length >= MaxRecordBytes)
                {
                    Problem = "a record longer than 16 MiB: is a quote left open?";
                    return CsvRecordStatus.Malformed;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            Fill();
        }
    }

    /// <summary>One attempt to slice the record at <see cref="start"/>; null when the buffer ends before it does.</summary>
    private CsvRecordStatus? Scan(out int recordEnd, out int newlines)
    {
        var fields = 0;
        recordEnd = 0;
        newlines = 0;
        var b = buffer;
        var p = start;

        // The common case: a whole line without quotes in the buffer. Split it on commas in one pass.
        var rest = b.AsSpan(p, end - p);
        var lineLength = rest.IndexOf((byte)'\n');
        if (lineLength >= 0 && !rest[..lineLength].Contains((byte)'"'))
        {
            var record = rest[..lineLength];
            var fieldFrom = 0;
            int k;
            while ((k = record[fieldFrom..].IndexOf((byte)',')) >= 0)
            {
                AddField(ref fields, p + fieldFrom, k, false);
                fieldFrom += k + 1;
            }

            var last = lineLength - fieldFrom;
            if (last > 0 && record[^1] == (byte)'\r')
            {
                last--;
            }

            AddField(ref fields, p + fieldFrom, last, false);
            recordEnd = p + lineLength + 1;
            FieldCount = fields;
            return CsvRecordStatus.Record;
        }

        while (true)
        {
            if (p == end)
            {
                if (!endOfInput)
                {
                    return null;
                }

                AddField(ref fields, p, 0, false);
                recordEnd = p;
                FieldCount = fields;
                return CsvRecordStatus.Record;
            }

            if (b[p] == (byte)'"')
            {
                var q = p + 1;
                var escaped = false;
                while (true)
                {
                    var k = b.AsSpan(q, end - q).IndexOf((byte)'"');
                    if (k < 0)
                    {
                        if (!endOfInput)
                        {
                            return null;
                        }

                        Problem = "a quoted field is never closed";
                        return CsvRecordStatus.Malformed;
                    }

                    q += k;
                    if (q + 1 == end && !endOfInput)
                    {
                        return null;
                    }

                    if (q + 1 < end && b[q + 1] == (byte)'"')
                    {
                        escaped = true;
                        q += 2;
                        continue;
                    }

                    break;
                }

                newlines += b.AsSpan(p + 1, q - p - 1).Count((byte)'\n');
                AddField(ref fields, p + 1, q - p - 1, escaped);
                p = q + 1;
                if (p == end)
                {
                    if (!endOfInput)
                    {
                        return null;
                    }

                    recordEnd = p;
                    FieldCount = fields;
                    return CsvRecordStatus.Record;
                }

                if (b[p] == (byte)',')
                {
                    p++;
                    if (p == end && endOfInput)
                    {
                        AddField(ref fields, p, 0, false);
                        recordEnd = p;
                        FieldCount = fields;
                        return CsvRecordStatus.Record;
                    }

                    continue;
                }

                if (b[p] == (byte)'\r' && p + 1 == end && !endOfInput)
                {
                    return null;
                }

                if (b[p] == (byte)'\n' || (b[p] == (byte)'\r' && (p + 1 == end || b[p + 1] == (byte)'\n')))
                {
                    recordEnd = Math.Min(end, b[p] == (byte)'\r' ? p + 2 : p + 1);
                    FieldCount = fields;
                    return CsvRecordStatus.Record;
                }

                Problem = "unexpected text after a closing quote";
                return CsvRecordStatus.Malformed;
            }

            var n = b.AsSpan(p, end - p).IndexOfAny((byte)',', (byte)'\n');
            if (n < 0)
            {
                if (!endOfInput)
                {
                    return null;
                }

                var length = end - p;
                if (length > 0 && b[end - 1] == (byte)'\r')
                {
                    length--;
                }

                AddField(ref fields, p, length, false);
                recordEnd = end;
                FieldCount = fields;
                return CsvRecordStatus.Record;
            }

            if (b[p + n] == (byte)',')
            {
                AddField(ref fields, p, n, false);
                p += n + 1;
                continue;
            }

            var fieldLength = n > 0 && b[p + n - 1] == (byte)'\r' ? n - 1 : n;
            AddField(ref fields, p, fieldLength, false);
            recordEnd = p + n + 1;
            FieldCount = fields;
            return CsvRecordStatus.Record;
        }
    }

    private void AddField(ref int fields, int at, int length, bool escaped)
    {
        if (fields == fieldStart.Length)
        {
            Array.Resize(ref fieldStart, fields * 2);
            Array.Resize(ref fieldLength, fields * 2);
            Array.Resize(ref fieldEscaped, fields * 2);
        }

        fieldStart[fields] = at;
        fieldLength[fields] = length;
        fieldEscaped[fields] = escaped;
        fields++;
    }

    /// <summary>Moves the unparsed tail to the front of the buffer and reads until it is full or the input ends.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        while (end < buffer.Length && !endOfInput)
        {
            var n = input.Read(buffer, end, buffer.Length - end);
            if (n == 0)
            {
                endOfInput = true;
                break;
            }

            end += n;
        }
    }
}
