using System.Security.Claims;
using HipCheck.Core.Risk;
using HipCheck.Core.Validation;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Organisations;

/// <param name="Threshold">The organisation's threshold, or null to go back to the catalogue's.</param>
public sealed record ThresholdRequest(double? Threshold);

public sealed record ThresholdDocument(
    string RuleId,
    string OutcomeName,
    string MetricName,
    string Population,
    string Comparator,
    double CatalogueThreshold,
    double Threshold,
    bool Overridden,
    bool ThresholdIsConvention);

/// <summary>Reads and changes an organisation's own thresholds for the catalogue's rules.</summary>
public sealed class ThresholdSettings(HipCheckDb db, OrganisationService organisations, EvidenceCatalogue catalogue, TimeProvider clock)
{
    public EvidenceCatalogue Catalogue => catalogue;

    public async Task<IReadOnlyList<ThresholdDocument>> ListAsync(string userId, CancellationToken ct)
    {
        var organisation = await organisations.FindForUserAsync(userId, ct);
        var overrides = await organisations.ThresholdsAsync(organisation?.Id, ct);
        return catalogue.Rules.Select(r => Document(r, overrides)).ToList();
    }

    /// <summary>Sets (or with null, clears) one rule's threshold; errors name the field "threshold".</summary>
    public async Task<(ThresholdDocument? Saved, IReadOnlyList<FieldError> Errors)> SetAsync(string userId, EvidenceRule rule, double? value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (value is { } v && RiskAssessor.ValidateOverride(rule, v) is { } problem)
        {
            return (null, [new FieldError("threshold", problem)]);
        }

        var organisation = await organisations.GetOrAddForUserAsync(userId, ct);
        var existing = await db.RuleThresholds.FirstOrDefaultAsync(t => t.OrganisationId == organisation.Id && t.RuleId == rule.Id, ct);
        if (value is null || value == rule.Threshold)
        {
            if (existing is not null)
            {
                db.RuleThresholds.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.RuleThresholds.Add(new RuleThresholdOverride
            {
                OrganisationId = organisation.Id,
                RuleId = rule.Id,
                Threshold = value.Value,
                UpdatedByUserId = userId,
                UpdatedUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            existing.Threshold = value.Value;
            existing.UpdatedByUserId = userId;
            existing.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        var overrides = await organisations.ThresholdsAsync(organisation.Id, ct);
        return (Document(rule, overrides), []);
    }

    /// <summary>Saves several rules' thresholds in one transaction: all of them or none.</summary>
    public async Task<IReadOnlyList<FieldError>> SetManyAsync(string userId, IReadOnlyList<(EvidenceRule Rule, double? Value)> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (rule, value) in changes)
        {
            var (_, errors) = await SetAsync(userId, rule, value, ct);
            if (errors.Count > 0)
            {
                return errors; // disposing the transaction rolls back what was saved before
            }
        }

        await transaction.CommitAsync(ct);
        return [];
    }

    private static ThresholdDocument Document(EvidenceRule r, IReadOnlyDictionary<string, double> overrides) => new(
        r.Id,
        r.OutcomeName,
        RiskAssessor.MetricName(r.Metric),
        RiskAssessor.PopulationWords(r.Sex, r.AgeMin, r.AgeMax),
        CatalogueCodes.Code(r.Comparator),
        r.Threshold,
        overrides.GetValueOrDefault(r.Id, r.Threshold),
        overrides.ContainsKey(r.Id),
        r.ThresholdIsConvention);
}

public static class ThresholdsApi
{
    public static RouteGroupBuilder MapThresholdsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/organisation/thresholds").WithTags("Organisation")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Coach, Roles.Researcher));

        group.MapGet("/", async (ClaimsPrincipal user, ThresholdSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.ListAsync(user.UserId(), ct)))
            .WithSummary("Your organisation's threshold for every rule of the evidence catalogue");

        group.MapPut("/{ruleId}", async Task<Results<Ok<ThresholdDocument>, ValidationProblem, NotFound>> (
            string ruleId, ThresholdRequest request, ClaimsPrincipal user, ThresholdSettings settings, CancellationToken ct) =>
        {
            if (settings.Catalogue.FindRule(ruleId) is not { } rule)
            {
                return TypedResults.NotFound();
            }

            var (saved, errors) = await settings.SetAsync(user.UserId(), rule, request.Threshold, ct);
            return saved is not null ? TypedResults.Ok(saved) : errors.ToValidationProblem();
        })
        .WithSummary("Set one rule's threshold for your organisation")
        .WithDescription("{ \"threshold\": 10 } replaces the catalogue's threshold in your organisation's reports; { \"threshold\": null } restores it.");

        return group;
    }
}
