using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Studies.Exports;

/// <summary>One screening of an athlete as the research exports see it: its date, body mass on the day and results.</summary>
/// <param name="Results">The screening's test results, as <see cref="ScreeningEvaluator.Evaluate"/> computes them.</param>
public sealed record ExportVisit(DateOnly Date, double BodyMassKg, IReadOnlyList<TestResult> Results);

/// <summary>The study's outcome for an analysed athlete (from the cohort the study's definition yields).</summary>
public sealed record ExportOutcome(bool Event, int FollowupDays, int DaysToEvent);

/// <summary>
/// A pseudonymised athlete: the study code (never a name, e-mail or database id), sex, birth year (the birth date
/// reduced to its year) and the screenings in the study, which become time points 1, 2, ... in date order.
/// </summary>
/// <param name="Outcome">Null when the athlete is not in the analysed cohort (e.g. follow-up not started).</param>
public sealed record ExportAthlete(string Code, Sex Sex, int BirthYear, IReadOnlyList<ExportVisit> Visits, ExportOutcome? Outcome);
