using System.CommandLine;
using System.Reflection;

// `hipcheck`: the researcher's command line. This is the skeleton; import, analyse, power and export
// arrive with their issues. System.CommandLine provides --version and --help.
var root = new RootCommand("HipCheck: hip-strength screening, risk and research tools for runners.");
return root.Parse(args).Invoke();
