using System.Globalization;
using System.Text;
using HipCheck.Core.Athletes;
using HipCheck.Core.Parsing;
using HipCheck.Core.Measurement;
using HipCheck.Core.Studies;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Import;

/// <summary>
/// The state of one read: the header's column map, the athletes and screenings met so far, the valid rows and the
/// errors. Fields are read as spans of the scanner's block; a string is made only for what is stored (an athlete's
/// id and name once) or reported.
/// </summary>
internal sealed class ScreeningImportParser
{
    private static readonly byte[][] TestCodes = [.. TestCatalogue.All.Select(t => Encoding.UTF8.GetBytes(t.Code))];
    private static readonly ImportColumn[] DetailColumns =
        [ImportColumn.Name, ImportColumn.Sex, ImportColumn.BirthDate, ImportColumn.HeightCm, ImportColumn.DominantLeg];

    private static readonly ImportColumn[] LeftColumns = [ImportColumn.Left1, ImportColumn.Left2, ImportColumn.Left3];
    private static readonly ImportColumn[] RightColumns = [ImportColumn.Right1, ImportColumn.Right2, ImportColumn.Right3];

    private readonly Utf8CsvScanner scanner;
    private readonly ImportReadOptions options;
    private readonly DateOnly latestDate;
    private ImportLayoutSpec spec = ImportLayoutSpec.ScreeningCsv;

    // Column -> field index in the file (-1 when absent), and the header text of each present column.
    private readonly int[] fieldOf = new int[ImportLayoutSpec.ColumnCount];
    private readonly string[] columnName = new string[ImportLayoutSpec.ColumnCount];
    private int headerFields;

    private readonly List<ImportAthlete> athletes = [];
    private readonly Dictionary<string, int> athleteIndex = new(StringComparer.Ordinal);
    private readonly List<ImportScreening> screenings = [];
    private readonly List<byte> screeningTests = [];
    private readonly Dictionary<long, int> screeningIndex = [];
    private readonly List<ImportTest> tests = [];
    private readonly List<ImportRowError> errors = [];
    private int unlisted;
    private int rows;
    private int rejectedRows;
    private int rowErrors;

    private readonly FieldErrors fieldErrors = new();
    private char[] chars = new char[256];
    private byte[] detailScratch = new byte[256];
    private byte[] lastIdBytes = new byte[64];
    private int lastIdLength = -1;
    private int lastAthlete = -1;
    private readonly double[] left = new double[3];
    private readonly double[] right = new double[3];
    private readonly int[] leftColumnOf = new int[3];
    private readonly int[] rightColumnOf = new int[3];

    public ScreeningImportParser(Stream input, ImportReadOptions options)
    {
        scanner = new Utf8CsvScanner(input);
        this.options = options;
        latestDate = options.Today.AddDays(1);
    }

    public ScreeningImport Run()
    {
        if (!ReadHeader())
        {
            return Result(readable: false);
        }

        while (true)
        {
            var status = scanner.Next();
            if (status == CsvRecordStatus.End)
            {
                break;
            }

            if (status == CsvRecordStatus.Malformed)
            {
                AddError(scanner.Line, null, scanner.Problem!);
                return Result(readable: false);
            }

            if (scanner.IsBlank && headerFields != 1)
            {
                continue;
            }

            rows++;
            ReadRow(scanner.Line);
        }

        return Result(readable: true);
    }

    private ScreeningImport Result(bool readable)
    {
        var result = new ScreeningImport(spec.Layout, athletes, screenings, tests, errors, rows, rejectedRows, readable, options.MaxErrorsListed)
        {
            AthleteIdColumn = Name(ImportColumn.AthleteId),
            DateColumn = Name(ImportColumn.Date),
        };
        result.CountUnlisted(unlisted);
        return result;
    }

