using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace HipCheck.Testing;

/// <summary>
/// The Firely validator against the R4 base specification, offline: the specification.zip of
/// Hl7.Fhir.Specification.Data.R4 and the local terminology service (no server). Shared by the endpoint's and the
/// CLI's FHIR tests, so both check the same thing.
/// </summary>
internal static class R4Validation
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    /// <summary>The errors (and fatal issues) as "text at path" lines; warnings go to <paramref name="warning"/>.</summary>
    public static List<string> Errors(Resource resource, Action<string>? warning = null)
    {
        var outcome = Validator.Value.Validate(resource);
        foreach (var issue in outcome.Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning))
        {
            warning?.Invoke($"warning: {Describe(issue)}");
        }

        return [.. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).Select(Describe)];
    }

    private static string Describe(OperationOutcome.IssueComponent issue) => $"{issue.Details?.Text} at {string.Join(", ", issue.Expression)}";
}
