using HipCheck.Core.Athletes;
using HipCheck.Core.Risk;
using HipCheck.Web.Data;
using HipCheck.Web.Organisations;
using HipCheck.Web.Screenings;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Reports;

/// <summary>
/// Turns a stored screening into its risk report: Core's rules from the evidence catalogue, with the
/// thresholds of the organisation the athlete's team belongs to (a runner's own profile uses the catalogue's).
/// </summary>
public sealed class ScreeningReporter(HipCheckDb db, EvidenceCatalogue catalogue, OrganisationService organisations)
{
    public EvidenceCatalogue Catalogue => catalogue;

    /// <summary>The report of a screening the user may see, or null.</summary>
    public async Task<ReportDocument?> ForUserAsync(string userId, Guid screeningId, CancellationToken ct)
    {
        var screening = await db.FindVisibleScreeningAsync(userId, screeningId, ct);
        return screening is null ? null : await ReportAsync(screening, ct);
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
}
