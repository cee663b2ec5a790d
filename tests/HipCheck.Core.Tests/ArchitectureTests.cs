using System.Reflection;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

/// <summary>HipCheck.Core is the pure centre: it may use the .NET base library and nothing else (STYLE.md).</summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(TestCatalogue).Assembly;

    /// <summary>
    /// The base library, plus the one numerical package the core may use: MathNet.Numerics (distributions for
    /// p-values and confidence intervals; the models themselves are ours). ADR 0004.
    /// </summary>
    private static bool IsBaseLibrary(AssemblyName name) =>
        name.Name is "System" or "mscorlib" or "netstandard" or "MathNet.Numerics"
        || name.Name!.StartsWith("System.", StringComparison.Ordinal);

    private static string[] ForeignReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Where(a => !IsBaseLibrary(a)).Select(a => a.Name!)];

    [Fact]
    public void Core_references_only_the_dotnet_base_library_and_MathNet()
    {
        Assert.Equal("HipCheck.Core", Core.GetName().Name);
        Assert.NotEmpty(Core.GetReferencedAssemblies());
        Assert.Empty(ForeignReferences(Core));
    }

    [Fact]
    public void Core_references_no_web_data_or_project_assembly()
    {
        var names = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("HipCheck", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_catches_a_foreign_reference()
    {
        // This test assembly references HipCheck.Core and xunit: the same rule must flag both.
        var foreign = ForeignReferences(typeof(ArchitectureTests).Assembly);

        Assert.Contains("HipCheck.Core", foreign);
        Assert.Contains(foreign, n => n.StartsWith("xunit", StringComparison.Ordinal));
    }
}
