using System.CommandLine;
using System.Globalization;
using HipCheck.Cli;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;

// `hipcheck`: the researcher's command line. System.CommandLine provides --version and --help.
// Exit codes: 0 done, 2 invalid input (bad options, invalid rows), 1 anything unexpected.
var root = new RootCommand("HipCheck: hip-strength screening, risk and research tools for runners.");

var tests = new Command("tests", "List the test catalogue: codes, what each measures and its protocol.");
tests.SetAction(result =>
{
    var output = result.InvocationConfiguration.Output;
    foreach (var t in TestCatalogue.All)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{t.Code,-26} {t.Name} ({(t.Sided ? "left and right" : "one value")}, {t.BaseUnit}; re-test above {t.CvLimitPercent:0} % trial CV)"));
        output.WriteLine($"{"",-26} {t.Protocol}");
    }
});
root.Subcommands.Add(tests);

var evidence = new Command("evidence", "Print the evidence catalogue as Markdown (the source of docs/evidence.md): rules, grades, norms, studies.");
evidence.SetAction(result => result.InvocationConfiguration.Output.Write(EvidenceMarkdown.Render(EvidenceCatalogue.Load())));
root.Subcommands.Add(evidence);

root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(PowerCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(SurveillanceCommand.Create());
root.Subcommands.Add(DatabaseCommands.Backup());
root.Subcommands.Add(DatabaseCommands.Restore());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(FhirCommand.Create());

var parsed = root.Parse(args);
var exit = parsed.Invoke();
return parsed.Errors.Count > 0 ? 2 : exit;
