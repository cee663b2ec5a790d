using System.Globalization;
using System.Text;
using System.Text.Json;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Studies;

/// <summary>A ratio with its Wald 95 % confidence interval (computed on the log scale).</summary>
public sealed record RatioEstimate(double Estimate, double Lower, double Upper);

/// <summary>
/// The 2x2 table of one sex: a = exposed with event, b = exposed without, c = unexposed with event,
/// d = unexposed without; exposed = hip-extension asymmetry at or above the threshold.
/// </summary>
public sealed record SexTable(long A, long B, long C, long D, RatioEstimate RiskRatio, RatioEstimate OddsRatio, double FisherP);

/// <summary>One coefficient of the logistic model (log odds scale), as R's summary(glm(...)) prints it.</summary>
public sealed record LogisticTerm(string Name, double Estimate, double StandardError, double Z, double P);

/// <summary>One coefficient of the Cox model (log hazard scale), as R's summary(coxph(...)) prints it.</summary>
public sealed record CoxTerm(string Name, double Estimate, double StandardError, double P);

/// <summary>
/// One coefficient of the Firth model (log odds scale), as R's logistf prints it: the estimate and its standard error,
/// the profile penalised-likelihood 95 % interval and penalised likelihood-ratio p (NaN when not computed), and the Wald p.
/// </summary>
public sealed record FirthLogisticTerm(string Name, double Estimate, double StandardError, double Lower, double Upper, double P, double WaldP);

/// <summary>The logistic model fitted by Firth's penalised likelihood; <see cref="Profile"/> says whether Lower, Upper and P were computed.</summary>
public sealed record FirthModel(bool Profile, IReadOnlyList<FirthLogisticTerm> Terms, double LikelihoodRatioChiSquare, double LikelihoodRatioP);

