using HipCheck.Core.Athletes;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Surveillance;

/// <summary>The figures of one group of athletes (everyone, or one sex).</summary>
/// <param name="AnyProblems">Average weekly prevalence of any problem, in percent, with its t interval over weeks.</param>
/// <param name="SubstantialProblems">The same for substantial problems.</param>
/// <param name="MeanSeverity">Mean severity (0-100) of the area-weeks that are problems with all four items answered; NaN if none.</param>
/// <param name="Hours">Exposure hours.</param>
/// <param name="Km">Exposure kilometres.</param>
/// <param name="Injuries">Injury events (several injuries from one event count once).</param>
/// <param name="Per1000Hours">Events per 1000 h with the exact Poisson interval (R poisson.test); NaN without hours.</param>
/// <param name="Per1000Km">Events per 1000 km, likewise.</param>
/// <param name="BurdenDaysPer1000Hours">Days lost per 1000 h: incidence per 1000 h × mean time-loss days per event; 0 without events, NaN without hours.</param>
public sealed record SurveillanceSummary(
    Estimate AnyProblems,
    Estimate SubstantialProblems,
    double MeanSeverity,
    double Hours,
    double Km,
    int Injuries,
    Estimate Per1000Hours,
    Estimate Per1000Km,
    double BurdenDaysPer1000Hours);

/// <summary>Injury events whose worst injury lies in one OSIICS region, per 1000 h of everyone's exposure.</summary>
public sealed record RegionIncidence(string Region, int Injuries, Estimate Per1000Hours);

/// <summary>Everything <c>hipcheck surveillance</c> reports; <see cref="SurveillanceReportWriter"/> writes it as JSON or text.</summary>
/// <param name="Athletes">Distinct athlete ids across check-ins, exposure and injuries together.</param>
/// <param name="Weeks">Distinct week_start dates with at least one answered area.</param>
public sealed record SurveillanceReport(
    int Athletes,
    int Weeks,
    SurveillanceSummary Overall,
    SurveillanceSummary Female,
    SurveillanceSummary Male,
    IReadOnlyList<RegionIncidence> ByRegion,
    OstrcProblemRule Rule);

/// <summary>
/// The surveillance statistics of a study period: weekly problem prevalence and severity from the questionnaire,
/// injury incidence and burden from the injury records and exposure (IOC 2020; Clarsen et al. 2013).
/// </summary>
public static class SurveillanceAnalysis
{
    /// <summary>
    /// Computes the report. Prevalence, per group and week: an athlete who answered at least one area that week is a
    /// respondent, and a case when any answered area is a (substantial) problem. An athlete whose answers leave it
    /// undecided (no area is a problem, and a missing item could make one) is left out of that week's denominator;
    /// a week with no decided respondent is left out of the mean. An athlete's sex comes from the check-ins:
    /// exposure and injuries of athletes who never checked in count in the overall figures only. By region, each
    /// event counts in the region of its worst injury; regions are listed in OSIICS order, only those with events.
    /// </summary>
    public static SurveillanceReport Run(
        IReadOnlyList<WeeklyCheckin> checkins,
        IReadOnlyList<ExposureEntry> exposure,
        IReadOnlyList<SurveillanceInjury> injuries,
        OstrcProblemRule rule = OstrcProblemRule.Participation)
    {
        ArgumentNullException.ThrowIfNull(checkins);
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(injuries);
        var sexOf = new Dictionary<string, Sex>(StringComparer.Ordinal);
        foreach (var c in checkins)
        {
            sexOf.TryAdd(c.AthleteId, c.Sex);
        }

        var athletes = checkins.Select(c => c.AthleteId).Concat(exposure.Select(e => e.AthleteId))
            .Concat(injuries.Select(i => i.AthleteId)).Distinct(StringComparer.Ordinal).Count();
        var weeks = checkins.Where(c => c.Answers.AnyAnswered).Select(c => c.WeekStart).Distinct().Count();
        var events = InjuryEvents.Group(injuries);
        var overall = Summarise(checkins, exposure, events, rule);

        bool Is(string athlete, Sex sex) => sexOf.TryGetValue(athlete, out var s) && s == sex;
        SurveillanceSummary For(Sex sex) => Summarise(
            [.. checkins.Where(c => c.Sex == sex)],
            [.. exposure.Where(e => Is(e.AthleteId, sex))],
            [.. events.Where(e => Is(e.AthleteId, sex))],
            rule);

        var byRegion = OsiicsCodes.Regions
            .Select(r => (r.Letter, Count: events.Count(e => string.Equals(e.Region, r.Letter, StringComparison.Ordinal))))
            .Where(r => r.Count > 0)
            .Select(r => new RegionIncidence(r.Letter, r.Count, Incidence.Rate(r.Count, overall.Hours)))
            .ToList();
        return new SurveillanceReport(athletes, weeks, overall, For(Sex.Female), For(Sex.Male), byRegion, rule);
    }

    private static SurveillanceSummary Summarise(
        IReadOnlyList<WeeklyCheckin> checkins, IReadOnlyList<ExposureEntry> exposure, IReadOnlyList<InjuryEvent> events, OstrcProblemRule rule)
    {
        var scored = checkins.Where(c => c.Answers.AnyAnswered).Select(c => (Checkin: c, Score: OstrcScoring.Score(c.Answers, rule))).ToList();
        var any = new List<double>();
        var substantial = new List<double>();
        foreach (var week in scored.GroupBy(s => s.Checkin.WeekStart).OrderBy(g => g.Key))
        {
            var byAthlete = week.GroupBy(s => s.Checkin.AthleteId, StringComparer.Ordinal).ToList();
            AddWeek(any, byAthlete.Select(a => Case(a.Select(s => s.Score.Problem))));
            AddWeek(substantial, byAthlete.Select(a => Case(a.Select(s => s.Score.Substantial))));
        }

        var severities = scored.Where(s => s.Score.Problem == true && s.Score.Severity is not null).Select(s => (double)s.Score.Severity!.Value).ToList();
        var hours = exposure.Sum(e => e.Hours);
        var km = exposure.Sum(e => e.Km);
        var daysLost = events.Sum(e => (double)e.TimeLossDays);
        var burden = hours > 0 ? daysLost / hours * 1000 : double.NaN;
        return new SurveillanceSummary(
            WeeklyPrevalence.Average(any),
            WeeklyPrevalence.Average(substantial),
            severities.Count > 0 ? severities.Average() : double.NaN,
            hours,
            km,
            events.Count,
            Incidence.Rate(events.Count, hours),
            Incidence.Rate(events.Count, km),
            burden);
    }

    /// <summary>An athlete-week: a case if any area is one, not a case if every area is decided not to be, else undecided.</summary>
    private static bool? Case(IEnumerable<bool?> areas)
    {
        var all = areas.ToList();
        return all.Any(a => a == true) ? true : all.All(a => a == false) ? false : null;
    }

    private static void AddWeek(List<double> weekly, IEnumerable<bool?> athletes)
    {
        var decided = athletes.Where(a => a is not null).ToList();
        if (decided.Count > 0)
        {
            weekly.Add(100.0 * decided.Count(a => a == true) / decided.Count);
        }
    }
}