    private bool ReadHeader()
    {
        var status = scanner.Next();
        if (status != CsvRecordStatus.Record)
        {
            AddError(1, null, status == CsvRecordStatus.End
                ? "the file is empty: a header naming the columns is required"
                : scanner.Problem!);
            return false;
        }

        headerFields = scanner.FieldCount;
        var header = new string[headerFields];
        for (var f = 0; f < headerFields; f++)
        {
            header[f] = Encoding.UTF8.GetString(scanner.Field(f)).Trim();
        }

        spec = options.Layout is { } layout ? ImportLayoutSpec.For(layout) : ImportLayoutSpec.Recognise(header);
        Array.Fill(fieldOf, -1);
        foreach (var (column, names) in spec.Names)
        {
            columnName[(int)column] = names[0];
            for (var f = 0; f < headerFields; f++)
            {
                if (!names.Contains(header[f], StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (fieldOf[(int)column] >= 0)
                {
                    AddError(1, header[f], "the column appears twice in the header");
                }
                else
                {
                    fieldOf[(int)column] = f;
                    columnName[(int)column] = header[f];
                }
            }
        }

        foreach (var column in spec.Required.Order())
        {
            if (fieldOf[(int)column] < 0)
            {
                AddError(1, spec.Names[column][0], "the header lacks this required column");
            }
        }

        return errors.Count == 0;
    }

    private ReadOnlySpan<byte> Value(ImportColumn column) =>
        fieldOf[(int)column] is var f and >= 0 ? scanner.Field(f).Trim((byte)' ') : default;

    private string Name(ImportColumn column) =>
        columnName[(int)column] ?? (spec.Names.TryGetValue(column, out var names) ? names[0] : column.ToString());

    private void ReadRow(long line)
    {
        if (scanner.FieldCount != headerFields)
        {
            rejectedRows++;
            AddError(line, null, string.Create(CultureInfo.InvariantCulture,
                $"expected {headerFields} fields as in the header, found {scanner.FieldCount}"));
            return;
        }

        var before = rowErrors;

        // The athlete.
        var id = Value(ImportColumn.AthleteId);
        var athlete = -1;
        if (id.IsEmpty)
        {
            Error(line, ImportColumn.AthleteId, "a value is required");
        }
        else if (id.Length > 64)
        {
            Error(line, ImportColumn.AthleteId, "an athlete id can be at most 64 characters");
        }
        else
        {
            athlete = FindOrAddAthlete(id, line);
        }

        var bodyMass = OptionalNumber(line, ImportColumn.BodyMassKg);
        if (bodyMass is { } mass && (mass < AthleteProfile.MinBodyMassKg || mass > AthleteProfile.MaxBodyMassKg))
        {
            Error(line, ImportColumn.BodyMassKg, $"body mass must be between {AthleteProfile.MinBodyMassKg} and {AthleteProfile.MaxBodyMassKg} kg (found {Format(mass)})");
            bodyMass = null;
        }

        ImportAthleteDetails? details = null;
        if (athlete >= 0 && spec.Layout == ImportLayout.ScreeningCsv)
        {
            details = ReadDetails(line, athletes[athlete], bodyMass);
        }

        // The day.
        var date = ReadDate(line);
        var birthDate = details?.BirthDate ?? (athlete >= 0 ? athletes[athlete].Details?.BirthDate : null);
        if (date is { } d && birthDate is { } born && d < born)
        {
            Error(line, ImportColumn.Date, $"the screening date {d:yyyy-MM-dd} is before the athlete's birth date {born:yyyy-MM-dd}");
        }

        // The test.
        var test = ReadTest(line);
        ImportTest? row = null;
        if (test is not null)
        {
            row = ReadMeasurement(line, test);
        }

        if (rowErrors != before || row is null || athlete < 0 || date is null)
        {
            Reject(before);
            return;
        }

        if (details is not null && athletes[athlete].Details is null)
        {
            athletes[athlete].Details = details;
            athletes[athlete].DetailsLine = line;
        }

        // The screening this row belongs to: one per athlete and day.
        var key = ((long)athlete << 32) | (uint)date.Value.DayNumber;
        if (!screeningIndex.TryGetValue(key, out var screening))
        {
            screening = screenings.Count;
            screeningIndex[key] = screening;
            screenings.Add(new ImportScreening(athlete, date.Value, bodyMass, line));
            screeningTests.Add(0);
        }
        else
        {
            var existing = screenings[screening];
            if (bodyMass is { } m && existing.BodyMassKg is { } first && m != first)
            {
                Error(line, ImportColumn.BodyMassKg, string.Create(CultureInfo.InvariantCulture,
                    $"{Format(m)} kg differs from {Format(first)} kg given for the same athlete and date on line {existing.FirstLine}"));
                Reject(before);
                return;
            }

            if (bodyMass is not null && existing.BodyMassKg is null)
            {
                screenings[screening] = existing with { BodyMassKg = bodyMass };
            }
        }

        var bit = (byte)(1 << TestIndex(test!));
        if ((screeningTests[screening] & bit) != 0)
        {
            var earlier = tests.FindLast(t => t.Screening == screening && t.Test == test)!;
            Error(line, ImportColumn.Test, $"{test!.Code} of athlete '{athletes[athlete].ExternalId}' on {date.Value:yyyy-MM-dd} is already on line {earlier.Line}");
            Reject(before);
            return;
        }

        screeningTests[screening] |= bit;
        tests.Add(row with { Screening = screening });
    }

    private void Reject(int errorsBefore)
    {
        if (rowErrors == errorsBefore)
        {
            rowErrors++; // a row without a field error of its own (e.g. no test) still counts once
        }

        rejectedRows++;
    }

    private static int TestIndex(TestDefinition test)
    {
        for (var i = 0; i < TestCatalogue.All.Count; i++)
        {
            if (ReferenceEquals(TestCatalogue.All[i], test))
            {
                return i;
            }
        }

        throw new ArgumentException($"Test '{test.Code}' is not in the catalogue.", nameof(test));
    }

    private int FindOrAddAthlete(ReadOnlySpan<byte> id, long line)
    {
        // Rows of one athlete usually come together: compare with the last id before hashing.
        if (lastIdLength == id.Length && id.SequenceEqual(lastIdBytes.AsSpan(0, lastIdLength)))
        {
            return lastAthlete;
        }

        if (chars.Length < id.Length)
        {
            chars = new char[id.Length * 2];
        }

        var n = Encoding.UTF8.GetChars(id, chars);
        var lookup = athleteIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars.AsSpan(0, n), out var index))
        {
            index = athletes.Count;
            var externalId = new string(chars, 0, n);
            athletes.Add(new ImportAthlete(externalId, line));
            athleteIndex[externalId] = index;
        }

        if (lastIdBytes.Length < id.Length)
        {
            lastIdBytes = new byte[id.Length * 2];
        }

        id.CopyTo(lastIdBytes);
        lastIdLength = id.Length;
        lastAthlete = index;
        return index;
    }

