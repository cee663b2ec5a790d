using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HipCheck.Core.Athletes;
using HipCheck.Core.Injuries;
using HipCheck.Core.Measurement;
using HipCheck.Web.Athletes;
using HipCheck.Web.Injuries;
using HipCheck.Web.Screenings;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HipCheck.Web.Fhir;

/// <summary>The athlete a bundle describes: a record of the app (name, full birth date) or a study's pseudonym (study code, year).</summary>
/// <param name="Key">What the entry's urn:uuid is derived from (a database id, or the study code).</param>
/// <param name="BirthDate">A FHIR date: YYYY-MM-DD, or YYYY for a pseudonymised athlete.</param>
/// <param name="Name">Null for a pseudonymised athlete (no name is written).</param>
/// <param name="StudyCode">The pseudonymous study code, written as the Patient's only identifier; null for the app's record.</param>
public sealed record FhirAthlete(string Key, Sex Sex, string BirthDate, string? Name, string? StudyCode);

/// <summary>One side of a test of a screening (or the unsided hold): the side's score and, for forces, N/kg.</summary>
/// <param name="Key">What the entry's urn:uuid is derived from; stable for the same measurement.</param>
/// <param name="Side">Null for an unsided test.</param>
/// <param name="Value">The side's mean score in the test's base unit (N or s).</param>
/// <param name="TrialCount">Number of trials of the side; null for an unsided hold.</param>
public sealed record FhirMeasurement(string Key, TestDefinition Test, DateOnly Date, Side? Side, double Value, double? NewtonsPerKg, int? TrialCount);

/// <summary>One injury as a Condition needs it.</summary>
public sealed record FhirInjury(string Key, Diagnosis Diagnosis, string? DiagnosisText, BodyRegion Region, DateOnly OnsetDate, int DaysLost, bool NeededTreatment);

