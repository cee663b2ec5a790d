using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;
using static HipCheck.Core.Tests.Risk.RiskFixtures;

namespace HipCheck.Core.Tests.Risk;

public class StandardNormalTests
{
    // Reference values: 0.5 x erfc(-z / sqrt 2), i.e. R's pnorm(z), to 15 significant digits.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841344746068543)]
    [InlineData(-1.0, 0.158655253931457)]
    [InlineData(1.96, 0.975002104851780)]
    [InlineData(-1.96, 0.0249978951482204)]
    [InlineData(2.0, 0.977249868051821)]
    [InlineData(-2.5, 0.00620966532577614)]
    [InlineData(3.0, 0.998650101968370)]
    [InlineData(-3.0, 0.00134989803163010)]
    [InlineData(5.0, 0.999999713348428)]
    public void Cdf_matches_reference_values_to_twelve_decimals(double z, double expected)
    {
        Assert.Equal(expected, StandardNormal.Cdf(z), 12);
    }

    [Theory]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-8.0, 6.220960574271819e-16)]
    [InlineData(-10.0, 7.619853024160593e-24)]
    public void Cdf_keeps_relative_accuracy_far_in_the_lower_tail(double z, double expected)
    {
        Assert.InRange(StandardNormal.Cdf(z) / expected, 1 - 1e-7, 1 + 1e-7);
    }

    [Fact]
    public void Cdf_is_zero_and_one_at_the_extremes_and_nan_for_nan()
    {
        Assert.Equal(0.0, StandardNormal.Cdf(-40));
        Assert.Equal(1.0, StandardNormal.Cdf(40));
        Assert.Equal(0.0, StandardNormal.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, StandardNormal.Cdf(double.PositiveInfinity));
        Assert.True(double.IsNaN(StandardNormal.Cdf(double.NaN)));
    }

    [Fact]
    public void Cdf_is_symmetric()
    {
        for (var z = -6.0; z <= 6.0; z += 0.37)
        {
            Assert.Equal(1.0, StandardNormal.Cdf(z) + StandardNormal.Cdf(-z), 14);
        }
    }
}

public class NormLookupTests
{
    private static Norm N(string test, Sex? sex, NormUnit unit, Contraction contraction, double mean, double? sd, int? ageMin = null, int? ageMax = null, string id = "n") =>
        new(id, test, sex, ageMin, ageMax, unit, contraction, mean, sd, 50, null, null, "protocol", "study");

    [Theory]
    [InlineData(12.0, 84.1344746068543)] // z = 1
    [InlineData(10.0, 50.0)] // z = 0
    [InlineData(8.0, 15.8655253931457)] // z = -1
    [InlineData(13.92, 97.5002104851780)] // z = 1.96
    [InlineData(9.0, 30.8537538725987)] // z = -0.5
    public void Percentile_is_100_times_phi_of_z(double value, double expected)
    {
        var norm = N("hip-abduction", null, NormUnit.NewtonsPerKg, Contraction.Isometric, 10, 2);
        Assert.Equal(expected, NormLookup.Percentile(norm, value)!.Value, 9);
    }

    [Fact]
    public void A_norm_without_an_sd_gives_no_percentile()
    {
        Assert.Null(NormLookup.Percentile(N("hip-abduction", null, NormUnit.NewtonsPerKg, Contraction.Isometric, 10, null), 12));
    }

    [Fact]
    public void Newtons_per_kg_convert_to_percent_body_weight_through_standard_gravity()
    {
        Assert.Equal(100.0, NormLookup.PercentBodyWeight(9.80665), 12);
        Assert.Equal(20.394324259558566, NormLookup.PercentBodyWeight(2.0), 12);
    }

    [Fact]
    public void An_eccentric_norm_never_matches_an_isometric_dynamometer_test_even_with_a_lever_arm()
    {
        var catalogue = EvidenceCatalogue.Load();
        var result = Force("hip-abduction", 150, 150, leverArmM: 0.8); // 2.0 Nm/kg, the Ramskov norm's unit
        Assert.NotNull(result.Left!.NewtonMetresPerKg);
        Assert.Null(NormLookup.Find(catalogue.Norms, result, Sex.Male, 30));
        Assert.Null(NormLookup.Find(catalogue.Norms, result, Sex.Female, 40));
    }

