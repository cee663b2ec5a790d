using HipCheck.Core.Validation;

namespace HipCheck.Core.Surveillance;

/// <summary>One area's answers as entered (API body or form): answer indices 0-3, null when not answered.</summary>
public sealed record CheckinAreaEntry(string? Area, int? Q1, int? Q2, int? Q3, int? Q4);

/// <summary>
/// The rules of a weekly check-in: weeks start on Monday, an answer is an index 0-3, areas come from the instrument.
/// Under the O2 gate (Clarsen et al. 2020) item 1's first answer ("took part fully, no trouble") ends the area: the
/// skipped items 2-4 are then recorded as their first answer too, so such an area has a severity of 0.
/// </summary>
public static class CheckinRules
{
    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly WeekStartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The Monday of the last complete week before <paramref name="today"/>'s: the week a check-in normally reports on.</summary>
    public static DateOnly PreviousWeek(DateOnly today) => WeekStartOf(today).AddDays(-7);

    /// <summary>The answers to store, with the O2 skip applied (item 1 = 0 fills empty items 2-4 with 0).</summary>
    public static OstrcAnswers Answers(CheckinAreaEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Q1 == 0
            ? new OstrcAnswers(0, entry.Q2 ?? 0, entry.Q3 ?? 0, entry.Q4 ?? 0)
            : new OstrcAnswers(entry.Q1, entry.Q2, entry.Q3, entry.Q4);
    }

    /// <summary>
    /// Validates a week's answers. Field paths follow the API body (<c>areas[0].q2</c>). With
    /// <paramref name="complete"/> (the form), every area of the instrument needs item 1, and items 2-4 when item 1 was
    /// not its first answer; without it (the API) any subset is accepted, each answered item a valid index.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(DateOnly weekStart, DateOnly today, IReadOnlyList<CheckinAreaEntry>? areas,
        OstrcInstrument instrument, bool complete)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var errors = new FieldErrors();
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            errors.Add("weekStart", $"A week starts on a Monday; {weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}.");
        }
        else if (weekStart > today)
        {
            errors.Add("weekStart", "The week has not begun yet.");
        }

        if (areas is null || areas.Count == 0)
        {
            errors.Add("areas", "Answer at least one body area.");
            return errors.All;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            if (a?.Area is not { } code || instrument.FindArea(code) is null)
            {
                errors.Add($"areas[{i}].area", $"Unknown area '{a?.Area}'. Use one of {string.Join(", ", instrument.Areas.Select(x => x.Code))}.");
                continue;
            }

            if (!seen.Add(code))
            {
                errors.Add($"areas[{i}].area", $"The area '{code}' appears twice.");
                continue;
            }

            int?[] items = [a.Q1, a.Q2, a.Q3, a.Q4];
            for (var q = 0; q < 4; q++)
            {
                if (items[q] is { } index && index is < 0 or > 3)
                {
                    errors.Add($"areas[{i}].q{q + 1}", "An answer is 0, 1, 2 or 3 (the first answer is 0).");
                }
            }

            if (!complete)
            {
                continue;
            }

            if (a.Q1 is null)
            {
                errors.Add($"areas[{i}].q1", $"{instrument.FindArea(code)!.Name}: answer the first question.");
            }
            else if (a.Q1 > 0)
            {
                for (var q = 1; q < 4; q++)
                {
                    if (items[q] is null)
                    {
                        errors.Add($"areas[{i}].q{q + 1}", $"{instrument.FindArea(code)!.Name}: this area bothered you, so answer question {q + 1} too.");
                    }
                }
            }
        }

        if (complete)
        {
            foreach (var missing in instrument.Areas.Where(x => !seen.Contains(x.Code)))
            {
                errors.Add("areas", $"{missing.Name}: answer the first question.");
            }
        }

        return errors.All;
    }
}
