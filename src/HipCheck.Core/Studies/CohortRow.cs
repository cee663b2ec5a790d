namespace HipCheck.Core.Studies;

/// <summary>
/// One athlete of a cohort CSV, as <see cref="CohortCodebook"/> describes its columns. Optional measurements
/// that were not taken are <see cref="double.NaN"/>. The reader keeps a cohort column by column
/// (<see cref="CohortData"/>); this row view is for tests, generators and exports that walk athlete by athlete.
/// </summary>
public readonly record struct CohortRow(
    string AthleteId,
    bool Female,
    double BodyMassKg,
    double HipExtLeftN,
    double HipExtRightN,
    double HipAbdLeftN,
    double HipAbdRightN,
    double BackEnduranceS,
    double FollowupDays,
    bool LbpEvent,
    double DaysToEvent);
