using System.Security.Cryptography;
using System.Text;
using HipCheck.Core.Athletes;
using HipCheck.Core.Injuries;
using HipCheck.Core.Measurement;
using HipCheck.Web.Athletes;
using HipCheck.Web.Injuries;
using HipCheck.Web.Screenings;
using Hl7.Fhir.Model;

namespace HipCheck.Web.Fhir;

/// <summary>
/// An athlete's record as a FHIR R4 Bundle of type collection: the Patient, an Observation per test and side of
/// every screening (one for an unsided hold), a Condition per injury, and HipCheck's test CodeSystem. Entries are
/// linked by urn:uuid full URLs derived from the database ids, so the same record gives the same bundle.
/// </summary>
public static class AthleteFhirBundle
{
    public static Bundle Build(Athlete athlete, IReadOnlyList<Screening> screenings, IReadOnlyList<Injury> injuries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(screenings);
        ArgumentNullException.ThrowIfNull(injuries);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = DateTimeOffset.UtcNow };
        var patientUrl = Urn(athlete.Id.ToString());
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = patientUrl,
            Resource = new Patient
            {
                Name = [new HumanName { Use = HumanName.NameUse.Usual, Text = athlete.Name }],
                Gender = athlete.Sex == Sex.Female ? AdministrativeGender.Female : AdministrativeGender.Male,
                BirthDate = athlete.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        foreach (var screening in screenings.OrderBy(s => s.Date).ThenBy(s => s.CreatedUtc))
        {
            var tests = screening.Tests.ToDictionary(t => t.TestCode, t => t.Id, StringComparer.Ordinal);
            foreach (var result in ScreeningDocuments.Evaluate(screening))
            {
                var id = tests[result.Test.Code];
                if (!result.Test.Sided)
                {
                    bundle.Entry.Add(Entry(Urn($"{id}/none"), Observation(result.Test, screening.Date, patientUrl, null,
                        FhirCodes.Quantity(result.Seconds!.Value, "s"), null, "Timed hold")));
                    continue;
                }

                foreach (var (side, sideResult) in new[] { (Side.Left, result.Left!), (Side.Right, result.Right!) })
                {
                    var unit = result.Test.BaseUnit;
                    var method = result.Test.Kind == MeasureKind.Force
                        ? $"Hand-held dynamometer, isometric; mean of {sideResult.Score.TrialCount} trial(s)"
                        : $"Timed hold; mean of {sideResult.Score.TrialCount} trial(s)";
                    bundle.Entry.Add(Entry(Urn($"{id}/{Sides.Code(side)}"), Observation(result.Test, screening.Date, patientUrl, side,
                        FhirCodes.Quantity(sideResult.Score.Mean, unit),
                        sideResult.NewtonsPerKg is { } perKg ? FhirCodes.Quantity(perKg, "N/kg") : null, method)));
                }
            }
        }

        foreach (var injury in injuries.OrderBy(i => i.OnsetDate))
        {
            bundle.Entry.Add(Entry(Urn(injury.Id.ToString()), Condition(injury, patientUrl, today)));
        }

        bundle.Entry.Add(Entry(FhirCodes.TestsSystem, FhirCodes.TestsCodeSystem()));
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
    private static Condition Condition(Injury injury, string patientUrl, DateOnly today)
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

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new() { FullUrl = fullUrl, Resource = resource };

    /// <summary>A stable urn:uuid from a database id (and side): the first 16 bytes of its SHA-256.</summary>
    private static string Urn(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