/// <summary>
/// An athlete's record as a FHIR R4 Bundle: the Patient, an Observation per test and side of every screening (one for
/// an unsided hold), a Condition per injury, and HipCheck's test CodeSystem. Entries are linked by urn:uuid full URLs
/// derived from stable keys, so the same record gives the same bundle. The web app builds a collection from the
/// database (<see cref="Build(Athlete, IReadOnlyList{Screening}, IReadOnlyList{Injury}, DateOnly)"/>); `hipcheck fhir`
/// builds a pseudonymous transaction from a study's long export; both through <see cref="Build(FhirAthlete, IReadOnlyList{FhirMeasurement}, IReadOnlyList{FhirInjury}, DateOnly, Bundle.BundleType)"/>.
/// </summary>
public static class AthleteFhirBundle
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The bundle as FHIR JSON (application/fhir+json).</summary>
    public static string ToJson(Bundle bundle) => JsonSerializer.Serialize(bundle, Json);

    public static Bundle Build(Athlete athlete, IReadOnlyList<Screening> screenings, IReadOnlyList<Injury> injuries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(screenings);
        ArgumentNullException.ThrowIfNull(injuries);
        var measurements = new List<FhirMeasurement>();
        foreach (var screening in screenings.OrderBy(s => s.Date).ThenBy(s => s.CreatedUtc))
        {
            var tests = screening.Tests.ToDictionary(t => t.TestCode, t => t.Id, StringComparer.Ordinal);
            foreach (var result in ScreeningDocuments.Evaluate(screening))
            {
                var id = tests[result.Test.Code];
                if (!result.Test.Sided)
                {
                    measurements.Add(new FhirMeasurement($"{id}/none", result.Test, screening.Date, null, result.Seconds!.Value, null, null));
                    continue;
                }

                foreach (var (side, sideResult) in new[] { (Side.Left, result.Left!), (Side.Right, result.Right!) })
                {
                    measurements.Add(new FhirMeasurement($"{id}/{Sides.Code(side)}", result.Test, screening.Date, side,
                        sideResult.Score.Mean, sideResult.NewtonsPerKg, sideResult.Score.TrialCount));
                }
            }
        }

        return Build(
            new FhirAthlete(athlete.Id.ToString(), athlete.Sex, athlete.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), athlete.Name, null),
            measurements,
            [.. injuries.OrderBy(i => i.OnsetDate).Select(i => new FhirInjury(i.Id.ToString(), i.Diagnosis, i.DiagnosisText, i.Region, i.OnsetDate, i.DaysLost, i.NeededTreatment))],
            today,
            Bundle.BundleType.Collection);
    }

    /// <summary>
    /// The bundle from plain data, entries in the order given. A transaction (<paramref name="type"/>) gives every
    /// resource the id of its urn:uuid and a request <c>PUT Type/id</c> (the CodeSystem <c>PUT CodeSystem/hipcheck-tests</c>),
    /// so posting the same bundle twice updates the same resources instead of adding copies.
    /// </summary>
    public static Bundle Build(FhirAthlete athlete, IReadOnlyList<FhirMeasurement> measurements, IReadOnlyList<FhirInjury> injuries, DateOnly today,
        Bundle.BundleType type)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(injuries);
        var bundle = new Bundle { Type = type, Timestamp = DateTimeOffset.UtcNow };
        var patientUrl = Urn(athlete.Key);
        var patient = new Patient
        {
            Gender = athlete.Sex == Sex.Female ? AdministrativeGender.Female : AdministrativeGender.Male,
            BirthDate = athlete.BirthDate,
        };
        if (athlete.Name is not null)
        {
            patient.Name = [new HumanName { Use = HumanName.NameUse.Usual, Text = athlete.Name }];
        }

        if (athlete.StudyCode is not null)
        {
            patient.Identifier = [new Identifier(FhirCodes.StudyCodeSystem, athlete.StudyCode)];
        }

        bundle.Entry.Add(Entry(patientUrl, patient, type));
        foreach (var m in measurements)
        {
            var method = m.Side is null ? "Timed hold"
                : m.Test.Kind == MeasureKind.Force ? $"Hand-held dynamometer, isometric; mean of {m.TrialCount} trial(s)"
                : $"Timed hold; mean of {m.TrialCount} trial(s)";
            bundle.Entry.Add(Entry(Urn(m.Key), Observation(m.Test, m.Date, patientUrl, m.Side, FhirCodes.Quantity(m.Value, m.Test.BaseUnit),
                m.NewtonsPerKg is { } perKg ? FhirCodes.Quantity(perKg, "N/kg") : null, method), type));
        }

        foreach (var injury in injuries)
        {
            bundle.Entry.Add(Entry(Urn(injury.Key), Condition(injury, patientUrl, today), type));
        }

        var codeSystem = FhirCodes.TestsCodeSystem();
        bundle.Entry.Add(type == Bundle.BundleType.Transaction
            ? Put(FhirCodes.TestsSystem, codeSystem, FhirCodes.TestsCodeSystemId)
            : new Bundle.EntryComponent { FullUrl = FhirCodes.TestsSystem, Resource = codeSystem });
        return bundle;
    }

    private static Observation Observation(TestDefinition test, DateOnly date, string patientUrl, Side? side, Quantity value, Quantity? perKg, string method)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(FhirCodes.ObservationCategory, "exam", "Exam")],
            Code = new CodeableConcept { Coding = [FhirCodes.Test(test)], Text = test.Name },
            Subject = new ResourceReference(patientUrl),
            Effective = new FhirDateTime(date.Year, date.Month, date.Day),
            Value = value,
            Method = new CodeableConcept { Text = method },
        };
        if (side is { } s)
        {
            var where = test.Code == TestCatalogue.SingleLegBridge.Code ? "leg" : "hip";
            observation.BodySite = new CodeableConcept { Coding = [FhirCodes.Laterality(s)], Text = $"{(s == Side.Left ? "Left" : "Right")} {where}" };
        }

        if (perKg is not null)
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = new CodeableConcept(FhirCodes.TestsSystem, FhirCodes.ForcePerBodyMass, "Force per body mass"),
                Value = perKg,
            });
        }

        return observation;
    }

    /// <summary>
    /// The clinical status follows the time loss: active until onset + days lost has passed, then resolved (the athlete
    /// was back to full availability; healing is not recorded). Verification: confirmed when a health professional
    /// treated it, provisional when self-reported without treatment.
    /// </summary>
    private static Condition Condition(FhirInjury injury, string patientUrl, DateOnly today)
    {
        var diagnosis = injury.Diagnosis == Diagnosis.Other && !string.IsNullOrWhiteSpace(injury.DiagnosisText)
            ? injury.DiagnosisText!
            : InjuryCodes.Name(injury.Diagnosis);
        var resolved = injury.OnsetDate.AddDays(injury.DaysLost) < today;
        return new Condition
        {
            ClinicalStatus = new CodeableConcept(FhirCodes.ConditionClinical, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"),
            VerificationStatus = injury.NeededTreatment
                ? new CodeableConcept(FhirCodes.ConditionVerification, "confirmed", "Confirmed")
                : new CodeableConcept(FhirCodes.ConditionVerification, "provisional", "Provisional"),
            Category = [new CodeableConcept(FhirCodes.ConditionCategory, "problem-list-item", "Problem List Item")],
            Code = new CodeableConcept { Coding = [FhirCodes.Diagnosis(injury.Diagnosis), FhirCodes.OsiicsRegion(injury.Region)], Text = diagnosis },
            BodySite = [new CodeableConcept { Coding = [FhirCodes.OsiicsRegion(injury.Region)], Text = InjuryCodes.Name(injury.Region) }],
            Subject = new ResourceReference(patientUrl),
            Onset = new FhirDateTime(injury.OnsetDate.Year, injury.OnsetDate.Month, injury.OnsetDate.Day),
        };
    }

    private static Bundle.EntryComponent Entry(string urn, Resource resource, Bundle.BundleType type) =>
        type == Bundle.BundleType.Transaction ? Put(urn, resource, urn["urn:uuid:".Length..]) : new() { FullUrl = urn, Resource = resource };

    private static Bundle.EntryComponent Put(string fullUrl, Resource resource, string id)
    {
        resource.Id = id;
        return new Bundle.EntryComponent
        {
            FullUrl = fullUrl,
            Resource = resource,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{id}" },
        };
    }

    /// <summary>A stable urn:uuid from a key (a database id and side, a study code): the first 16 bytes of its SHA-256.</summary>
    private static string Urn(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
