using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace HipCheck.Cli.Tests;

/// <summary>Starts the real `hipcheck` executable and collects its exit code, stdout and stderr.</summary>
internal static class Cli
{
    private static readonly string CliPath = Path.GetFullPath(typeof(Cli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliPath").Value!);

    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        Assert.True(File.Exists(CliPath), $"The CLI was not built at {CliPath}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliPath);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
