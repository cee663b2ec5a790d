using System.Globalization;
using System.Text;

namespace HipCheck.Core.Studies;

/// <summary>
/// The state of one read: a block buffer over the stream, the header's column map, the growing columns and the
/// errors. Records are sliced in place; a record cut by the end of a block is parsed again once the block has
/// been refilled (records are short, so this costs nothing measurable).
/// </summary>
internal sealed class CohortCsvParser
{
    private const int BlockSize = 1 << 20;
    private const int MaxRecordBytes = 16 << 20;

    // Column ids, in codebook order.
    private const int IdCol = 0, SexCol = 1, MassCol = 2, ExtLeftCol = 3, ExtRightCol = 4, AbdLeftCol = 5,
        AbdRightCol = 6, BackCol = 7, FollowupCol = 8, EventCol = 9, DaysCol = 10, ColumnCount = 11;

    private readonly Stream input;
    private readonly CohortReadOptions options;
    private readonly long totalBytes;
    private byte[] buffer = new byte[BlockSize];
    private int start;
    private int end;
    private bool endOfInput;
    private long bytesRead;
    private long line = 1;

    private static readonly bool[] Required = [.. CohortCodebook.Columns.Select(c => c.Required)];

    private readonly List<CohortRowError> errors = [];
    private int invalidRows;

    // Fields of the current record: where each starts and how long it is in the buffer.
    private int[] fieldStart = new int[16];
    private int[] fieldLength = new int[16];
    private bool[] fieldEscaped = new bool[16];
    private int[] fieldToColumn = [];
    private int[] absentColumns = [];
    private byte[] scratch = new byte[256];

    // The columns being filled; count = rows kept so far.
    private int capacity;
    private int count;
    private bool[] female = [];
    private double[][] numbers = [];
    private bool[] lbpEvent = [];

    // Athlete ids, for the uniqueness check: bytes of every kept id back to back, where each starts, its line,
    // and its 64-bit hash. Repeats are looked for once the file is read (RefuseRepeatedIds).
    private byte[] idBytes = new byte[1 << 16];
    private int idBytesUsed;
    private int[] idOffset = [];
    private int[] idLine = [];
    private ulong[] idHash = [];

    public CohortCsvParser(Stream input, CohortReadOptions options)
    {
        this.input = input;
        this.options = options;
        totalBytes = input.CanSeek ? Math.Max(0, input.Length - input.Position) : -1;
    }

    public CohortReadResult Run()
    {
        Fill();
        if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            start += 3;
        }

        if (!ReadHeader())
        {
            return new CohortReadResult(null, errors, 0, 0);
        }

        Grow(1024);
        while (true)
        {
            var status = NextRecord(out var fields, out var recordEnd, out var newlines);
            if (status == RecordStatus.End)
            {
                break;
            }

            if (status == RecordStatus.Malformed)
            {
                break;
            }

            var recordLine = line;
            line += 1 + newlines;
            start = recordEnd;
            if (fields == 1 && fieldLength[0] == 0 && !fieldEscaped[0] && fieldToColumn.Length != 1)
            {
                continue; // a blank line
            }

            ReadRow(fields, recordLine);
        }

