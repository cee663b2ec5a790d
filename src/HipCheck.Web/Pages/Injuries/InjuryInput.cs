using HipCheck.Core.Injuries;
using HipCheck.Web.Injuries;

namespace HipCheck.Web.Pages.Injuries;

/// <summary>The injury form; the rules are Core's (<see cref="InjuryCodes.Validate"/>), shared with the API.</summary>
public sealed class InjuryInput
{
    /// <summary>Absence rows the form offers; empty rows are ignored.</summary>
    public const int AbsenceRows = 3;

    public string? Region { get; set; }

    public string? Diagnosis { get; set; }

    public string? DiagnosisText { get; set; }

    public DateOnly? OnsetDate { get; set; }

    public string? Mechanism { get; set; }

    public bool? NeededTreatment { get; set; }

    public int? DaysLost { get; set; }

    public string? Onset { get; set; }

    public string? Contact { get; set; }

    public string? Tissue { get; set; }

    public string? Side { get; set; }

    public string? Activity { get; set; }

    public DateOnly? ReturnDate { get; set; }

    public List<AbsenceInput> Absences { get; set; } = [];

    public string? Subsequent { get; set; }

    public string? EventId { get; set; }

    /// <summary>Shown beside the subsequent-injury choice (from Core, against the athlete's earlier records).</summary>
    public string? SuggestionText { get; set; }

    public InjuryEntry ToEntry()
    {
        var absences = Absences.Where(a => a.FirstDayMissed is not null || a.ReturnDate is not null)
            .Select(a => new AbsenceEntry(a.FirstDayMissed, a.ReturnDate)).ToList();
        // With dates the time loss is counted from them: the days-lost box then only matters without dates.
        var days = ReturnDate is not null || absences.Count > 0 ? null : DaysLost;
        return new(Region, Diagnosis, DiagnosisText, OnsetDate, Mechanism, NeededTreatment, days, Onset, Contact, Tissue, Side, Activity,
            ReturnDate, absences.Count > 0 ? absences : null, Subsequent, EventId);
    }

    /// <summary>Pads the absence rows to <see cref="AbsenceRows"/> for display.</summary>
    public InjuryInput WithAbsenceRows()
    {
        while (Absences.Count < AbsenceRows)
        {
            Absences.Add(new AbsenceInput());
        }

        return this;
    }

    public static InjuryInput From(Injury i) => new InjuryInput
    {
        Region = InjuryCodes.Code(i.Region),
        Diagnosis = InjuryCodes.Code(i.Diagnosis),
        DiagnosisText = i.DiagnosisText,
        OnsetDate = i.OnsetDate,
        Mechanism = InjuryCodes.Code(i.Mechanism),
        NeededTreatment = i.NeededTreatment,
        DaysLost = i.DaysLost,
        Onset = IocInjuryCodes.Code(i.Onset),
        Contact = i.Contact is { } c ? IocInjuryCodes.Code(c) : null,
        Tissue = i.Tissue,
        Side = i.Side is { } s ? IocInjuryCodes.Code(s) : null,
        Activity = i.Activity is { } a ? IocInjuryCodes.Code(a) : null,
        ReturnDate = i.ReturnDate,
        Absences = [.. i.Absences.Select(a => new AbsenceInput { FirstDayMissed = a.FirstDayMissed, ReturnDate = a.ReturnDate })],
        // Unconfirmed: the suggestion is preselected, so saving the form confirms it.
        Subsequent = i.Subsequent is { } k ? IocInjuryCodes.Code(k) : i.SubsequentSuggested is { } g ? IocInjuryCodes.Code(g) : null,
        EventId = i.EventId,
    }.WithAbsenceRows();
}

public sealed class AbsenceInput
{
    public DateOnly? FirstDayMissed { get; set; }

    public DateOnly? ReturnDate { get; set; }
}
