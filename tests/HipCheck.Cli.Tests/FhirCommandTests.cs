// The FHIR model marks most elements nullable; the assertions below fail loudly on a missing one anyway.
#nullable disable warnings
using System.Text.Json;
using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Studies.Exports;
using HipCheck.Testing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace HipCheck.Cli.Tests;

/// <summary>
/// `hipcheck fhir` through the real executable, on a long export written by Core's LongLayout:
/// S-01 (F, 1990): 2025-09-01, 60 kg: hip extension 200, 210 / 250, 250 N, the back hold 95 s; 2025-10-01, 62 kg:
/// hip extension 240 / 240 N (one trial each). S-02 (M, 1985): 2025-09-02, 80 kg: single-leg bridge 40, 44 / 50, 50 s.
/// </summary>
public sealed class FhirCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private readonly string folder = Directory.CreateTempSubdirectory("hipcheck-fhir-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static HipCheck.Core.Measurement.TestResult Force(string test, double[] left, double[] right, double mass) =>
        ScreeningEvaluator.Evaluate(new TestEntry(test, "N", left, right), mass);

    private static readonly ExportAthlete[] Athletes =
    [
        new("S-01", Sex.Female, 1990,
        [
            new(new DateOnly(2025, 9, 1), 60,
            [
                Force("hip-extension", [200, 210], [250, 250], 60),
                ScreeningEvaluator.Evaluate(new TestEntry("back-extension-endurance", Seconds: 95), 60),
            ]),
            new(new DateOnly(2025, 10, 1), 62, [Force("hip-extension", [240], [240], 62)]),
        ], null),
        new("S-02", Sex.Male, 1985,
            [new(new DateOnly(2025, 9, 2), 80, [ScreeningEvaluator.Evaluate(new TestEntry("single-leg-bridge", null, [40, 44], [50, 50]), 80)])], null),
    ];

    private string WriteLong(string text)
    {
        var path = Path.Combine(folder, "long.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<Dictionary<string, Bundle>> Convert()
    {
        var output = Path.Combine(folder, "fhir");
        var (exit, stdout, stderr) = await Cli.RunAsync("fhir", "--long", WriteLong(LongLayout.Build(Athletes).ToCsv()), "--out", output);
        Assert.True(exit == 0, stderr);
        Assert.Contains("wrote 2 bundles (7 observations)", stdout, StringComparison.Ordinal);
        return Directory.GetFiles(output).ToDictionary(Path.GetFileName,
            f => JsonSerializer.Deserialize<Bundle>(File.ReadAllText(f), Json));
    }

    [Fact]
    public async Task Writes_one_bundle_per_athlete_named_by_the_study_code()
    {
        var bundles = await Convert();

        Assert.Equal(["S-01.json", "S-02.json"], bundles.Keys.Order(StringComparer.Ordinal));
        Assert.All(bundles.Values, b => Assert.Equal(Bundle.BundleType.Transaction, b.Type));
    }

    [Fact]
    public async Task The_patient_is_only_the_study_code_sex_and_birth_year()
    {
        var bundle = (await Convert())["S-01.json"];

        var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();
        Assert.Empty(patient.Name);
        Assert.Empty(patient.Telecom);
        Assert.Empty(patient.Address);
        Assert.Equal(("1990", AdministrativeGender.Female), (patient.BirthDate, patient.Gender!.Value));
        var identifier = Assert.Single(patient.Identifier);
        Assert.Equal(("https://fhir.hipcheck.app/study-code", "S-01"), (identifier.System, identifier.Value));
    }

    [Fact]
    public async Task Observations_carry_the_side_score_in_UCUM_the_laterality_and_N_per_kg()
    {
        var bundle = (await Convert())["S-01.json"];
        var patientUrl = bundle.Entry.Single(e => e.Resource is Patient).FullUrl;

        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Equal(5, observations.Count);
        var left = observations.Single(o => o.Effective.ToString() == "2025-09-01" && o.BodySite?.Coding[0].Code == "7771000");
        Assert.Equal(("https://fhir.hipcheck.app/CodeSystem/hipcheck-tests", "hip-extension"), (left.Code.Coding[0].System, left.Code.Coding[0].Code));
        Assert.Equal(("http://snomed.info/sct", "Left hip"), (left.BodySite.Coding[0].System, left.BodySite.Text));
        var value = (Quantity)left.Value;
        Assert.Equal((205m, "N", "http://unitsofmeasure.org"), (value.Value!.Value, value.Code, value.System));
        var perKg = (Quantity)left.Component.Single().Value;
        Assert.Equal((3.4167m, "N/kg"), (perKg.Value!.Value, perKg.Code));
        Assert.Equal("Hand-held dynamometer, isometric; mean of 2 trial(s)", left.Method.Text);
        Assert.Equal(patientUrl, left.Subject.Reference);
        var right = observations.Single(o => o.Effective.ToString() == "2025-10-01" && o.BodySite?.Coding[0].Code == "24028007");
        Assert.Equal(240m, ((Quantity)right.Value).Value);
        var hold = observations.Single(o => o.Code.Coding[0].Code == "back-extension-endurance");
        Assert.Null(hold.BodySite);
        Assert.Equal((95m, "s"), (((Quantity)hold.Value).Value!.Value, ((Quantity)hold.Value).Code));
        Assert.Empty(bundle.Entry.Select(e => e.Resource).OfType<Condition>());
    }

    [Fact]
    public async Task Every_entry_is_a_put_of_its_own_id_so_posting_again_changes_nothing()
    {
        var first = (await Convert())["S-02.json"];
        var again = (await Convert())["S-02.json"];

        Assert.All(first.Entry, e => Assert.Equal(($"{e.Resource.TypeName}/{e.Resource.Id}", Bundle.HTTPVerb.PUT), (e.Request.Url, e.Request.Method!.Value)));
        Assert.Contains(first.Entry, e => e.Request.Url == "CodeSystem/hipcheck-tests");
        Assert.Equal(first.Entry.Select(e => e.FullUrl), again.Entry.Select(e => e.FullUrl));
    }

    [Fact]
    public async Task Every_bundle_validates_against_the_r4_base_specification_without_errors()
    {
        foreach (var (name, bundle) in await Convert())
        {
            var errors = R4Validation.Errors(bundle, w => TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {w}"));

            Assert.True(errors.Count == 0, name + ":\n" + string.Join("\n", errors));
        }
    }

    [Fact]
    public async Task An_invalid_row_exits_2_naming_its_line_and_column()
    {
        var lines = LongLayout.Build(Athletes).Lines().ToArray();
        lines[2] = lines[2].Replace("hip-extension", "squat", StringComparison.Ordinal);

        var (exit, stdout, stderr) = await Cli.RunAsync("fhir", "--long", WriteLong(string.Join("\n", lines)), "--out", Path.Combine(folder, "fhir"));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("long.csv: line 3, column test: must be hip-extension", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "fhir")));
    }

    [Fact]
    public async Task A_study_code_that_is_no_safe_file_name_exits_2()
    {
        var csv = LongLayout.Build([Athletes[1] with { Code = "../escape" }]).ToCsv();

        var (exit, _, stderr) = await Cli.RunAsync("fhir", "--long", WriteLong(csv), "--out", Path.Combine(folder, "fhir"));

        Assert.Equal(2, exit);
        Assert.Contains("line 2, column study_code: '../escape' cannot name a file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_its_path()
    {
        var missing = Path.Combine(folder, "nowhere.csv");

        var (exit, _, stderr) = await Cli.RunAsync("fhir", "--long", missing, "--out", Path.Combine(folder, "fhir"));

        Assert.Equal(2, exit);
        Assert.Contains($"hipcheck fhir: {missing} does not exist.", stderr, StringComparison.Ordinal);
    }
}
