using System.Text.Json;
using HipCheck.Core.Athletes;
using HipCheck.Core.Risk;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Organisations;
using HipCheck.Web.Screenings;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Reports;

/// <summary>
/// Turns a stored screening into its risk report: Core's rules from the evidence catalogue, with the
/// thresholds of the organisation the athlete's team belongs to (a runner's own profile uses the catalogue's).
/// </summary>
public sealed class ScreeningReporter(
    HipCheckDb db, PreparedReads reads, EvidenceCatalogue catalogue, OrganisationService organisations, ReportCache cache, IOptions<JsonOptions> json)
{
    public EvidenceCatalogue Catalogue => catalogue;

    /// <summary>The report of a screening the user may see, or null.</summary>
    public async Task<ReportDocument?> ForUserAsync(string userId, Guid screeningId, CancellationToken ct) =>
        await FindInputsAsync(userId, screeningId, ct) is { } inputs
            ? Report(inputs, await TestsAsync(screeningId, ct))
            : null;

    /// <summary>
    /// The report of a screening the user may see as the API's UTF-8 JSON (the app's JSON options), or null: from
    /// the cache when the report's inputs are unchanged, so a hit costs one query and no serialisation.
    /// </summary>
    public async Task<byte[]?> JsonForUserAsync(string userId, Guid screeningId, CancellationToken ct)
    {
        if (await FindInputsAsync(userId, screeningId, ct) is not { } inputs)
        {
            return null;
        }

        if (cache.Find(inputs, catalogue.Version) is { } cached)
        {
            return cached;
        }

        var tests = await TestsAsync(screeningId, ct);
        var utf8Json = JsonSerializer.SerializeToUtf8Bytes(Report(inputs, tests), json.Value.SerializerOptions.GetTypeInfo(typeof(ReportDocument)));
        if (tests.Count == inputs.TestCount) // else an import added a test in between: the next request stores it
        {
            cache.Store(inputs, catalogue.Version, utf8Json);
        }

        return utf8Json;
    }

    /// <summary>The report of a screening loaded with its tests and athlete.</summary>
    public async Task<ReportDocument> ReportAsync(Screening screening, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var athlete = screening.Athlete ?? throw new ArgumentException("Load the screening with its athlete.", nameof(screening));
        var (organisationId, organisationName) = await OrganisationOfAsync(athlete.TeamId, ct);
        var overrides = await organisations.ThresholdsAsync(organisationId, ct);
        return Report(screening, overrides, overrides.Count > 0 ? organisationName : null);
    }

    /// <summary>The report with given thresholds; pure apart from reading the loaded entities.</summary>
    public ReportDocument Report(Screening screening, IReadOnlyDictionary<string, double> overrides, string? thresholdsFrom)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var athlete = screening.Athlete!;
        var age = AthleteProfile.AgeOn(athlete.BirthDate, screening.Date);
        var facts = new ScreeningFacts(athlete.Sex, age, screening.BodyMassKg, ScreeningDocuments.Evaluate(screening));
        var assessment = RiskAssessor.Assess(catalogue, facts, overrides);
        return ReportDocuments.Create(screening, age, assessment, catalogue, thresholdsFrom);
    }

    public async Task<(Guid? Id, string? Name)> OrganisationOfAsync(Guid? teamId, CancellationToken ct)
    {
        if (teamId is null)
        {
            return (null, null);
        }

        var org = await db.Teams.AsNoTracking().Where(t => t.Id == teamId && t.OrganisationId != null)
            .Join(db.Organisations, t => t.OrganisationId, o => o.Id, (t, o) => new { o.Id, o.Name })
            .FirstOrDefaultAsync(ct);
        return org is null ? (null, null) : (org.Id, org.Name);
    }

    /// <summary>The report built from exactly the inputs read (not from a second read that could differ).</summary>
    private ReportDocument Report(ReportInputs inputs, List<ScreeningTest> tests)
    {
        var screening = new Screening
        {
            Id = inputs.ScreeningId,
            AthleteId = inputs.AthleteId,
            Date = inputs.Date,
            BodyMassKg = inputs.BodyMassKg,
            CreatedByUserId = string.Empty, // not part of the report
            Tests = tests,
            Athlete = new Athlete { Id = inputs.AthleteId, Name = inputs.AthleteName, Sex = inputs.Sex, BirthDate = inputs.BirthDate },
        };
        return Report(screening, inputs.Overrides(), inputs.ThresholdsFrom);
    }

    /// <summary>The report's inputs for a screening of an athlete the user may see, in one round trip; null otherwise.</summary>
    private Task<ReportInputs?> FindInputsAsync(string userId, Guid screeningId, CancellationToken ct) =>
        reads.ReadAsync(ReportInputsStatement.Instance, [screeningId, userId], ct);

    private Task<List<ScreeningTest>> TestsAsync(Guid screeningId, CancellationToken ct) =>
        db.ScreeningTests.AsNoTracking().Where(t => t.ScreeningId == screeningId).ToListAsync(ct);
}
