using System.Globalization;
using System.Text;

namespace HipCheck.Cli;

/// <summary>
/// Writes a synthetic cohort CSV for benchmarks and test fixtures: deterministic for a seed (System.Random with
/// a seed is stable across .NET versions), about 54 bytes a row. The event risk rises with hip-extension
/// asymmetry in women and falls with normalised extension strength, so the models have something to find.
/// Event days are whole days; with a tie step of k days they are rounded up to a multiple of k (many ties).
/// </summary>
internal static class CohortGenerator
{
    public static void Write(Stream output, int rows, int seed, int tieStepDays)
    {
        var rng = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine("athlete_id,sex,body_mass_kg,hip_ext_left_N,hip_ext_right_N,hip_abd_left_N,hip_abd_right_N,back_endurance_s,followup_days,lbp_event,days_to_event");
        var c = CultureInfo.InvariantCulture;
        for (var i = 1; i <= rows; i++)
        {
            var female = rng.NextDouble() < 0.5;
            var mass = Math.Round(Math.Max(40, female ? Normal(rng, 60, 7) : Normal(rng, 72, 8)), 1);
            var extPerKg = Math.Max(1.5, Normal(rng, 3.6, 0.6));
            var stronger = Math.Round(mass * extPerKg, 1);
            var asymmetry = Math.Min(60, Math.Abs(Normal(rng, 0, 10)));
            var weaker = Math.Max(1, Math.Round(stronger * (1 - (asymmetry / 100)), 1));
            var leftWeaker = rng.NextDouble() < 0.5;
            var (extLeft, extRight) = leftWeaker ? (weaker, stronger) : (stronger, weaker);
            var realAsymmetry = 100 * (stronger - weaker) / stronger;
            var meanPerKg = (extLeft + extRight) / 2 / mass;

            var abdMissing = rng.NextDouble() < 0.1;
            var abdLeft = Math.Round(Math.Max(20, mass * Normal(rng, 2.5, 0.4)), 1);
            var abdRight = Math.Round(Math.Max(20, abdLeft * Normal(rng, 1, 0.08)), 1);
            var backMissing = rng.NextDouble() < 0.15;
            var back = Math.Round(Math.Max(5, Normal(rng, 110, 35)));

            var followup = rng.NextDouble() < 0.1 ? rng.Next(30, 365) : 365;
            var logit = -2.9 + (0.07 * realAsymmetry * (female ? 1 : 0)) + (0.008 * realAsymmetry) - (0.35 * (meanPerKg - 3.6)) + (female ? 0.1 : 0);
            var eventDay = rng.Next(1, 366);
            if (tieStepDays > 1)
            {
                eventDay = Math.Min(365, ((eventDay + tieStepDays - 1) / tieStepDays) * tieStepDays);
            }

            var hadEvent = rng.NextDouble() < 1 / (1 + Math.Exp(-logit)) && eventDay <= followup;
            var days = hadEvent ? eventDay : followup;

            writer.Write(string.Create(c, $"A{i:D7},{(female ? 'F' : 'M')},{mass:0.0},{extLeft:0.0},{extRight:0.0},"));
            writer.Write(abdMissing ? ",," : string.Create(c, $"{abdLeft:0.0},{abdRight:0.0},"));
            writer.Write(backMissing ? "," : string.Create(c, $"{back:0},"));
            writer.WriteLine(string.Create(c, $"{followup},{(hadEvent ? 1 : 0)},{days}"));
        }
    }

    /// <summary>Box-Muller.</summary>
    private static double Normal(Random rng, double mean, double sd)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
