using HipCheck.Core.Measurement;

namespace HipCheck.Core.Training;

/// <summary>
/// The five exercises of HipCheck's basic programme, shipped as data (Training/exercises.json, embedded in the
/// assembly) and validated when first used: a malformed library fails loudly with every problem listed, it is never
/// half loaded.
/// </summary>
public static class ExerciseLibrary
{
    private const string ResourceName = "HipCheck.Core.Training.exercises.json";

    private static readonly Lazy<IReadOnlyList<Exercise>> Shipped = new(() => Parse(ReadEmbeddedJson()));

    /// <summary>The screening tests the library trains; every one must be trained by at least one exercise.</summary>
    public static IReadOnlyList<string> TrainedTests { get; } =
        [TestCatalogue.HipExtension.Code, TestCatalogue.HipAbduction.Code, TestCatalogue.HipExternalRotation.Code];

    /// <summary>The shipped exercises, in programme order.</summary>
    /// <exception cref="InvalidExerciseLibraryException">The shipped data is malformed (a build that must not start).</exception>
    public static IReadOnlyList<Exercise> All => Shipped.Value;

    public static Exercise? Find(string id) =>
        id is null ? null : All.FirstOrDefault(e => string.Equals(e.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses and validates a library, reporting every problem at once.</summary>
    /// <exception cref="InvalidExerciseLibraryException">The JSON is malformed or breaks a rule.</exception>
    public static IReadOnlyList<Exercise> Parse(string json) => ExerciseParser.Parse(json);

    /// <summary>The embedded JSON text.</summary>
    public static string ReadEmbeddedJson()
    {
        using var stream = typeof(ExerciseLibrary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidExerciseLibraryException([$"The embedded resource {ResourceName} is missing."]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The exercise library data is malformed. <see cref="Exception.Message"/> lists every problem found.</summary>
public sealed class InvalidExerciseLibraryException : Exception
{
    public InvalidExerciseLibraryException()
    {
        Problems = [];
    }

    public InvalidExerciseLibraryException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public InvalidExerciseLibraryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public InvalidExerciseLibraryException(IReadOnlyList<string> problems)
        : base("The exercise library is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
