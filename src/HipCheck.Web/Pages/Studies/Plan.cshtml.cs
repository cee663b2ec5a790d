using System.Globalization;
using HipCheck.Core.Studies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Studies;

/// <summary>The sample-size planner: a GET form, so a plan is a link that can be shared.</summary>
public sealed class PlanModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? P0 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? P1 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Share { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Alpha { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Power { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Loss { get; set; }

    public StudyPlanResult? Result { get; private set; }

    public StudyPlanInput? Input { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public IActionResult OnGet()
    {
        if (P0 is null && P1 is null)
        {
            // Defaults: Nadler 2001 saw 5 events in 63 women (about 8 % a year); plan to detect a doubling.
            (P0, P1, Share, Alpha, Power, Loss) = ("0.06", "0.12", "0.3", "0.05", "0.8", "0.1");
            return Page();
        }

        var values = new Dictionary<string, double>();
        foreach (var (field, text) in new[] { ("riskUnexposed", P0), ("riskExposed", P1), ("shareExposed", Share), ("alpha", Alpha), ("power", Power), ("lossToFollowUp", Loss) })
        {
            if (double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                values[field] = v;
            }
            else
            {
                Errors[field] = $"'{text}' is not a number.";
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        Input = new StudyPlanInput(values["riskUnexposed"], values["riskExposed"], values["shareExposed"], values["alpha"], values["power"], values["lossToFollowUp"]);
        foreach (var e in StudyPlanner.Validate(Input))
        {
            Errors[e.Field] = e.Message;
        }

        if (Errors.Count == 0)
        {
            Result = StudyPlanner.Plan(Input);
        }

        return Page();
    }
}
