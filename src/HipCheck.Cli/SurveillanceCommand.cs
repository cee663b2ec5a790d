using System.CommandLine;
using HipCheck.Core.Surveillance;

namespace HipCheck.Cli;

/// <summary>
/// `hipcheck surveillance`: weekly problem prevalence (OSTRC questionnaire), injury incidence and burden from three
/// CSV files (docs/surveillance.md). Exit codes: 0 done, 2 invalid input (messages on stderr name the file, line and
/// column), 1 anything unexpected.
/// </summary>
internal static class SurveillanceCommand
{
    public static Command Create()
    {
        var checkins = File("--checkins", "Weekly check-ins: athlete_id, sex (F|M), week_start (YYYY-MM-DD), area, q1-q4 (answer 0-3, empty = not answered).");
        var exposure = File("--exposure", "Exposure: athlete_id, date (YYYY-MM-DD), hours, km.");
        var injuries = File("--injuries", "Injuries: athlete_id, onset_date, region (OSIICS letter), tissue (OSIICS letter), onset (sudden|gradual), mechanism (acute|repetitive), time_loss_days; optional event_id.");
        var rule = new Option<string>("--problem-rule")
        {
            Description = "participation (OSTRC-O2, the default: item 1 decides) or any-item (the 2013 rule: any answer above the lowest).",
            DefaultValueFactory = _ => "participation",
        };
        rule.AcceptOnlyFromAmong("participation", "any-item");
        var instrument = new Option<FileInfo?>("--instrument")
        {
            Description = "A study's own questionnaire wording (JSON, as `ostrc-o2.json` in HipCheck.Core); its area codes are the ones accepted.",
        };
        var format = Formats.Option();
        var command = new Command("surveillance", "Injury surveillance: average weekly prevalence of problems and substantial problems (95 % t interval over weeks), "
            + "mean severity, injuries per 1000 h and per 1000 km (exact Poisson intervals) and burden (days lost per 1000 h), overall, by sex and by region.\n"
            + "Each file is UTF-8 CSV with a header; columns in any order.")
        {
            checkins, exposure, injuries, rule, instrument, format,
        };
        command.SetAction(r => Run(r, r.GetValue(checkins)!, r.GetValue(exposure)!, r.GetValue(injuries)!,
            r.GetValue(rule) == "any-item" ? OstrcProblemRule.AnyItem : OstrcProblemRule.Participation, r.GetValue(instrument), r.GetValue(format)!));
        return command;
    }

    private static Option<FileInfo> File(string name, string description) => new(name) { Description = description, Required = true };

    private static int Run(ParseResult result, FileInfo checkinFile, FileInfo exposureFile, FileInfo injuryFile, OstrcProblemRule rule, FileInfo? instrumentFile, string format)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        foreach (var file in new[] { checkinFile, exposureFile, injuryFile, instrumentFile }.OfType<FileInfo>().Where(f => !f.Exists))
        {
            error.WriteLine($"hipcheck surveillance: {file.FullName} does not exist.");
            return 2;
        }

        try
        {
            var instrument = OstrcInstrument.Default;
            if (instrumentFile is not null)
            {
                try
                {
                    instrument = OstrcInstrument.Parse(System.IO.File.ReadAllText(instrumentFile.FullName));
                }
                catch (InvalidInstrumentException e)
                {
                    error.WriteLine($"hipcheck surveillance: {instrumentFile.Name} is not valid questionnaire wording:");
                    foreach (var problem in e.Problems)
                    {
                        error.WriteLine($"  {instrumentFile.Name}: {problem}");
                    }

                    return 2;
                }
            }

            var checkins = CsvFiles.Read("surveillance", checkinFile, r => SurveillanceCsv.ReadCheckins(r, instrument), error);
            var exposure = CsvFiles.Read("surveillance", exposureFile, SurveillanceCsv.ReadExposure, error);
            var injuries = CsvFiles.Read("surveillance", injuryFile, SurveillanceCsv.ReadInjuries, error);
            if (checkins is null || exposure is null || injuries is null)
            {
                return 2;
            }

            var report = SurveillanceAnalysis.Run(checkins, exposure, injuries, rule);
            output.Write(format == "text" ? SurveillanceReportWriter.ToText(report) : SurveillanceReportWriter.ToJson(report) + "\n");
            return 0;
        }
        catch (IOException e)
        {
            error.WriteLine($"hipcheck surveillance: could not read a file: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"hipcheck surveillance: could not read a file: {e.Message}");
            return 2;
        }
    }
}
