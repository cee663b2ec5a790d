using System.Globalization;
using System.Text;
using System.Text.Json;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Surveillance;

/// <summary>
/// Writes a <see cref="SurveillanceReport"/> as the public JSON contract of <c>hipcheck surveillance</c> (keys in the
/// documented order; numbers that are not defined, such as an interval from one week or a rate without exposure, as
/// null) or as a readable text report with the same numbers.
/// </summary>
public static class SurveillanceReportWriter
{
    public static string ToJson(SurveillanceReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(writer, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteJson(Utf8JsonWriter writer, SurveillanceReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteNumber("athletes", report.Athletes);
        writer.WriteNumber("weeks", report.Weeks);
        WriteSummary(writer, report.Overall);
        writer.WriteStartObject("bySex");
        writer.WriteStartObject("F");
        WriteSummary(writer, report.Female);
        writer.WriteEndObject();
        writer.WriteStartObject("M");
        WriteSummary(writer, report.Male);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("byRegion");
        foreach (var region in report.ByRegion)
        {
            writer.WriteStartObject(region.Region);
            writer.WriteNumber("count", region.Injuries);
            WriteEstimate(writer, "per1000h", region.Per1000Hours);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, SurveillanceSummary s)
    {
        writer.WriteStartObject("prevalence");
        WriteEstimate(writer, "any", s.AnyProblems);
        WriteEstimate(writer, "substantial", s.SubstantialProblems);
        writer.WriteEndObject();
        WriteNumber(writer, "meanSeverity", s.MeanSeverity);
        writer.WriteStartObject("exposure");
        WriteNumber(writer, "hours", s.Hours);
        WriteNumber(writer, "km", s.Km);
        writer.WriteEndObject();
        writer.WriteStartObject("injuries");
        writer.WriteNumber("count", s.Injuries);
        WriteEstimate(writer, "per1000h", s.Per1000Hours);
        WriteEstimate(writer, "per1000km", s.Per1000Km);
        WriteNumber(writer, "burdenDaysPer1000h", s.BurdenDaysPer1000Hours);
        writer.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter writer, string name, Estimate e)
    {
        writer.WriteStartObject(name);
        WriteNumber(writer, "estimate", e.Value);
        WriteNumber(writer, "lower", e.Lower);
        WriteNumber(writer, "upper", e.Upper);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A plain-text report: a table by group, then injuries by region.</summary>
    public static string ToText(SurveillanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Surveillance: {report.Athletes} athletes, {report.Weeks} weeks with answers.");
        sb.AppendLine(c, $"Problem rule: {(report.Rule == OstrcProblemRule.Participation ? "OSTRC-O2 (item 1 decides)" : "OSTRC 2013 (any item above the lowest)")}; 95 % intervals.");
        sb.AppendLine();
        sb.AppendLine(c, $"{"",-28} {"All",-26} {"Women (F)",-26} Men (M)");
        Row(sb, "Weekly prevalence, any %", s => Ci(s.AnyProblems), report);
        Row(sb, "  substantial %", s => Ci(s.SubstantialProblems), report);
        Row(sb, "Mean severity (0-100)", s => Fmt(s.MeanSeverity), report);
        Row(sb, "Exposure hours", s => Fmt(s.Hours), report);
        Row(sb, "Exposure km", s => Fmt(s.Km), report);
        Row(sb, "Injuries", s => s.Injuries.ToString(c), report);
        Row(sb, "  per 1000 h", s => Ci(s.Per1000Hours), report);
        Row(sb, "  per 1000 km", s => Ci(s.Per1000Km), report);
        Row(sb, "Burden, days lost/1000 h", s => Fmt(s.BurdenDaysPer1000Hours), report);
        sb.AppendLine();
        if (report.ByRegion.Count == 0)
        {
            sb.AppendLine("No injuries recorded.");
        }
        else
        {
            sb.AppendLine("Injuries by region (OSIICS; each event in the region of its worst injury):");
            foreach (var r in report.ByRegion)
            {
                var name = OsiicsCodes.Regions.First(x => x.Letter == r.Region).Name;
                sb.AppendLine(c, $"  {r.Region} {name,-44} {r.Injuries,4}   {Ci(r.Per1000Hours)} per 1000 h");
            }
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string label, Func<SurveillanceSummary, string> cell, SurveillanceReport r) =>
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{label,-28} {cell(r.Overall),-26} {cell(r.Female),-26} {cell(r.Male)}"));

    private static string Fmt(double x) => double.IsFinite(x) ? x.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    private static string Ci(Estimate e) =>
        !double.IsFinite(e.Value) ? "-" : double.IsFinite(e.Lower) ? $"{Fmt(e.Value)} ({Fmt(e.Lower)} to {Fmt(e.Upper)})" : Fmt(e.Value);
}
