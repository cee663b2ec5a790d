using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/HipCheck.Benchmarks -- --filter '*StatsA*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
