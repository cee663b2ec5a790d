using System.Globalization;
using System.Text;

namespace HipCheck.Core.Parsing;

/// <summary>
/// A small RFC 4180 reader for the small layouts (surveillance, the long research export) (files of thousands of rows, not millions: the cohort
/// reader's block parser is not needed here). Fields are separated by commas; a field in double quotes may hold
/// commas, line breaks and doubled quotes; CRLF and LF both end a record; blank lines are skipped; a UTF-8 BOM is
/// ignored. Each record carries the physical line it starts on (1 = the header).
/// </summary>
internal static class CsvRecords
{
    public readonly record struct Record(long Line, string[] Fields);

    /// <summary>The records, or the first syntax error (which stops the read: what follows cannot be trusted).</summary>
    public static (List<Record> Records, CsvError? Error) Parse(TextReader reader)
    {
        var text = reader.ReadToEnd();
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        long line = 1;
        var recordLine = line;
        var atFieldStart = true;
        var recordEmpty = true;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] == '\n' || text[i] == '\r')
            {
                if (!recordEmpty || fields.Count > 0 || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    records.Add(new Record(recordLine, [.. fields]));
                }

                fields.Clear();
                field.Clear();
                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                line++;
                recordLine = line;
                atFieldStart = true;
                recordEmpty = true;
                continue;
            }

            var c = text[i];
            if (c == '"' && atFieldStart)
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return (records, new CsvError(quoteLine, null, "a quoted field is never closed"));
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                {
                    return (records, new CsvError(line, null, "unexpected text after a closing quote"));
                }

                atFieldStart = false;
                recordEmpty = false;
                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                recordEmpty = false;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
                recordEmpty = false;
            }

            i++;
        }

        return (records, null);
    }

    public static string Quote(string value) =>
        value.Length > 40 ? string.Create(CultureInfo.InvariantCulture, $"'{value[..40]}...'") : $"'{value}'";
}
