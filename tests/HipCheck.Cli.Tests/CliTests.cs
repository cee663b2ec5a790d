using Xunit;

namespace HipCheck.Cli.Tests;

/// <summary>Runs the real `hipcheck` executable, as a researcher would.</summary>
public class CliTests
{
    [Fact]
    public async Task Version_prints_the_release_number()
    {
        var (exit, stdout, _) = await RunAsync("--version");
        Assert.Equal(0, exit);
        Assert.Equal("0.1.0", stdout.Trim());
    }

    [Fact]
    public async Task Help_names_the_tool_and_its_commands()
    {
        var (exit, stdout, _) = await RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("hip-strength screening", stdout, StringComparison.Ordinal);
        Assert.Contains("tests", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tests_lists_every_catalogue_code()
    {
        var (exit, stdout, _) = await RunAsync("tests");
        Assert.Equal(0, exit);
        foreach (var code in new[] { "hip-extension", "hip-abduction", "hip-external-rotation", "back-extension-endurance", "single-leg-bridge" })
        {
            Assert.Contains(code, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Evidence_prints_the_catalogue_as_markdown()
    {
        var (exit, stdout, _) = await RunAsync("evidence");
        Assert.Equal(0, exit);
        Assert.StartsWith("# The evidence behind HipCheck's risk flags", stdout, StringComparison.Ordinal);
        foreach (var rule in new[] { "lbp-hip-extension-asymmetry-female", "lbp-back-extension-endurance-male", "pfp-hip-abduction-asymmetry-female", "itbs-hip-abduction-asymmetry" })
        {
            Assert.Contains($"- Rule: `{rule}`", stdout, StringComparison.Ordinal);
        }

        Assert.Contains("## Norms", stdout, StringComparison.Ordinal);
        Assert.Contains("## Studies", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_fails_with_a_message()
    {
        var (exit, _, stderr) = await RunAsync("frobnicate");
        Assert.NotEqual(0, exit);
        Assert.Contains("frobnicate", stderr, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => Cli.RunAsync(args);
}
