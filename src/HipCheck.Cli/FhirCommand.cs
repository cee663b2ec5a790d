using System.CommandLine;
using System.Globalization;
using System.Text;
using HipCheck.Core.Measurement;
using HipCheck.Core.Studies.Exports;
using HipCheck.Web.Fhir;
using Hl7.Fhir.Model;

namespace HipCheck.Cli;

/// <summary>
/// `hipcheck fhir`: a study's long export as one pseudonymous FHIR R4 transaction Bundle per athlete, written as
/// DIR/&lt;study-code&gt;.json (docs/exports.md, "FHIR R4"). The bundles are built by the web app's
/// <see cref="AthleteFhirBundle"/>, so codes, units and laterality are the endpoint's. Exit codes: 0 written, 2 invalid
/// input (messages on stderr name the line and column), 1 anything unexpected.
/// </summary>
internal static class FhirCommand
{
    public static Command Create()
    {
        var longFile = new Option<FileInfo>("--long") { Description = "The study's long export (long.csv, as HipCheck writes it).", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for the bundles (created if missing); one <study-code>.json per athlete.", Required = true };
        var command = new Command("fhir", "Turn a study's long export into one pseudonymous FHIR R4 transaction Bundle per athlete: a Patient identified "
            + "only by the study code (sex, birth year), an Observation per test, side and time point, the test CodeSystem.")
        {
            longFile, outDir,
        };
        command.SetAction(r => Run(r, r.GetValue(longFile)!, r.GetValue(outDir)!));
        return command;
    }

    private static int Run(ParseResult result, FileInfo file, DirectoryInfo outDir)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!file.Exists)
        {
            error.WriteLine($"hipcheck fhir: {file.FullName} does not exist.");
            return 2;
        }

        try
        {
            if (CsvFiles.Read("fhir", file, LongExportReader.Read, error) is not { } rows)
            {
                return 2;
            }

            var athletes = rows.GroupBy(r => r.StudyCode, StringComparer.Ordinal).ToList();
            var unsafeName = athletes.FirstOrDefault(a => !IsSafeFileName(a.Key));
            if (unsafeName is not null)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hipcheck fhir: {file.Name}: line {unsafeName.First().Line}, column study_code: '{unsafeName.Key}' cannot name a file (letters, digits, '.', '_' and '-' only, not starting with '.')"));
                return 2;
            }

            if (athletes.GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
            {
                error.WriteLine($"hipcheck fhir: {file.Name}: the study codes {string.Join(" and ", clash.Select(a => $"'{a.Key}'"))} differ only in case and would write the same file");
                return 2;
            }

            outDir.Create();
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var observations = 0;
            foreach (var athlete in athletes)
            {
                var bundle = Build(athlete.Key, [.. athlete], today);
                observations += bundle.Entry.Count(e => e.Resource is Observation);
                File.WriteAllText(Path.Combine(outDir.FullName, athlete.Key + ".json"), AthleteFhirBundle.ToJson(bundle), new UTF8Encoding(false));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hipcheck fhir: wrote {athletes.Count} bundles ({observations} observations) to {outDir.FullName}"));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"hipcheck fhir: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// One athlete's rows as a transaction. Keys are the study code (and time point, test and side), so the urn:uuids and
    /// the ids a server stores are the same every time the same export is converted.
    /// </summary>
    private static Bundle Build(string studyCode, IReadOnlyList<LongExportRow> rows, DateOnly today)
    {
        var first = rows[0];
        var key = "study-code:" + studyCode;
        var athlete = new FhirAthlete(key, first.Sex, first.BirthYear.ToString("D4", CultureInfo.InvariantCulture), Name: null, StudyCode: studyCode);
        var measurements = rows.OrderBy(r => r.TimePoint)
            .Select(r => new FhirMeasurement(string.Create(CultureInfo.InvariantCulture, $"{key}/{r.TimePoint}/{r.Test.Code}/{(r.Side is { } s ? Sides.Code(s) : "none")}"),
                r.Test, r.Date, r.Side, r.Value, r.NewtonsPerKg, r.TrialCount))
            .ToList();
        return AthleteFhirBundle.Build(athlete, measurements, [], today, Bundle.BundleType.Transaction);
    }

    private static bool IsSafeFileName(string code) =>
        code.Length is > 0 and <= 100 && code[0] != '.' && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