    /// <summary>
    /// The athlete columns of a row: none, or all of them (the first time; later rows may repeat them, and must then
    /// agree). Returns the details when the row gives valid ones.
    /// </summary>
    private ImportAthleteDetails? ReadDetails(long line, ImportAthlete athlete, double? rowBodyMass)
    {
        // The raw bytes of the detail fields, to recognise a repeat of what an earlier row said without parsing.
        var length = 0;
        var any = false;
        foreach (var column in DetailColumns)
        {
            var value = Value(column);
            any |= !value.IsEmpty;
            if (detailScratch.Length < length + value.Length + 1)
            {
                Array.Resize(ref detailScratch, (length + value.Length + 1) * 2);
            }

            value.CopyTo(detailScratch.AsSpan(length));
            length += value.Length;
            detailScratch[length++] = 0x1F;
        }

        if (!any)
        {
            return null;
        }

        var raw = detailScratch.AsSpan(0, length);
        if (athlete.DetailsBytes is { } known && raw.SequenceEqual(known))
        {
            return athlete.Details;
        }

        var name = Text(ImportColumn.Name);
        var sex = Text(ImportColumn.Sex);
        var birth = Text(ImportColumn.BirthDate);
        var height = OptionalNumber(line, ImportColumn.HeightCm);
        var leg = Text(ImportColumn.DominantLeg);
        DateOnly? birthDate = null;
        if (birth is not null)
        {
            if (TryParseDate(Value(ImportColumn.BirthDate), out var b))
            {
                birthDate = b;
            }
            else
            {
                Error(line, ImportColumn.BirthDate, $"'{birth}' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        // A body mass is needed to create the athlete; a later row may leave it to the first.
        var mass = rowBodyMass ?? athlete.Details?.BodyMassKg;
        var before = rowErrors;
        foreach (var problem in AthleteProfile.Validate(name, sex, birthDate, mass, height, null, leg, options.Today))
        {
            var column = problem.Field switch
            {
                "name" => ImportColumn.Name,
                "sex" => ImportColumn.Sex,
                "birthDate" => ImportColumn.BirthDate,
                "bodyMassKg" => ImportColumn.BodyMassKg,
                "heightCm" => ImportColumn.HeightCm,
                _ => ImportColumn.DominantLeg,
            };
            if ((column == ImportColumn.BodyMassKg && Value(ImportColumn.BodyMassKg).Length > 0)
                || (column == ImportColumn.HeightCm && height is null && Value(ImportColumn.HeightCm).Length > 0))
            {
                continue; // already reported: as the row's body mass, or as a height that is not a number
            }

            Error(line, column, Lower(problem.Message));
        }

        // A body mass or height that is not a number was reported (above) and left no value to create the athlete.
        if (rowErrors != before || mass is null || height is null)
        {
            return null;
        }

        _ = AthleteProfile.TryParseSex(sex, out var parsedSex);
        _ = AthleteProfile.TryParseSide(leg, out var parsedLeg);
        var details = new ImportAthleteDetails(name!.Trim(), parsedSex, birthDate!.Value, mass.Value, height.Value, parsedLeg);
        if (athlete.Details is { } earlier)
        {
            var differs = !string.Equals(earlier.Name, details.Name, StringComparison.Ordinal) ? ImportColumn.Name
                : earlier.Sex != details.Sex ? ImportColumn.Sex
                : earlier.BirthDate != details.BirthDate ? ImportColumn.BirthDate
                : earlier.HeightCm != details.HeightCm ? ImportColumn.HeightCm
                : earlier.DominantLeg != details.DominantLeg ? ImportColumn.DominantLeg
                : (ImportColumn?)null;
            if (differs is { } c)
            {
                Error(line, c, $"'{Encoding.UTF8.GetString(Value(c))}' differs from what line {athlete.DetailsLine} gives for athlete '{athlete.ExternalId}'");
                return null;
            }

            return earlier;
        }

        athlete.DetailsBytes = raw.ToArray();
        return details;
    }

    private DateOnly? ReadDate(long line)
    {
        var value = Value(ImportColumn.Date);
        if (value.IsEmpty)
        {
            Error(line, ImportColumn.Date, "a value is required");
            return null;
        }

        if (!TryParseDate(value, out var date))
        {
            Error(line, ImportColumn.Date, $"{Quote(value)} is not a date (YYYY-MM-DD)");
            return null;
        }

        if (date > latestDate)
        {
            Error(line, ImportColumn.Date, $"the screening date {date:yyyy-MM-dd} is in the future");
            return null;
        }

        return date;
    }

    private TestDefinition? ReadTest(long line)
    {
        var value = Value(ImportColumn.Test);
        if (value.IsEmpty)
        {
            Error(line, ImportColumn.Test, "a value is required");
            return null;
        }

        if (spec.Layout == ImportLayout.DynamometerExport)
        {
            var mapped = DynamometerTests.Map(Encoding.UTF8.GetString(value), Text(ImportColumn.Direction) ?? "", out var problem);
            if (mapped is null)
            {
                Error(line, ImportColumn.Test, problem!);
            }

            return mapped;
        }

        for (var i = 0; i < TestCodes.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(value, TestCodes[i]))
            {
                return TestCatalogue.All[i];
            }
        }

        Error(line, ImportColumn.Test, $"unknown test {Quote(value)}: use one of {string.Join(", ", TestCatalogue.All.Select(t => t.Code))}");
        return null;
    }

    /// <summary>The unit, trials, hold time and lever arm, checked by the same rules as the screening form and API.</summary>
    private ImportTest? ReadMeasurement(long line, TestDefinition test)
    {
        var before = rowErrors;
        var unit = spec.FixedUnit ?? UnitText(Value(ImportColumn.Unit));
        var leftCount = Trials(line, LeftColumns, left, leftColumnOf);
        var rightCount = Trials(line, RightColumns, right, rightColumnOf);
        var seconds = OptionalNumber(line, ImportColumn.Seconds);
        var lever = OptionalNumber(line, ImportColumn.LeverArmM);
        if (rowErrors != before)
        {
            return null;
        }

        var leftTrials = left.AsSpan(0, leftCount).ToArray();
        var rightTrials = right.AsSpan(0, rightCount).ToArray();
        var entry = new TestEntry(test.Code, unit, leftCount > 0 ? leftTrials : null, rightCount > 0 ? rightTrials : null, lever, seconds);
        fieldErrors.Clear();
        ScreeningEvaluator.ValidateTest(test, entry, fieldErrors);
        foreach (var problem in fieldErrors.All)
        {
            AddFieldError(line, problem);
        }

        if (rowErrors != before)
        {
            return null;
        }

        string? enteredUnit = null;
        if (test.Kind == MeasureKind.Force && ForceUnits.TryParse(unit, out var forceUnit))
        {
            enteredUnit = ForceUnits.Symbol(forceUnit);
            if (forceUnit != ForceUnit.Newton)
            {
                ToNewtons(leftTrials, forceUnit);
                ToNewtons(rightTrials, forceUnit);
            }
        }

        return test.Sided
            ? new ImportTest(line, -1, test, enteredUnit, lever, null, leftTrials, rightTrials)
            : new ImportTest(line, -1, test, null, null, seconds, [], []);
    }

    private static void ToNewtons(double[] trials, ForceUnit unit)
    {
        for (var i = 0; i < trials.Length; i++)
        {
            trials[i] = ForceUnits.ToNewtons(trials[i], unit);
        }
    }

    private void AddFieldError(long line, FieldError problem)
    {
        var field = problem.Field;
        ImportColumn column;
        if (field.StartsWith("left", StringComparison.Ordinal) || field.StartsWith("right", StringComparison.Ordinal))
        {
            var isLeft = field[0] == 'l';
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            var trial = bracket < 0 ? 0 : int.Parse(field.AsSpan(bracket + 1, field.Length - bracket - 2), CultureInfo.InvariantCulture);
            column = (ImportColumn)(isLeft ? leftColumnOf[trial] : rightColumnOf[trial]);
        }
        else
        {
            column = field switch
            {
                "unit" => ImportColumn.Unit,
                "seconds" => ImportColumn.Seconds,
                "leverArmM" => ImportColumn.LeverArmM,
                _ => ImportColumn.Test,
            };
        }

        Error(line, column, Lower(problem.Message));
    }

    /// <summary>Reads a side's trial columns; the trials are the non-empty ones, in column order.</summary>
    private int Trials(long line, ImportColumn[] columns, double[] values, int[] columnOf)
    {
        var count = 0;
        columnOf[0] = (int)columns[0]; // "enter at least one trial" points at the first column
        foreach (var column in columns)
        {
            if (OptionalNumber(line, column) is { } value)
            {
                columnOf[count] = (int)column;
                values[count++] = value;
            }
        }

        return count;
    }

    private double? OptionalNumber(long line, ImportColumn column)
    {
        var value = Value(column);
        if (value.IsEmpty)
        {
            return null;
        }

        if (!CohortCsvReader.TryParseNumber(value, out var number))
        {
            Error(line, column, $"{Quote(value)} is not a number");
            return null;
        }

        return number;
    }

    private string? Text(ImportColumn column)
    {
        var value = Value(column);
        return value.IsEmpty ? null : Encoding.UTF8.GetString(value);
    }

    private static string? UnitText(ReadOnlySpan<byte> value) =>
        value.IsEmpty ? null
        : value.SequenceEqual("N"u8) ? "N"
        : value.SequenceEqual("kgf"u8) ? "kgf"
        : value.SequenceEqual("lbf"u8) ? "lbf"
        : value.SequenceEqual("s"u8) ? "s"
        : Encoding.UTF8.GetString(value);

    /// <summary>Parses YYYY-MM-DD from bytes without a string.</summary>
    internal static bool TryParseDate(ReadOnlySpan<byte> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 10 || value[4] != (byte)'-' || value[7] != (byte)'-')
        {
            return false;
        }

        static int Digits(ReadOnlySpan<byte> s)
        {
            var n = 0;
            foreach (var c in s)
            {
                var d = (uint)(c - (byte)'0');
                if (d > 9)
                {
                    return -1;
                }

                n = (n * 10) + (int)d;
            }

            return n;
        }

        var year = Digits(value[..4]);
        var month = Digits(value[5..7]);
        var day = Digits(value[8..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private void Error(long line, ImportColumn column, string message)
    {
        rowErrors++;
        AddError(line, Name(column), message);
    }

    private void AddError(long line, string? column, string message)
    {
        if (errors.Count < options.MaxErrorsListed)
        {
            errors.Add(new ImportRowError(line, column, message));
        }
        else
        {
            unlisted++;
        }
    }

    /// <summary>Messages shared with the forms start with a capital; in a report they follow "column x:".</summary>
    private static string Lower(string message)
    {
        message = message.TrimEnd('.');
        return message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.Length > 40 ? value[..40] : value);
        return value.Length > 40 ? $"'{text}...'" : $"'{text}'";
    }
}
