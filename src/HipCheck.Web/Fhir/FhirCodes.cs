using HipCheck.Core.Injuries;
using HipCheck.Core.Measurement;
using Hl7.Fhir.Model;

namespace HipCheck.Web.Fhir;

/// <summary>
/// The code systems HipCheck's FHIR bundles use. LOINC and SNOMED CT have no code for hand-held-dynamometer hip strength
/// or the Biering-Sørensen hold, so the tests are codes of our own CodeSystem (as New Zealand ACC's musculoskeletal guide
/// does), with a stable canonical URL under the project's domain; laterality is SNOMED CT; units are UCUM. Every
/// injury field that maps to a code is mapped here, so IOC 2020 fields (onset mode, contact, tissue, side) are added in
/// one place.
/// </summary>
public static class FhirCodes
{
    /// <summary>The canonical base of HipCheck's FHIR artefacts (docs/exports.md: the domain HipCheck publishes under).</summary>
    public const string CanonicalBase = "https://fhir.hipcheck.app";

    public const string TestsSystem = CanonicalBase + "/CodeSystem/hipcheck-tests";
    public const string OsiicsRegionSystem = CanonicalBase + "/CodeSystem/osiics-region";
    public const string DiagnosisSystem = CanonicalBase + "/CodeSystem/hipcheck-diagnoses";

    /// <summary>The identifier system of a pseudonymous athlete: the value is the athlete's code in a study's exports.</summary>
    public const string StudyCodeSystem = CanonicalBase + "/study-code";

    /// <summary>The logical id of the test CodeSystem where a transaction stores it.</summary>
    public const string TestsCodeSystemId = "hipcheck-tests";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";

    /// <summary>The component code for a force normalised to body mass (N/kg).</summary>
    public const string ForcePerBodyMass = "force-per-body-mass";

    /// <summary>SNOMED CT laterality qualifiers: 7771000 Left, 24028007 Right (the HL7 laterality value sets).</summary>
    public static Coding Laterality(Side side) => side == Side.Left
        ? new Coding(Snomed, "7771000", "Left")
        : new Coding(Snomed, "24028007", "Right");

    public static Coding Test(TestDefinition test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new Coding(TestsSystem, test.Code, test.Name);
    }

    /// <summary>UCUM code of a base unit: N or s (and N/kg for normalised forces).</summary>
    public static Quantity Quantity(double value, string ucum) => new()
    {
        Value = Math.Round((decimal)value, 4),
        Unit = ucum,
        System = Ucum,
        Code = ucum,
    };

    public static Coding OsiicsRegion(BodyRegion region) => new(OsiicsRegionSystem, InjuryCodes.Osiics(region), InjuryCodes.Name(region));

    public static Coding Diagnosis(Diagnosis diagnosis) => new(DiagnosisSystem, InjuryCodes.Code(diagnosis), InjuryCodes.Name(diagnosis));

    /// <summary>Our test CodeSystem as a resource, so a receiver can resolve every code of the bundle.</summary>
    public static CodeSystem TestsCodeSystem() => new()
    {
        Url = TestsSystem,
        Version = "1",
        Name = "HipCheckTests",
        Title = "HipCheck screening tests",
        Status = PublicationStatus.Active,
        Experimental = false,
        Publisher = "HipCheck",
        Description = new Markdown("Tests of a HipCheck hip-strength screening (no LOINC or SNOMED CT code exists for them), and the "
            + "normalised-force component. Forces in N from a hand-held dynamometer (mean of the side's trials), holds in s."),
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
        Concept =
        [
            .. TestCatalogue.All.Select(t => new CodeSystem.ConceptDefinitionComponent
            {
                Code = t.Code,
                Display = t.Name,
                Definition = t.Protocol,
            }),
            new CodeSystem.ConceptDefinitionComponent
            {
                Code = ForcePerBodyMass,
                Display = "Force per body mass",
                Definition = "The side's mean force divided by the body mass on the day of the screening (N/kg).",
            },
        ],
    };
}
