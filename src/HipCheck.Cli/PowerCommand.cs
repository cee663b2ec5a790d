using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HipCheck.Core.Statistics;

namespace HipCheck.Cli;

/// <summary>
/// `hipcheck power`: athletes needed per group to detect a difference between two event proportions, as R's
/// pwr.2p.test (Cohen's h, two-sided, normal approximation) computes it; n per group rounded up.
/// </summary>
internal static class PowerCommand
{
    public static Command Create()
    {
        var p1 = Proportion("--p1", "Event proportion in the first group (e.g. exposed), between 0 and 1.", null);
        var p2 = Proportion("--p2", "Event proportion in the second group (e.g. unexposed), between 0 and 1.", null);
        var alpha = Proportion("--alpha", "Two-sided significance level.", 0.05);
        var power = Proportion("--power", "Power wanted: the chance of detecting the difference when it is real.", 0.8);
        var format = Formats.Option();
        var command = new Command("power", "Sample size for comparing two proportions (as R's pwr.2p.test).") { p1, p2, alpha, power, format };
        command.Validators.Add(r =>
        {
            if (r.GetValue(p1) == r.GetValue(p2))
            {
                r.AddError("--p1 and --p2 are equal: no sample size can detect a difference of zero.");
            }
        });
        command.SetAction(r => Run(r, r.GetValue(p1), r.GetValue(p2), r.GetValue(alpha), r.GetValue(power), r.GetValue(format)!));
        return command;
    }

    private static Option<double> Proportion(string name, string description, double? defaultValue)
    {
        var option = new Option<double>(name) { Description = description, Required = defaultValue is null };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        option.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v < 1))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and 1 (exclusive); got {v}."));
            }
        });
        return option;
    }

    private static int Run(ParseResult result, double p1, double p2, double alpha, double power, string format)
    {
        var size = Power.SampleSizeTwoProportions(p1, p2, alpha, power);
        var h = size.CohensH;
        var exact = size.NPerGroup;
        var perGroup = (long)Math.Ceiling(exact);
        var output = result.InvocationConfiguration.Output;
        if (format == "text")
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"To detect {p1:0.###} vs {p2:0.###} (Cohen's h = {h:0.####}) with a two-sided alpha of {alpha:0.###} and {power:0.###} power:"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{perGroup} athletes per group ({exact:0.##} before rounding up), {2 * perGroup} in all."));
            return 0;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("p1", p1);
            json.WriteNumber("p2", p2);
            json.WriteNumber("alpha", alpha);
            json.WriteNumber("power", power);
            json.WriteNumber("h", h);
            json.WriteNumber("nPerGroupExact", exact);
            json.WriteNumber("nPerGroup", perGroup);
            json.WriteNumber("total", 2 * perGroup);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        return 0;
    }
}
