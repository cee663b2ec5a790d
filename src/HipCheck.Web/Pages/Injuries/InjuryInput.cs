using HipCheck.Core.Injuries;
using HipCheck.Web.Injuries;

namespace HipCheck.Web.Pages.Injuries;

/// <summary>The injury form; the rules are Core's (<see cref="InjuryCodes.Validate"/>), shared with the API.</summary>
public sealed class InjuryInput
{
    public string? Region { get; set; }

    public string? Diagnosis { get; set; }

    public string? DiagnosisText { get; set; }

    public DateOnly? OnsetDate { get; set; }

    public string? Mechanism { get; set; }

    public bool? NeededTreatment { get; set; }

    public int? DaysLost { get; set; }

    public InjuryEntry ToEntry() => new(Region, Diagnosis, DiagnosisText, OnsetDate, Mechanism, NeededTreatment, DaysLost);

    public static InjuryInput From(Injury i) => new()
    {
        Region = InjuryCodes.Code(i.Region),
        Diagnosis = InjuryCodes.Code(i.Diagnosis),
        DiagnosisText = i.DiagnosisText,
        OnsetDate = i.OnsetDate,
        Mechanism = InjuryCodes.Code(i.Mechanism),
        NeededTreatment = i.NeededTreatment,
        DaysLost = i.DaysLost,
    };
}
