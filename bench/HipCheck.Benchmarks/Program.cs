using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/HipCheck.Benchmarks -- --filter '*StatsA*' --job short
// The executing assembly, not typeof(Program): HipCheck.Web (referenced for the PDF benchmarks) has a Program too.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
