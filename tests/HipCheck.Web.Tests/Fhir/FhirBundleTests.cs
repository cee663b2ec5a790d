// The FHIR model marks most elements nullable; the assertions below fail loudly on a missing one anyway.
#nullable disable warnings
using System.Net;
using System.Text.Json;
using HipCheck.Testing;
using HipCheck.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace HipCheck.Web.Tests.Fhir;

/// <summary>
/// GET /api/athletes/{id}/fhir: a FHIR R4 collection Bundle, validated against the R4 base specification with the
/// Firely validator, offline (the specification.zip of Hl7.Fhir.Specification.Data.R4, no terminology server).
/// Ada (F, born 1990-04-15): on 2025-08-30 (60 kg) hip extension 200, 210, 205 / 250, 245, 255 N, the back hold 95 s and
/// the single-leg bridge 40 / 50 s; low back pain needing treatment, onset 2025-08-20, 5 days lost (resolved by
/// today, 2025-09-01); knee pain without treatment, onset 2025-08-31, 5 days lost (still active).
/// </summary>
public class FhirBundleTests : ClockedTest
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private async Task<(HttpClient Runner, string Athlete)> Ada()
    {
        var runner = await App.RegisterAndLogin("ada@example.org");
        var athlete = (await runner.CreateAthlete(Bodies.Athlete(name: "Ada Lovelace", sex: "female", bodyMassKg: 60))).Id();
        await runner.CreateScreening(athlete, Bodies.Screening("2025-08-30", RiskReports.HipExtension18(), Bodies.BackExtension(95),
            Bodies.Force("single-leg-bridge", "s", [40], [50])));
        await runner.RecordInjury(athlete, StudyApi.Injury("2025-08-20"));
        await runner.RecordInjury(athlete, StudyApi.Injury("2025-08-31", region: "knee", diagnosis: "patellofemoral-pain", neededTreatment: false));
        return (runner, athlete);
    }

    private static async Task<Bundle> Get(HttpClient client, string athlete)
    {
        using var response = await client.GetAsync($"/api/athletes/{athlete}/fhir", TestContext.Current.CancellationToken);
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Bundle>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), Json)!;
    }

    [Fact]
    public async Task Bundle_validates_against_the_r4_base_specification_without_errors()
    {
        var (runner, athlete) = await Ada();
        var bundle = await Get(runner, athlete);

        var errors = R4Validation.Errors(bundle, w => TestContext.Current.TestOutputHelper?.WriteLine(w));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Bundle_holds_the_patient_an_observation_per_test_and_side_conditions_and_the_code_system()
    {
        var (runner, athlete) = await Ada();
        var bundle = await Get(runner, athlete);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();
        Assert.Equal(("Ada Lovelace", AdministrativeGender.Female, "1990-04-15"), (patient.Name[0].Text, patient.Gender!.Value, patient.BirthDate));
        var patientUrl = bundle.Entry.Single(e => e.Resource is Patient).FullUrl;

        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Equal(5, observations.Count);
        Assert.All(observations, o =>
        {
            Assert.Equal(ObservationStatus.Final, o.Status);
            Assert.Equal(("http://terminology.hl7.org/CodeSystem/observation-category", "exam"), (o.Category[0].Coding[0].System, o.Category[0].Coding[0].Code));
            Assert.Equal("https://fhir.hipcheck.app/CodeSystem/hipcheck-tests", o.Code.Coding[0].System);
            Assert.Equal(patientUrl, o.Subject.Reference);
            Assert.Equal("2025-08-30", ((FhirDateTime)o.Effective).Value);
            Assert.Equal("http://unitsofmeasure.org", ((Quantity)o.Value).System);
        });
        string Key(Observation o) => $"{o.Code.Coding[0].Code} {o.BodySite?.Coding[0].Code ?? "-"} {((Quantity)o.Value).Value} {((Quantity)o.Value).Code}";
        Assert.Equal(
        [
            "hip-extension 7771000 205 N", "hip-extension 24028007 250 N", "back-extension-endurance - 95 s",
            "single-leg-bridge 7771000 40 s", "single-leg-bridge 24028007 50 s",
        ], observations.Select(Key));
        var left = observations[0];
        Assert.Equal(("http://snomed.info/sct", "Left hip"), (left.BodySite.Coding[0].System, left.BodySite.Text));
        var perKg = (Quantity)left.Component.Single().Value;
        Assert.Equal((3.4167m, "N/kg", "N/kg"), (perKg.Value!.Value, perKg.Code, perKg.Unit));
        Assert.Equal("force-per-body-mass", left.Component[0].Code.Coding[0].Code);

        var conditions = bundle.Entry.Select(e => e.Resource).OfType<Condition>().ToList();
        Assert.Equal(2, conditions.Count);
        var back = conditions[0];
        Assert.Equal("Low back pain", back.Code.Text);
        Assert.Contains(back.Code.Coding, c => c.System == "https://fhir.hipcheck.app/CodeSystem/osiics-region" && c.Code == "L");
        Assert.Equal("2025-08-20", ((FhirDateTime)back.Onset).Value);
        Assert.Equal(("resolved", "confirmed"), (back.ClinicalStatus.Coding[0].Code, back.VerificationStatus.Coding[0].Code));
        Assert.Equal("L", back.BodySite[0].Coding[0].Code);
        var knee = conditions[1];
        Assert.Equal(("K", "active", "provisional"), (knee.BodySite[0].Coding[0].Code, knee.ClinicalStatus.Coding[0].Code, knee.VerificationStatus.Coding[0].Code));

        var codeSystem = bundle.Entry.Select(e => e.Resource).OfType<CodeSystem>().Single();
        Assert.Equal("https://fhir.hipcheck.app/CodeSystem/hipcheck-tests", codeSystem.Url);
        Assert.Equal(["hip-extension", "hip-abduction", "hip-external-rotation", "back-extension-endurance", "single-leg-bridge", "force-per-body-mass"],
            codeSystem.Concept.Select(c => c.Code));
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_athlete_gets_not_found()
    {
        var (_, athlete) = await Ada();
        var stranger = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await stranger.GetAsync($"/api/athletes/{athlete}/fhir", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
