using HipCheck.Core.Measurement;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Athletes;

public enum Sex
{
    Female,
    Male,
}

/// <summary>The facts about an athlete that the measurements need, validated at the edge.</summary>
public sealed record AthleteProfile(
    string Name,
    Sex Sex,
    DateOnly BirthDate,
    double BodyMassKg,
    double HeightCm,
    string? Sport,
    Side DominantLeg)
{
    public const int NameMaxLength = 100;
    public const int SportMaxLength = 60;

    /// <summary>Body mass outside this range is a typing error (kg entered as lb, a missing digit).</summary>
    public const double MinBodyMassKg = 20, MaxBodyMassKg = 300;

    public const double MinHeightCm = 100, MaxHeightCm = 250;

    /// <summary>Screening children younger than this is outside what the evidence covers.</summary>
    public const int MinAgeYears = 6;

    public const int MaxAgeYears = 110;

    public static bool TryParseSex(string? value, out Sex sex)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "FEMALE" or "F":
                sex = Sex.Female;
                return true;
            case "MALE" or "M":
                sex = Sex.Male;
                return true;
            default:
                sex = default;
                return false;
        }
    }

    public static string SexCode(Sex sex) => sex == Sex.Female ? "female" : "male";

    public static bool TryParseSide(string? value, out Side side)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "LEFT" or "L":
                side = Side.Left;
                return true;
            case "RIGHT" or "R":
                side = Side.Right;
                return true;
            default:
                side = default;
                return false;
        }
    }

    /// <summary>Age in whole years on <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        if (on < birthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>
    /// Validates raw input. Field names are the API's; <paramref name="today"/> comes from the caller's clock.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(
        string? name, string? sex, DateOnly? birthDate, double? bodyMassKg, double? heightCm, string? sport,
        string? dominantLeg, DateOnly today)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "Enter the athlete's name.");
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add("name", $"The name can be at most {NameMaxLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(sex))
        {
            errors.Add("sex", "Choose female or male.");
        }
        else if (!TryParseSex(sex, out _))
        {
            errors.Add("sex", $"Unknown sex '{sex}'. Use female or male.");
        }

        if (birthDate is null)
        {
            errors.Add("birthDate", "Enter the birth date (YYYY-MM-DD).");
        }
        else if (birthDate > today)
        {
            errors.Add("birthDate", "The birth date cannot be in the future.");
        }
        else if (AgeOn(birthDate.Value, today) < MinAgeYears)
        {
            errors.Add("birthDate", $"The athlete must be at least {MinAgeYears} years old.");
        }
        else if (AgeOn(birthDate.Value, today) > MaxAgeYears)
        {
            errors.Add("birthDate", $"The birth date gives an age above {MaxAgeYears} years: check the year.");
        }

        if (bodyMassKg is null)
        {
            errors.Add("bodyMassKg", "Enter the body mass in kg.");
        }
        else if (!double.IsFinite(bodyMassKg.Value) || bodyMassKg < MinBodyMassKg || bodyMassKg > MaxBodyMassKg)
        {
            errors.Add("bodyMassKg", $"Body mass must be between {MinBodyMassKg} and {MaxBodyMassKg} kg.");
        }

        if (heightCm is null)
        {
            errors.Add("heightCm", "Enter the height in cm.");
        }
        else if (!double.IsFinite(heightCm.Value) || heightCm < MinHeightCm || heightCm > MaxHeightCm)
        {
            errors.Add("heightCm", $"Height must be between {MinHeightCm} and {MaxHeightCm} cm.");
        }

        if (sport is not null && sport.Trim().Length > SportMaxLength)
        {
            errors.Add("sport", $"The sport can be at most {SportMaxLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(dominantLeg))
        {
            errors.Add("dominantLeg", "Choose the dominant leg: left or right.");
        }
        else if (!TryParseSide(dominantLeg, out _))
        {
            errors.Add("dominantLeg", $"Unknown leg '{dominantLeg}'. Use left or right.");
        }

        return errors.All;
    }
}
