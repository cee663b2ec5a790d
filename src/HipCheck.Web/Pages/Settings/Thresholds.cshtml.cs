using System.Globalization;
using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Settings;

[Authorize(Roles = $"{Roles.Coach},{Roles.Researcher}")]
public sealed class ThresholdsModel(ThresholdSettings settings) : PageModel
{
    public IReadOnlyList<ThresholdDocument> Rows { get; private set; } = [];

    /// <summary>Posted values by rule id; blank means "use the catalogue's".</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await settings.ListAsync(User.UserId(), ct);
        Saved = Request.Query.ContainsKey("saved");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parsed = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var rule in settings.Catalogue.Rules)
        {
            var text = Values.GetValueOrDefault(rule.Id)?.Trim().Replace(',', '.');
            if (string.IsNullOrEmpty(text))
            {
                parsed[rule.Id] = null;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                if (HipCheck.Core.Risk.RiskAssessor.ValidateOverride(rule, v) is { } problem)
                {
                    ModelState.AddModelError($"Values[{rule.Id}]", problem);
                }

                parsed[rule.Id] = v;
            }
            else
            {
                ModelState.AddModelError($"Values[{rule.Id}]", $"'{text}' is not a number.");
            }
        }

        if (!ModelState.IsValid)
        {
            Rows = await settings.ListAsync(User.UserId(), ct);
            return Page();
        }

        await settings.SetManyAsync(User.UserId(), parsed.Select(p => (settings.Catalogue.FindRule(p.Key)!, p.Value)).ToList(), ct);

        return RedirectToPage(new { saved = 1 });
    }

    public string? ErrorFor(string ruleId) =>
        ModelState.TryGetValue($"Values[{ruleId}]", out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    public string ValueFor(ThresholdDocument row) =>
        Values.TryGetValue(row.RuleId, out var posted) ? posted ?? ""
        : row.Overridden ? row.Threshold.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