    [Fact]
    public void A_woman_aged_20_to_29_is_compared_with_the_alvarenga_mean_in_percent_body_weight_without_a_percentile()
    {
        var catalogue = EvidenceCatalogue.Load();
        var result = Force("hip-abduction", 100, 90); // 100/60 N/kg and 90/60 N/kg
        var norms = NormLookup.Compare(catalogue.Norms, result, Sex.Female, 25);

        Assert.Equal("alvarenga-2019-iso-abduction-female-20-29", norms.Norm!.Id);
        Assert.Equal(2, norms.Comparisons.Count);
        var left = norms.Comparisons.Single(c => c.Side == Side.Left);
        Assert.Equal(100.0 / 60 / 9.80665 * 100, left.Value, 12); // 16.996 %BW
        Assert.Null(left.Percentile);
        Assert.Null(norms.WeakerSidePercentile);
    }

    [Theory]
    [InlineData(Sex.Female, 19)]
    [InlineData(Sex.Female, 30)]
    [InlineData(Sex.Male, 25)]
    public void Outside_the_norms_sex_and_ages_there_is_no_norm(Sex sex, int age)
    {
        var norms = NormLookup.Compare(EvidenceCatalogue.Load().Norms, Force("hip-extension", 200, 180), sex, age);
        Assert.False(norms.HasNorm);
        Assert.Empty(norms.Comparisons);
        Assert.Equal("hip-extension", norms.TestCode);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(29)]
    public void Norm_ages_are_inclusive(int age)
    {
        Assert.NotNull(NormLookup.Find(EvidenceCatalogue.Load().Norms, Force("hip-extension", 200, 180), Sex.Female, age));
    }

    [Fact]
    public void The_shipped_catalogue_has_no_norm_for_the_back_extension_hold()
    {
        Assert.False(NormLookup.Compare(EvidenceCatalogue.Load().Norms, BackHold(120), Sex.Male, 40).HasNorm);
    }

    [Fact]
    public void A_newton_metre_norm_matches_only_when_a_lever_arm_was_entered()
    {
        Norm[] norms = [N("hip-abduction", null, NormUnit.NewtonMetresPerKg, Contraction.Isometric, 1.5, 0.3)];
        Assert.Null(NormLookup.Find(norms, Force("hip-abduction", 100, 100), Sex.Female, 30));

        var compared = NormLookup.Compare(norms, Force("hip-abduction", 100, 120, leverArmM: 0.9), Sex.Female, 30);
        Assert.Equal(1.5, compared.Comparisons.Single(c => c.Side == Side.Left).Value, 12); // 100 x 0.9 / 60
        Assert.Equal(50.0, compared.Comparisons.Single(c => c.Side == Side.Left).Percentile!.Value, 9);
        Assert.Equal(1.8, compared.Comparisons.Single(c => c.Side == Side.Right).Value, 12);
        Assert.Equal(84.1344746068543, compared.Comparisons.Single(c => c.Side == Side.Right).Percentile!.Value, 9);
        Assert.Equal(50.0, compared.WeakerSidePercentile!.Value, 9);
    }

    [Fact]
    public void A_force_norm_never_matches_a_hold_test_and_a_seconds_norm_never_matches_a_force_test()
    {
        Norm[] forceOnHold = [N("back-extension-endurance", null, NormUnit.NewtonsPerKg, Contraction.Hold, 100, 20)];
        Assert.Null(NormLookup.Find(forceOnHold, BackHold(100), Sex.Male, 40));

        Norm[] secondsOnForce = [N("hip-abduction", null, NormUnit.Seconds, Contraction.Isometric, 100, 20)];
        Assert.Null(NormLookup.Find(secondsOnForce, Force("hip-abduction", 100, 100), Sex.Male, 40));
    }

    [Fact]
    public void An_isometric_norm_never_matches_a_hold_test()
    {
        Norm[] norms = [N("back-extension-endurance", null, NormUnit.Seconds, Contraction.Isometric, 100, 20)];
        Assert.Null(NormLookup.Find(norms, BackHold(100), Sex.Male, 40));
    }

    [Fact]
    public void A_back_extension_hold_is_compared_in_seconds_as_one_unsided_value()
    {
        Norm[] norms = [N("back-extension-endurance", Sex.Male, NormUnit.Seconds, Contraction.Hold, 150, 50)];
        var compared = NormLookup.Compare(norms, BackHold(100), Sex.Male, 40);
        var only = Assert.Single(compared.Comparisons);
        Assert.Null(only.Side);
        Assert.Equal(100.0, only.Value);
        Assert.Equal(15.8655253931457, only.Percentile!.Value, 9);
    }

