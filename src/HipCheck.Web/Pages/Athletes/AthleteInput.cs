using System.ComponentModel.DataAnnotations;
using HipCheck.Core.Athletes;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HipCheck.Web.Pages.Athletes;

/// <summary>The athlete form; the rules are Core's (<see cref="AthleteProfile.Validate"/>), shared with the API.</summary>
public sealed class AthleteInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Sex")]
    public string? Sex { get; set; }

    [Display(Name = "Birth date")]
    [DataType(DataType.Date)]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "Body mass (kg)")]
    public double? BodyMassKg { get; set; }

    [Display(Name = "Height (cm)")]
    public double? HeightCm { get; set; }

    [Display(Name = "Sport")]
    public string? Sport { get; set; }

    [Display(Name = "Dominant leg")]
    public string? DominantLeg { get; set; }

    [Display(Name = "Team")]
    public Guid? TeamId { get; set; }

    public AthleteRequest ToRequest() => new(Name, Sex, BirthDate, BodyMassKg, HeightCm, Sport, DominantLeg, TeamId);

    public static AthleteInput From(Athlete a) => new()
    {
        Name = a.Name,
        Sex = AthleteProfile.SexCode(a.Sex),
        BirthDate = a.BirthDate,
        BodyMassKg = a.BodyMassKg,
        HeightCm = a.HeightCm,
        Sport = a.Sport,
        DominantLeg = HipCheck.Core.Measurement.Sides.Code(a.DominantLeg),
        TeamId = a.TeamId,
    };
}

public static class ModelStateExtensions
{
    /// <summary>Adds Core's field errors ("bodyMassKg") under the form's names ("Input.BodyMassKg").</summary>
    public static void AddFieldErrors(this ModelStateDictionary state, IEnumerable<FieldError> errors, string prefix = "Input.")
    {
        foreach (var error in errors)
        {
            var key = $"{prefix}{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
            if (state.TryGetValue(key, out var existing) && existing.Errors.Count > 0)
            {
                continue; // one message per field: the binder already said the value is not a number or date
            }

            state.AddModelError(key, error.Message);
        }
    }
}