        RefuseRepeatedIds();
        var data = invalidRows > 0 && !options.SkipInvalid ? null : Build();
        return new CohortReadResult(data, errors, invalidRows, options.SkipInvalid ? invalidRows : 0);
    }

    private bool ReadHeader()
    {
        var status = NextRecord(out var fields, out var recordEnd, out var newlines);
        if (status != RecordStatus.Complete)
        {
            if (status == RecordStatus.End)
            {
                AddError(1, null, "the file is empty: a header naming the columns is required");
            }

            return false;
        }

        fieldToColumn = new int[fields];
        var seen = new int[ColumnCount];
        Array.Fill(seen, -1);
        for (var f = 0; f < fields; f++)
        {
            var name = Encoding.UTF8.GetString(Field(f)).Trim();
            var column = -1;
            for (var c = 0; c < ColumnCount; c++)
            {
                if (string.Equals(name, CohortCodebook.Columns[c].Name, StringComparison.OrdinalIgnoreCase))
                {
                    column = c;
                }
            }

            if (column >= 0 && seen[column] >= 0)
            {
                AddError(1, CohortCodebook.Columns[column].Name, "the column appears twice in the header");
            }
            else if (column >= 0)
            {
                seen[column] = f;
            }

            fieldToColumn[f] = column;
        }

        absentColumns = [.. Enumerable.Range(0, ColumnCount).Where(c => seen[c] < 0)];
        for (var c = 0; c < ColumnCount; c++)
        {
            if (seen[c] < 0 && CohortCodebook.Columns[c].Required)
            {
                AddError(1, CohortCodebook.Columns[c].Name, "the header lacks this required column");
            }
        }

        line += 1 + newlines;
        start = recordEnd;
        return errors.Count == 0;
    }

    private void ReadRow(int fields, long recordLine)
    {
        if (fields != fieldToColumn.Length)
        {
            Invalid(recordLine, null, string.Create(CultureInfo.InvariantCulture,
                $"expected {fieldToColumn.Length} fields as in the header, found {fields}"));
            return;
        }

        if (count == capacity)
        {
            Grow(EstimateCapacity());
        }

        var errorsBefore = invalidRowErrors;
        var hasSex = false;
        var hasEvent = false;
        var hasId = false;
        ReadOnlySpan<byte> id = default;
        foreach (var c in absentColumns)
        {
            numbers[c][count] = double.NaN; // optional columns may be absent from the header
        }

        for (var f = 0; f < fields; f++)
        {
            var column = fieldToColumn[f];
            if (column < 0)
            {
                continue;
            }

            var value = Field(f).Trim((byte)' ');
            switch (column)
            {
                case IdCol:
                    if (value.IsEmpty)
                    {
                        FieldError(recordLine, column, "a value is required");
                    }

                    hasId = !value.IsEmpty;
                    id = value;
                    break;
                case SexCol:
                    if (value.Length == 1 && (value[0] == (byte)'F' || value[0] == (byte)'M'))
                    {
                        female[count] = value[0] == (byte)'F';
                        hasSex = true;
                    }
                    else
                    {
                        FieldError(recordLine, column, $"must be F or M (found {Quote(value)})");
                    }

                    break;
                case EventCol:
                    if (value.Length == 1 && (value[0] == (byte)'0' || value[0] == (byte)'1'))
                    {
                        lbpEvent[count] = value[0] == (byte)'1';
                        hasEvent = true;
                    }
                    else
                    {
                        FieldError(recordLine, column, $"must be 0 or 1 (found {Quote(value)})");
                    }

                    break;
                default:
                    numbers[column][count] = Number(value, column, recordLine);
                    break;
            }
        }

        if (invalidRowErrors == errorsBefore && hasSex && hasEvent)
        {
            var days = numbers[DaysCol][count];
            var followup = numbers[FollowupCol][count];
            if (days > followup)
            {
                FieldError(recordLine, DaysCol, string.Create(CultureInfo.InvariantCulture,
                    $"{days} is after the end of follow-up (followup_days {followup})"));
            }
        }

        if (invalidRowErrors != errorsBefore)
        {
            invalidRows++;
            return;
        }

        if (hasId)
        {
            KeepId(id, recordLine);
        }

        count++;
    }

    private int invalidRowErrors;

    private double Number(ReadOnlySpan<byte> value, int column, long recordLine)
    {
        var required = Required[column];
        if (value.IsEmpty)
        {
            if (required)
            {
                FieldError(recordLine, column, "a value is required");
            }

            return double.NaN;
        }

        if (!CohortCsvReader.TryParseNumber(value, out var number))
        {
            FieldError(recordLine, column, $"{Quote(value)} is not a number");
            return double.NaN;
        }

        // Forces, body mass and follow-up must be positive; durations and event days may be zero.
        var zeroAllowed = column is BackCol or DaysCol;
        if (number < 0 || (number == 0 && !zeroAllowed))
        {
            FieldError(recordLine, column, string.Create(CultureInfo.InvariantCulture,
                $"must be {(zeroAllowed ? "0 or more" : "greater than 0")} (found {number})"));
        }

        return number;
    }

    private void FieldError(long recordLine, int column, string message)
    {
        invalidRowErrors++;
        AddError(recordLine, CohortCodebook.Columns[column].Name, message);
    }

    private void Invalid(long recordLine, string? column, string message)
    {
        invalidRows++;
        AddError(recordLine, column, message);
    }

    private void AddError(long recordLine, string? column, string message)
    {
        if (errors.Count < options.MaxErrorsListed)
        {
            errors.Add(new CohortRowError(recordLine, column, message));
        }
    }

    private static string Quote(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.Length > 40 ? value[..40] : value);
        return value.Length > 40 ? $"'{text}...'" : $"'{text}'";
    }

    private ReadOnlySpan<byte> Field(int f)
    {
        var raw = new ReadOnlySpan<byte>(buffer, fieldStart[f], fieldLength[f]);
        if (!fieldEscaped[f])
        {
            return raw;
        }

        // A quoted field holding "" pairs: copy it without the doubled quotes.
        if (scratch.Length < raw.Length)
        {
            scratch = new byte[raw.Length * 2];
        }

        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            scratch[n++] = raw[i];
            if (raw[i] == (byte)'"')
            {
                i++;
            }
        }

        return scratch.AsSpan(0, n);
    }

    private enum RecordStatus
    {
        Complete,
        End,
        Malformed,
    }

    /// <summary>Slices the next record into fields, refilling the buffer when the record runs past its end.</summary>
    private RecordStatus NextRecord(out int fields, out int recordEnd, out int newlines)
    {
        while (true)
        {
            fields = 0;
            recordEnd = 0;
            newlines = 0;
            if (start == end && endOfInput)
            {
                return RecordStatus.End;
            }

            var scan = Scan(out fields, out recordEnd, out newlines);
            if (scan != null)
            {
                return scan.Value;
            }

            // Incomplete: keep the partial record, read more.
            if (start == 0 && end == buffer.Length)
            {
                if (buffer.Length >= MaxRecordBytes)
                {
                    AddError(line, null, "a record longer than 16 MiB: is a quote left open?");
                    invalidRows++;
                    return RecordStatus.Malformed;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            Fill();
        }
    }

    /// <summary>One attempt to slice the record at <see cref="start"/>; null when the buffer ends before it does.</summary>
    private RecordStatus? Scan(out int fields, out int recordEnd, out int newlines)
    {
        fields = 0;
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
            for (var k = 0; k < record.Length; k++)
            {
                if (record[k] == (byte)',')
                {
                    AddField(ref fields, p + fieldFrom, k - fieldFrom, false);
                    fieldFrom = k + 1;
                }
            }

            var last = lineLength - fieldFrom;
            if (last > 0 && record[^1] == (byte)'\r')
            {
                last--;
            }

            AddField(ref fields, p + fieldFrom, last, false);
            recordEnd = p + lineLength + 1;
            return RecordStatus.Complete;
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
                return RecordStatus.Complete;
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

                        AddError(line, null, "a quoted field is never closed");
                        invalidRows++;
                        return RecordStatus.Malformed;
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
                    return RecordStatus.Complete;
                }

                if (b[p] == (byte)',')
                {
                    p++;
                    if (p == end && endOfInput)
                    {
                        AddField(ref fields, p, 0, false);
                        recordEnd = p;
                        return RecordStatus.Complete;
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
                    return RecordStatus.Complete;
                }

                AddError(line, null, "unexpected text after a closing quote");
                invalidRows++;
                return RecordStatus.Malformed;
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
                return RecordStatus.Complete;
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
            return RecordStatus.Complete;
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
            bytesRead += n;
        }

        options.Progress?.Invoke(bytesRead);
    }

    /// <summary>
    /// Sizes the columns from the rows seen so far and the bytes left, so a seekable file of a million rows
    /// grows its columns about twice rather than twenty times; the slack
    /// (about 5 %) is left in place rather than copied away.
    /// </summary>
    private int EstimateCapacity()
    {
        var doubled = Math.Max(1024, capacity * 2);
        var consumed = bytesRead - (end - start);
        if (totalBytes <= 0 || count < 1000 || consumed <= 0)
        {
            return doubled;
        }

        var estimate = (long)(count * (double)totalBytes / consumed * 1.05) + 1024;
        return (int)Math.Clamp(estimate, capacity + 1024, Array.MaxLength);
    }

    private void Grow(int newCapacity)
    {
        if (numbers.Length == 0)
        {
            numbers = new double[ColumnCount][];
            for (var c = MassCol; c <= DaysCol; c++)
            {
                numbers[c] = [];
            }
        }

        for (var c = MassCol; c <= DaysCol; c++)
        {
            if (c != EventCol)
            {
                Array.Resize(ref numbers[c], newCapacity);
            }
        }

        Array.Resize(ref female, newCapacity);
        Array.Resize(ref lbpEvent, newCapacity);
        Array.Resize(ref idOffset, newCapacity + 1);
        Array.Resize(ref idLine, newCapacity);
        Array.Resize(ref idHash, newCapacity);
        capacity = newCapacity;
    }

    private CohortData Build() => new(
        count, female, numbers[MassCol], numbers[ExtLeftCol], numbers[ExtRightCol], numbers[AbdLeftCol],
        numbers[AbdRightCol], numbers[BackCol], numbers[FollowupCol], lbpEvent, numbers[DaysCol]);

    /// <summary>Keeps the id of row <see cref="count"/> for the uniqueness check.</summary>
    private void KeepId(ReadOnlySpan<byte> id, long recordLine)
    {
        if (idBytesUsed + id.Length > idBytes.Length)
        {
            Array.Resize(ref idBytes, Math.Max(idBytes.Length * 2, idBytesUsed + id.Length));
        }

        idOffset[count] = idBytesUsed;
        id.CopyTo(idBytes.AsSpan(idBytesUsed));
        idBytesUsed += id.Length;
        idOffset[count + 1] = idBytesUsed;
        idLine[count] = (int)Math.Min(recordLine, int.MaxValue);
        idHash[count] = IdHash(id);
    }

    private ReadOnlySpan<byte> Id(int row) => idBytes.AsSpan(idOffset[row], idOffset[row + 1] - idOffset[row]);

    /// <summary>
    /// Finds every row whose athlete id an earlier row already has, reports it on its line, and drops it when
    /// invalid rows are skipped. Checking after the read rather than row by row keeps the check cache-friendly:
    /// the hashes are split by their top bits into partitions of about a thousand (one sequential pass), and each
    /// partition gets a small open-addressing table that stays in cache. Row by row, a table for a million ids
    /// misses the cache on every insert (about 0.2 s on 10^6 rows, measured).
    /// </summary>
    private void RefuseRepeatedIds()
    {
        var n = count;
        if (n < 2)
        {
            return;
        }

        var bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)n) - 10, 0, 16);
        var partitions = 1 << bits;
        int Partition(ulong hash) => bits == 0 ? 0 : (int)(hash >> (64 - bits));
        var bounds = new int[partitions + 1];
        for (var i = 0; i < n; i++)
        {
            bounds[Partition(idHash[i]) + 1]++;
        }

        for (var p = 0; p < partitions; p++)
        {
            bounds[p + 1] += bounds[p];
        }

        var fill = bounds[..^1];
        var hashes = new ulong[n];
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            var at = fill[Partition(idHash[i])]++;
            hashes[at] = idHash[i];
            rows[at] = i; // rows stay in file order within a partition, so the first occurrence is met first
        }

        var repeated = new List<(int Row, int First)>();
        var table = Array.Empty<int>();
        for (var p = 0; p < partitions; p++)
        {
            var size = 16;
            while (size < 2 * (bounds[p + 1] - bounds[p]))
            {
                size *= 2;
            }

            if (table.Length < size)
            {
                table = new int[size];
            }

            Array.Clear(table, 0, size);
            for (var k = bounds[p]; k < bounds[p + 1]; k++)
            {
                var slot = (int)hashes[k] & (size - 1);
                var first = -1;
                while (table[slot] != 0)
                {
                    var other = table[slot] - 1;
                    if (hashes[other] == hashes[k] && Id(rows[other]).SequenceEqual(Id(rows[k])))
                    {
                        first = rows[other];
                        break;
                    }

                    slot = (slot + 1) & (size - 1);
                }

                if (first >= 0)
                {
                    repeated.Add((rows[k], first));
                }
                else
                {
                    table[slot] = k + 1;
                }
            }
        }

        if (repeated.Count == 0)
        {
            return;
        }

        repeated.Sort();
        foreach (var (row, first) in repeated)
        {
            invalidRows++;
            errors.Add(new CohortRowError(idLine[row], CohortCodebook.AthleteId, string.Create(CultureInfo.InvariantCulture,
                $"{Quote(Id(row))} already appears on line {idLine[first]}: one row per athlete")));
        }

        // Errors are listed in line order; the listing keeps the first ones.
        errors.Sort((x, y) => x.Line.CompareTo(y.Line));
        if (errors.Count > options.MaxErrorsListed)
        {
            errors.RemoveRange(options.MaxErrorsListed, errors.Count - options.MaxErrorsListed);
        }

        if (options.SkipInvalid)
        {
            DropRows([.. repeated.Select(r => r.Row)]);
        }
    }

    /// <summary>Removes rows (ascending) from every column, keeping the order of the others.</summary>
    private void DropRows(int[] dropped)
    {
        var kept = 0;
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (next < dropped.Length && dropped[next] == i)
            {
                next++;
                continue;
            }

            female[kept] = female[i];
            lbpEvent[kept] = lbpEvent[i];
            for (var c = MassCol; c <= DaysCol; c++)
            {
                if (c != EventCol)
                {
                    numbers[c][kept] = numbers[c][i];
                }
            }

            kept++;
        }

        count = kept;
    }

    /// <summary>A 64-bit hash of an id, 8 bytes at a time with the MurmurHash3 finaliser as the mixer.</summary>
    private static ulong IdHash(ReadOnlySpan<byte> id)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)id.Length;
        while (id.Length >= 8)
        {
            h = Mix(h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(id));
            id = id[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < id.Length; i++)
        {
            tail |= (ulong)id[i] << (8 * i);
        }

        return Mix(h ^ tail);

        static ulong Mix(ulong x)
        {
            x = (x ^ (x >> 33)) * 0xff51afd7ed558ccdUL;
            x = (x ^ (x >> 33)) * 0xc4ceb9fe1a85ec53UL;
            return x ^ (x >> 33);
        }
    }
}
