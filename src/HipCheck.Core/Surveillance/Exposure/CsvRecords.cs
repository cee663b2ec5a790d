using System.Text;

namespace HipCheck.Core.Surveillance.Exposure;

/// <summary>
/// An RFC 4180 record reader over a TextReader: comma-separated fields, double quotes around fields that hold commas,
/// quotes or line breaks, "" for a quote inside one; CRLF or LF ends a record. Counts characters so that an input over
/// the limit stops with <see cref="ExposureFileTooLargeException"/> rather than filling memory. A small hand-written
/// reader keeps HipCheck.Core free of a CSV package (docs/decisions/0005).
/// </summary>
internal sealed class CsvRecords(TextReader input, long maxCharacters)
{
    private readonly StringBuilder field = new();
    private long charactersRead;

    /// <summary>The line the last record started on (1-based).</summary>
    public long Line { get; private set; }

    private long nextLine = 1;

    /// <summary>True when the last record ended inside an open quote (the file was cut off).</summary>
    public bool UnterminatedQuote { get; private set; }

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public List<string>? Next()
    {
        var c = ReadChar();
        if (c < 0)
        {
            return null;
        }

        Line = nextLine;
        var fields = new List<string>();
        field.Clear();
        var quoted = false;
        var atFieldStart = true;
        while (true)
        {
            if (c < 0)
            {
                UnterminatedQuote = quoted;
                fields.Add(field.ToString());
                return fields;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (input.Peek() == '"')
                    {
                        ReadChar();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        nextLine++;
                    }

                    field.Append(ch);
                }
            }
            else if (ch == '"' && atFieldStart)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                c = ReadChar();
                continue;
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && input.Peek() == '\n')
                {
                    ReadChar();
                }

                nextLine++;
                fields.Add(field.ToString());
                return fields;
            }
            else
            {
                field.Append(ch);
            }

            atFieldStart = false;
            c = ReadChar();
        }
    }

    private int ReadChar()
    {
        var c = input.Read();
        if (c >= 0 && ++charactersRead > maxCharacters)
        {
            throw new ExposureFileTooLargeException(
                $"The file is larger than the import limit of {maxCharacters} characters; split it or raise the limit.");
        }

        return c;
    }
}
