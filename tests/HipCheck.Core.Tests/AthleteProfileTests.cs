using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Tests;

public class AthleteProfileTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    private sealed record Input(
        string? Name, string? Sex, DateOnly? BirthDate, double? BodyMassKg, double? HeightCm, string? Sport, string? DominantLeg);

    private static readonly Input Valid = new("Ada Runner", "female", new DateOnly(1990, 5, 17), 58.5, 168, "Trail running", "right");

    private static IReadOnlyList<FieldError> Check(Input i) =>
        AthleteProfile.Validate(i.Name, i.Sex, i.BirthDate, i.BodyMassKg, i.HeightCm, i.Sport, i.DominantLeg, Today);

    private static FieldError SingleError(Input i) => Assert.Single(Check(i));

    [Fact]
    public void A_valid_profile_has_no_errors()
    {
        Assert.Empty(Check(Valid));
        Assert.Empty(Check(Valid with { Sex = " M ", DominantLeg = "L", Sport = null }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_name_is_required(string? name)
    {
        var error = SingleError(Valid with { Name = name });
        Assert.Equal(("name", "Enter the athlete's name."), (error.Field, error.Message));
    }

    [Fact]
    public void The_name_has_at_most_100_characters_after_trimming()
    {
        Assert.Empty(Check(Valid with { Name = "  " + new string('a', 100) + "  " }));

        var error = SingleError(Valid with { Name = new string('a', 101) });
        Assert.Equal(("name", "The name can be at most 100 characters."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(null, "Choose female or male.")]
    [InlineData(" ", "Choose female or male.")]
    [InlineData("x", "Unknown sex 'x'. Use female or male.")]
    [InlineData("other", "Unknown sex 'other'. Use female or male.")]
    public void The_sex_is_female_or_male(string? sex, string message)
    {
        var error = SingleError(Valid with { Sex = sex });
        Assert.Equal(("sex", message), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("female", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData(" Female ", Sex.Female)]
    [InlineData("MALE", Sex.Male)]
    [InlineData("m", Sex.Male)]
    public void Sex_parses_words_and_initials(string value, Sex expected)
    {
        Assert.True(AthleteProfile.TryParseSex(value, out var sex));
        Assert.Equal(expected, sex);
        Assert.Equal(expected == Sex.Female ? "female" : "male", AthleteProfile.SexCode(sex));
    }

    [Theory]
    [InlineData("left", Side.Left)]
    [InlineData(" L ", Side.Left)]
    [InlineData("RIGHT", Side.Right)]
    [InlineData("r", Side.Right)]
    public void Sides_parse_words_and_initials(string value, Side expected)
    {
        Assert.True(AthleteProfile.TryParseSide(value, out var side));
        Assert.Equal(expected, side);
    }

    [Fact]
    public void A_birth_date_is_required()
    {
        var error = SingleError(Valid with { BirthDate = null });
        Assert.Equal(("birthDate", "Enter the birth date (YYYY-MM-DD)."), (error.Field, error.Message));
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var error = SingleError(Valid with { BirthDate = new DateOnly(2026, 1, 16) });
        Assert.Equal(("birthDate", "The birth date cannot be in the future."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("2026-01-15")] // born today: 0 years
    [InlineData("2020-01-16")] // sixth birthday tomorrow: 5 years
    public void An_athlete_under_6_is_refused(string birthDate)
    {
        var error = SingleError(Valid with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(("birthDate", "The athlete must be at least 6 years old."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("2020-01-15")] // sixth birthday today
    [InlineData("1916-01-15")] // 110th birthday today
    [InlineData("1915-01-16")] // 110 years and 364 days
    public void Ages_from_6_to_110_are_accepted(string birthDate)
    {
        Assert.Empty(Check(Valid with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public void An_age_above_110_is_refused()
    {
        // 1915-01-15 to 2026-01-15: 111 years
        var error = SingleError(Valid with { BirthDate = new DateOnly(1915, 1, 15) });
        Assert.Equal(("birthDate", "The birth date gives an age above 110 years: check the year."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(null, "Enter the body mass in kg.")]
    [InlineData(19.9, "Body mass must be between 20 and 300 kg.")]
    [InlineData(300.1, "Body mass must be between 20 and 300 kg.")]
    [InlineData(0.0, "Body mass must be between 20 and 300 kg.")]
    [InlineData(-60.0, "Body mass must be between 20 and 300 kg.")]
    [InlineData(double.NaN, "Body mass must be between 20 and 300 kg.")]
    [InlineData(double.PositiveInfinity, "Body mass must be between 20 and 300 kg.")]
    public void Body_mass_must_lie_between_20_and_300_kg(double? bodyMassKg, string message)
    {
        var error = SingleError(Valid with { BodyMassKg = bodyMassKg });
        Assert.Equal(("bodyMassKg", message), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(300.0)]
    public void Body_mass_limits_are_inclusive(double bodyMassKg)
    {
        Assert.Empty(Check(Valid with { BodyMassKg = bodyMassKg }));
    }

    [Theory]
    [InlineData(null, "Enter the height in cm.")]
    [InlineData(99.9, "Height must be between 100 and 250 cm.")]
    [InlineData(250.1, "Height must be between 100 and 250 cm.")]
    [InlineData(1.68, "Height must be between 100 and 250 cm.")] // metres typed as cm
    [InlineData(double.NaN, "Height must be between 100 and 250 cm.")]
    [InlineData(double.NegativeInfinity, "Height must be between 100 and 250 cm.")]
    public void Height_must_lie_between_100_and_250_cm(double? heightCm, string message)
    {
        var error = SingleError(Valid with { HeightCm = heightCm });
        Assert.Equal(("heightCm", message), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(250.0)]
    public void Height_limits_are_inclusive(double heightCm)
    {
        Assert.Empty(Check(Valid with { HeightCm = heightCm }));
    }

    [Fact]
    public void The_sport_is_optional_and_at_most_60_characters()
    {
        Assert.Empty(Check(Valid with { Sport = null }));
        Assert.Empty(Check(Valid with { Sport = new string('s', 60) }));

        var error = SingleError(Valid with { Sport = new string('s', 61) });
        Assert.Equal(("sport", "The sport can be at most 60 characters."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(null, "Choose the dominant leg: left or right.")]
    [InlineData("", "Choose the dominant leg: left or right.")]
    [InlineData("both", "Unknown leg 'both'. Use left or right.")]
    [InlineData("links", "Unknown leg 'links'. Use left or right.")]
    public void The_dominant_leg_is_left_or_right(string? leg, string message)
    {
        var error = SingleError(Valid with { DominantLeg = leg });
        Assert.Equal(("dominantLeg", message), (error.Field, error.Message));
    }

    [Fact]
    public void Every_field_is_checked_and_reported_in_order()
    {
        var errors = Check(new Input(null, "?", new DateOnly(2030, 1, 1), 5, 50, new string('s', 61), "?"));

        Assert.Equal(
            ["name", "sex", "birthDate", "bodyMassKg", "heightCm", "sport", "dominantLeg"],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("2000-06-15", "2026-06-14", 25)] // the day before the birthday
    [InlineData("2000-06-15", "2026-06-15", 26)] // on the birthday
    [InlineData("2000-06-15", "2026-06-16", 26)]
    [InlineData("2000-12-31", "2001-01-01", 0)] // a new calendar year is not a birthday
    [InlineData("2000-06-15", "2000-06-15", 0)]
    [InlineData("2003-03-01", "2004-02-29", 0)] // a leap day before a 1 March birthday
    [InlineData("2003-03-01", "2004-03-01", 1)]
    public void Age_counts_whole_years_up_to_the_birthday(string birth, string on, int age)
    {
        Assert.Equal(age, AthleteProfile.AgeOn(Date(birth), Date(on)));
    }

    [Theory]
    [InlineData("2005-02-27", 0)]
    [InlineData("2005-02-28", 1)] // common year: the birthday is taken as 28 February (DateOnly.AddYears clamps)
    [InlineData("2005-03-01", 1)]
    [InlineData("2008-02-28", 3)] // leap year: the birthday is 29 February itself
    [InlineData("2008-02-29", 4)]
    [InlineData("2100-02-28", 96)] // 2100 is not a leap year
    public void Someone_born_on_29_February_ages_on_28_February_in_common_years(string on, int age)
    {
        Assert.Equal(age, AthleteProfile.AgeOn(new DateOnly(2004, 2, 29), Date(on)));
    }

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
