namespace HipCheck.Core.Training;

/// <summary>How an exercise's dose is counted: repetitions per set, or seconds per hold.</summary>
public enum DoseKind
{
    Reps,
    HoldSeconds,
}

/// <summary>An easier or harder version of an exercise.</summary>
public sealed record ExerciseVariant(string Name, string Description);

/// <summary>
/// What one study found for an exercise. <paramref name="MeanPercentMvic"/> and <paramref name="SdPercentMvic"/>
/// (surface EMG as % of maximal voluntary isometric contraction) are set only when the number was read in the primary
/// source (<see cref="EvidenceVerification.ShowsNumbers"/>); otherwise <paramref name="Note"/> says what the study found
/// in words. docs/research/evidence-verification.md records what was read, where.
/// </summary>
/// <param name="Citation">Short citation, e.g. "Distefano et al. 2009, J Orthop Sports Phys Ther 39(7):532-540".</param>
/// <param name="Muscle">The muscle the finding is about.</param>
/// <param name="MeanPercentMvic">Mean % MVIC, only when verified.</param>
/// <param name="SdPercentMvic">SD of % MVIC, only when verified.</param>
/// <param name="Note">The finding in plain words.</param>
/// <param name="Verification">One of the <see cref="EvidenceVerification"/> codes.</param>
public sealed record ExerciseEvidence(
    string Citation,
    string Muscle,
    double? MeanPercentMvic,
    double? SdPercentMvic,
    string Note,
    string Verification)
{
    /// <summary>The evidence catalogue's study id (src/HipCheck.Core/Risk/evidence-catalogue.json), if the study is there.</summary>
    public string? StudyId { get; init; }

    /// <summary>True when a % MVIC number may be shown.</summary>
    public bool HasVerifiedNumbers => MeanPercentMvic is not null && EvidenceVerification.ShowsNumbers(Verification);
}

/// <summary>How far an exercise finding was checked against its primary source.</summary>
public static class EvidenceVerification
{
    /// <summary>The number was read in the primary paper's full text.</summary>
    public const string VerifiedFullText = "verified-full-text";

    /// <summary>The number was read in the primary paper's own abstract.</summary>
    public const string VerifiedAbstract = "verified-abstract";

    /// <summary>The ranking (this exercise above those) was read in the primary abstract; the number was not.</summary>
    public const string RankingOnly = "ranking-only";

    /// <summary>Only secondary sources (blogs, reviews) were read: no number is shown.</summary>
    public const string SecondaryOnly = "secondary-only";

    /// <summary>No EMG value for this exercise was found in the sources read.</summary>
    public const string NotMeasured = "not-measured";

    public static IReadOnlyList<string> All { get; } =
        [VerifiedFullText, VerifiedAbstract, RankingOnly, SecondaryOnly, NotMeasured];

    /// <summary>Only numbers read in the primary source may be shown (docs/research/evidence-verification.md).</summary>
    public static bool ShowsNumbers(string verification) =>
        verification is VerifiedFullText or VerifiedAbstract;
}

/// <summary>One exercise of the library.</summary>
/// <param name="Id">Stable identifier (URLs, logs, programmes).</param>
/// <param name="Name">Display name.</param>
/// <param name="TargetMuscles">Muscles trained, main one first.</param>
/// <param name="TrainsTests">Screening test codes this exercise trains: hip-extension, hip-abduction, hip-external-rotation.</param>
/// <param name="Unilateral">True when each side is trained on its own (so a weaker side can get extra sets).</param>
/// <param name="Dose">Repetitions or hold seconds.</param>
/// <param name="Evidence">What the EMG studies found, honestly labelled.</param>
/// <param name="Instructions">Steps, in our own words.</param>
/// <param name="CommonMistakes">What goes wrong and how to notice it.</param>
/// <param name="Regression">The easier version.</param>
/// <param name="Progression">The harder version.</param>
/// <param name="Illustration">Side-view stick figure of the standard version.</param>
public sealed record Exercise(
    string Id,
    string Name,
    IReadOnlyList<string> TargetMuscles,
    IReadOnlyList<string> TrainsTests,
    bool Unilateral,
    DoseKind Dose,
    IReadOnlyList<ExerciseEvidence> Evidence,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<string> CommonMistakes,
    ExerciseVariant Regression,
    ExerciseVariant Progression,
    Illustration Illustration)
{
    /// <summary>Repetitions per set, or seconds per hold, in the first two weeks of a programme.</summary>
    public int BaseDose { get; init; }

    /// <summary>True when a programme starts this exercise at its regression (weeks 1-2) rather than the standard version.</summary>
    public bool StartsAtRegression { get; init; }

    public bool Equals(Exercise? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && Unilateral == other.Unilateral && Dose == other.Dose
        && BaseDose == other.BaseDose && StartsAtRegression == other.StartsAtRegression
        && TargetMuscles.SequenceEqual(other.TargetMuscles) && TrainsTests.SequenceEqual(other.TrainsTests)
        && Evidence.SequenceEqual(other.Evidence) && Instructions.SequenceEqual(other.Instructions)
        && CommonMistakes.SequenceEqual(other.CommonMistakes) && Regression == other.Regression
        && Progression == other.Progression && Illustration == other.Illustration;

    public override int GetHashCode() => HashCode.Combine(Id, Name, Dose, BaseDose);
}
