using System.CommandLine;
using System.Globalization;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;

// `hipcheck`: the researcher's command line. import, analyse, power and export arrive with their issues;
// System.CommandLine provides --version and --help.
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

return root.Parse(args).Invoke();
