namespace HipCheck.Cli.Tests;

/// <summary>Files a test class writes for the CLI to read, in a folder of its own that is deleted with it.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hipcheck-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="content"/> to a new file and returns its path.</summary>
    public string Write(string content, string extension = ".csv")
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
