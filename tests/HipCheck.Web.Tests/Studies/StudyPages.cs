using System.Net;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>Posting the app's forms with a login cookie, as a browser would: the token comes from the page.</summary>
public static class StudyPages
{
    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then POSTs the fields to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        using var page = await client.Get(formPage);
        await page.AssertStatus(HttpStatusCode.OK);
        var token = CookieLogin.AntiforgeryToken(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(action, body, TestContext.Current.CancellationToken);
    }

    /// <summary>The page's text with HTML entities decoded (a study title in quotes arrives as &amp;#x27;).</summary>
    public static async Task<string> Html(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static Dictionary<string, string> ScreeningForm(string date, double[] left, double[] right)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Date"] = date,
            ["Form.Tests[0].Code"] = "hip-extension",
            ["Form.Tests[0].Unit"] = "N",
        };
        for (var j = 0; j < left.Length; j++)
        {
            fields[$"Form.Tests[0].Left[{j}]"] = left[j].ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Form.Tests[0].Right[{j}]"] = right[j].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    public static Dictionary<string, string> AthleteForm(string name, string sex, string birthDate, double bodyMassKg) => new()
    {
        ["Input.Name"] = name,
        ["Input.Sex"] = sex,
        ["Input.BirthDate"] = birthDate,
        ["Input.BodyMassKg"] = bodyMassKg.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.HeightCm"] = "168",
        ["Input.Sport"] = "running",
        ["Input.DominantLeg"] = "right",
    };

    public static Dictionary<string, string> InjuryForm(string onset, string region = "lumbar-spine", string diagnosis = "low-back-pain",
        string mechanism = "overuse", bool neededTreatment = true, int daysLost = 5) => new()
    {
        ["Input.Region"] = region,
        ["Input.Diagnosis"] = diagnosis,
        ["Input.OnsetDate"] = onset,
        ["Input.Mechanism"] = mechanism,
        ["Input.NeededTreatment"] = neededTreatment ? "true" : "false",
        ["Input.DaysLost"] = daysLost.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