    [Fact]
    public void A_sided_hold_is_compared_per_side_in_seconds()
    {
        Norm[] norms = [N("single-leg-bridge", null, NormUnit.Seconds, Contraction.Hold, 40, 10)];
        var result = ScreeningEvaluator.Evaluate(new TestEntry("single-leg-bridge", Left: [50, 50], Right: [30, 30]), BodyMassKg);
        var compared = NormLookup.Compare(norms, result, Sex.Female, 35);
        Assert.Equal(84.1344746068543, compared.Comparisons.Single(c => c.Side == Side.Left).Percentile!.Value, 9);
        Assert.Equal(15.8655253931457, compared.WeakerSidePercentile!.Value, 9);
    }

    [Fact]
    public void A_norm_with_an_sd_is_preferred_then_a_sex_specific_one_then_one_with_ages()
    {
        var result = Force("hip-extension", 120, 120); // 2 N/kg
        var noSd = N("hip-extension", Sex.Female, NormUnit.NewtonsPerKg, Contraction.Isometric, 2, null, 20, 40, "no-sd");
        var anySex = N("hip-extension", null, NormUnit.NewtonsPerKg, Contraction.Isometric, 2, 0.5, id: "any-sex");
        var female = N("hip-extension", Sex.Female, NormUnit.NewtonsPerKg, Contraction.Isometric, 2, 0.5, id: "female");
        var femaleAged = N("hip-extension", Sex.Female, NormUnit.NewtonsPerKg, Contraction.Isometric, 2, 0.5, 20, 40, "female-aged");

        Assert.Equal("any-sex", NormLookup.Find([noSd, anySex], result, Sex.Female, 30)!.Id);
        Assert.Equal("female", NormLookup.Find([anySex, female], result, Sex.Female, 30)!.Id);
        Assert.Equal("female-aged", NormLookup.Find([female, femaleAged], result, Sex.Female, 30)!.Id);
        Assert.Equal("any-sex", NormLookup.Find([anySex, female], result, Sex.Male, 30)!.Id);
        Assert.Equal("no-sd", NormLookup.Find([noSd], result, Sex.Female, 30)!.Id);
    }

    [Fact]
    public void A_norm_for_another_test_never_matches()
    {
        Norm[] norms = [N("hip-extension", null, NormUnit.NewtonsPerKg, Contraction.Isometric, 2, 0.5)];
        Assert.Null(NormLookup.Find(norms, Force("hip-abduction", 120, 120), Sex.Female, 30));
    }

    [Fact]
    public void A_parsed_percent_body_weight_norm_with_an_sd_gives_a_percentile_on_each_side()
    {
        var json = MinimalJson();
        json["norms"]!.AsArray().Add(Norm("iso-abd", "hip-abduction", null, "%BW", "isometric", 20, 4, "study-a"));
        var catalogue = Parse(json);
        var oneG = 9.80665 * 60 * 0.24; // 24 %BW: z = 1
        var compared = NormLookup.Compare(catalogue.Norms, Force("hip-abduction", oneG, oneG), Sex.Male, 40);
        Assert.All(compared.Comparisons, c => Assert.Equal(84.1344746068543, c.Percentile!.Value, 9));
        Assert.Equal(24.0, compared.Comparisons[0].Value, 12);
    }

    [Fact]
    public void The_shipped_protocols_say_an_eccentric_norm_is_not_for_the_isometric_test()
    {
        var ramskov = EvidenceCatalogue.Load().Norms.Where(n => n.StudyId == "ramskov-2014").ToList();
        Assert.Equal(2, ramskov.Count);
        Assert.All(ramskov, n => Assert.Equal(Contraction.Eccentric, n.Contraction));
        Assert.All(ramskov, n => Assert.Equal(NormUnit.NewtonMetresPerKg, n.Unit));
    }

    [Fact]
    public void Every_shipped_norm_cites_a_study_in_the_catalogue()
    {
        var catalogue = EvidenceCatalogue.Load();
        Assert.All(catalogue.Norms, n => Assert.NotNull(catalogue.FindStudy(n.StudyId)));
    }

}