/// <summary>
/// What <c>hipcheck analyze</c> reports; <see cref="WriteJson"/> writes the public JSON contract of issue 4.
/// Numbers that are not finite (a ratio with a zero cell, a model that could not be fitted) are written as
/// JSON null. Keys beyond the contract (<c>warnings</c>, <c>skippedRows</c>) come after it. Issue 10 added
/// <c>eventsPerVariable</c> and <c>firth</c> after <c>cox</c>; no earlier key changed.
/// </summary>
public sealed record CohortAnalysisResult(
    long N,
    long Events,
    double Threshold,
    SexTable Female,
    SexTable Male,
    IReadOnlyList<LogisticTerm> Logistic,
    double ExposedS180,
    double UnexposedS180,
    double LogRankChiSquare,
    double LogRankP,
    IReadOnlyList<CoxTerm> Cox,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The events-per-variable check of the logistic model (Peduzzi et al. 1996).</summary>
    public EpvCheck? LogisticEpv { get; init; }

    /// <summary>The logistic model again by Firth's penalised likelihood (as R's logistf).</summary>
    public FirthModel? Firth { get; init; }

    /// <summary>Invalid rows that were skipped before the analysis (only with skip-invalid).</summary>
    public int SkippedRows { get; init; }

    /// <summary>The JSON document, indented.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the contract: keys in the documented order, non-finite numbers as null.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("n", N);
        writer.WriteNumber("events", Events);
        Number(writer, "threshold", Threshold);
        writer.WriteStartObject("bySex");
        WriteTable(writer, "F", Female);
        WriteTable(writer, "M", Male);
        writer.WriteEndObject();

        writer.WriteStartObject("logistic");
        writer.WriteStartArray("terms");
        foreach (var t in Logistic)
        {
            writer.WriteStartObject();
            writer.WriteString("name", t.Name);
            Number(writer, "estimate", t.Estimate);
            Number(writer, "se", t.StandardError);
            Number(writer, "z", t.Z);
            Number(writer, "p", t.P);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("kaplanMeier");
        writer.WriteStartObject("exposed");
        Number(writer, "s180", ExposedS180);
        writer.WriteEndObject();
        writer.WriteStartObject("unexposed");
        Number(writer, "s180", UnexposedS180);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("logRank");
        Number(writer, "chisq", LogRankChiSquare);
        Number(writer, "p", LogRankP);
        writer.WriteEndObject();

        writer.WriteStartObject("cox");
        writer.WriteStartArray("terms");
        foreach (var t in Cox)
        {
            writer.WriteStartObject();
            writer.WriteString("name", t.Name);
            Number(writer, "estimate", t.Estimate);
            Number(writer, "se", t.StandardError);
            Number(writer, "p", t.P);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        WriteEpv(writer, LogisticEpv);
        WriteFirth(writer, Firth);

        writer.WriteStartArray("warnings");
        foreach (var w in Warnings)
        {
            writer.WriteStringValue(w);
        }

        writer.WriteEndArray();
        writer.WriteNumber("skippedRows", SkippedRows);
        writer.WriteEndObject();
    }

    /// <summary>A plain-text report with the same numbers as the JSON.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"Cohort: {N} athletes, {Events} low back pain events ({Fmt(100.0 * Events / Math.Max(1, N))} %).");
        sb.AppendLine(c, $"Exposed: hip-extension asymmetry >= {Fmt(Threshold)} %.");
        if (SkippedRows > 0)
        {
            sb.AppendLine(c, $"Skipped: {SkippedRows} invalid rows.");
        }

        sb.AppendLine();
        foreach (var (label, t) in new[] { ("Women (F)", Female), ("Men (M)", Male) })
        {
            sb.AppendLine(c, $"{label}");
            sb.AppendLine(c, $"  exposed:   {t.A} with event, {t.B} without (risk {Fmt(Risk(t.A, t.B))})");
            sb.AppendLine(c, $"  unexposed: {t.C} with event, {t.D} without (risk {Fmt(Risk(t.C, t.D))})");
            sb.AppendLine(c, $"  risk ratio {Ci(t.RiskRatio)}; odds ratio {Ci(t.OddsRatio)}; Fisher exact p = {FmtP(t.FisherP)}");
        }

        sb.AppendLine();
        sb.AppendLine("Logistic regression: lbp_event ~ asymmetry_pct * female + ext_n_per_kg (log odds)");
        sb.AppendLine(c, $"  {"term",-22} {"estimate",12} {"se",12} {"z",10} {"p",12}");
        foreach (var t in Logistic)
        {
            sb.AppendLine(c, $"  {t.Name,-22} {Fmt(t.Estimate),12} {Fmt(t.StandardError),12} {Fmt(t.Z),10} {FmtP(t.P),12}");
        }

        if (LogisticEpv is { } epv)
        {
            sb.AppendLine(c, $"  events per predictor: {Fmt(epv.Value)} ({epv.Events} events, {epv.NonEvents} non-events, {epv.Predictors} predictors){(epv.Underpowered ? "; below 10, see the warnings" : "")}");
        }

        if (Firth is { } firth)
        {
            sb.AppendLine();
            sb.AppendLine(c, $"Firth's penalised logistic regression, same model (log odds; {(firth.Profile ? "profile penalised-likelihood 95 % CI and p" : "Wald p only: cohort too large for profiles")})");
            sb.AppendLine(c, $"  {"term",-22} {"estimate",12} {"se",12} {"lower",12} {"upper",12} {"p",12}");
            foreach (var t in firth.Terms)
            {
                sb.AppendLine(c, $"  {t.Name,-22} {Fmt(t.Estimate),12} {Fmt(t.StandardError),12} {Fmt(t.Lower),12} {Fmt(t.Upper),12} {FmtP(firth.Profile ? t.P : t.WaldP),12}");
            }

            sb.AppendLine(c, $"  likelihood ratio test: chi-square {Fmt(firth.LikelihoodRatioChiSquare)}, p = {FmtP(firth.LikelihoodRatioP)}");
        }

        sb.AppendLine();
        sb.AppendLine(c, $"Kaplan-Meier survival free of low back pain at day 180: exposed {Fmt(ExposedS180)}, unexposed {Fmt(UnexposedS180)}");
        sb.AppendLine(c, $"Log-rank test, exposed vs unexposed: chi-square {Fmt(LogRankChiSquare)} (1 df), p = {FmtP(LogRankP)}");
        sb.AppendLine();
        sb.AppendLine("Cox proportional hazards (Efron ties): asymmetry_pct * female (log hazard)");
        sb.AppendLine(c, $"  {"term",-22} {"estimate",12} {"se",12} {"p",12}");
        foreach (var t in Cox)
        {
            sb.AppendLine(c, $"  {t.Name,-22} {Fmt(t.Estimate),12} {Fmt(t.StandardError),12} {FmtP(t.P),12}");
        }

        if (Warnings.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Warnings:");
            foreach (var w in Warnings)
            {
                sb.AppendLine(c, $"  - {w}");
            }
        }

        return sb.ToString();
    }

    private static void WriteEpv(Utf8JsonWriter writer, EpvCheck? epv)
    {
        writer.WriteStartObject("eventsPerVariable");
        if (epv is not null)
        {
            writer.WriteNumber("events", epv.Events);
            writer.WriteNumber("nonEvents", epv.NonEvents);
            writer.WriteNumber("predictors", epv.Predictors);
            Number(writer, "epv", epv.Value);
            writer.WriteBoolean("underpowered", epv.Underpowered);
        }

        writer.WriteEndObject();
    }

    private static void WriteFirth(Utf8JsonWriter writer, FirthModel? firth)
    {
        if (firth is null)
        {
            // Not fitted: a cohort above 50,000 athletes with at least 10 events per predictor.
            writer.WriteNull("firth");
            return;
        }

        writer.WriteStartObject("firth");
        writer.WriteBoolean("profile", firth.Profile);
        writer.WriteStartArray("terms");
        foreach (var t in firth.Terms)
        {
            writer.WriteStartObject();
            writer.WriteString("name", t.Name);
            Number(writer, "estimate", t.Estimate);
            Number(writer, "se", t.StandardError);
            Number(writer, "lower", t.Lower);
            Number(writer, "upper", t.Upper);
            Number(writer, "p", t.P);
            Number(writer, "waldP", t.WaldP);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Number(writer, "lrChiSquare", firth.LikelihoodRatioChiSquare);
        Number(writer, "lrP", firth.LikelihoodRatioP);

        writer.WriteEndObject();
    }

    private static double Risk(long events, long nonEvents) => events + nonEvents == 0 ? double.NaN : (double)events / (events + nonEvents);

    private static string Ci(RatioEstimate r) => $"{Fmt(r.Estimate)} (95 % CI {Fmt(r.Lower)} to {Fmt(r.Upper)})";

    private static string Fmt(double x) => double.IsFinite(x) ? x.ToString("G6", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A p-value that underflowed to 0 is reported as below the smallest normal double, not as 0.</summary>
    private static string FmtP(double p) => p == 0 ? "< 1e-300" : Fmt(p);

    private static void WriteTable(Utf8JsonWriter writer, string sex, SexTable t)
    {
        writer.WriteStartObject(sex);
        writer.WriteNumber("a", t.A);
        writer.WriteNumber("b", t.B);
        writer.WriteNumber("c", t.C);
        writer.WriteNumber("d", t.D);
        WriteRatio(writer, "riskRatio", t.RiskRatio);
        WriteRatio(writer, "oddsRatio", t.OddsRatio);
        Number(writer, "fisherP", t.FisherP);
        writer.WriteEndObject();
    }

    private static void WriteRatio(Utf8JsonWriter writer, string name, RatioEstimate r)
    {
        writer.WriteStartObject(name);
        Number(writer, "estimate", r.Estimate);
        Number(writer, "lower", r.Lower);
        Number(writer, "upper", r.Upper);
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
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
}
