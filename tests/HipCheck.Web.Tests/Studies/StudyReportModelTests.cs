using System.Globalization;
using System.Net;
using System.Text;
using HipCheck.Core.Statistics;
using HipCheck.Core.Studies;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>
/// The study report shows the events-per-variable check and the Firth model (issue 10). Ten athletes screened on
/// 2025-08-30 with different hip-extension asymmetry, sexes and body masses; two of them (one woman, one man) have a
/// treated low-back pain during follow-up: 2 events for 4 predictors, EPV 0.5, underpowered.
/// </summary>
public class StudyReportModelTests : ClockedTest
{
    private static readonly (string Name, string Sex, double Mass, double Left, double Right, bool Event)[] Athletes =
    [
        ("Ann", "female", 55, 200, 250, true),
        ("Bea", "female", 60, 190, 200, false),
        ("Cat", "female", 58, 230, 240, false),
        ("Dot", "female", 62, 170, 230, false),
        ("Eli", "female", 65, 210, 215, false),
        ("Fox", "male", 70, 260, 300, false),
        ("Gil", "male", 75, 280, 285, true),
        ("Hob", "male", 80, 240, 300, false),
        ("Ivo", "male", 72, 270, 275, false),
        ("Jem", "male", 68, 250, 260, false),
    ];

    [Fact]
    public async Task Report_of_a_small_study_shows_the_epv_warning_and_the_firth_estimates_core_computes()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var ids = new Dictionary<string, string>();
        foreach (var a in Athletes)
        {
            var id = ids[a.Name] = (await researcher.CreateAthlete(Bodies.Athlete(name: a.Name + " Runner", sex: a.Sex, bodyMassKg: a.Mass))).Id();
            await researcher.CreateScreening(id, Bodies.Screening("2025-08-30", Bodies.HipExtension([a.Left, a.Left, a.Left], [a.Right, a.Right, a.Right])));
        }

        var study = await researcher.CreateStudy(StudyApi.Study("2025-08-22", "2025-09-11", followUpDays: 180));
        foreach (var id in ids.Values)
        {
            await researcher.Enrol(study.Id(), id, "2025-08-29");
        }

        await researcher.LockBaseline(study.Id());
        await AdvanceDays(200, (researcher, ResearcherEmail));
        foreach (var a in Athletes.Where(a => a.Event))
        {
            await researcher.RecordInjury(ids[a.Name], StudyApi.Injury("2025-10-15"));
        }

        await researcher.LockData(study.Id());

        // Core on the very cohort the web app exports: the expected numbers.
        using var csvResponse = await researcher.Get($"/api/studies/{study.Id()}/cohort.csv");
        await csvResponse.AssertStatus(HttpStatusCode.OK);
        var csv = new UTF8Encoding(false).GetString(await csvResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var read = CohortCsvReader.Read(csv);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var expected = CohortAnalysis.Run(read.Data!, 15);
        var epv = expected.LogisticEpv!;
        Assert.Equal(2, epv.Events);
        Assert.Equal(8, epv.NonEvents);
        Assert.Equal(4, epv.Predictors);
        Assert.True(epv.Underpowered);
        Assert.Equal(EventsPerVariable.Check(2, 8, 4).Warning, epv.Warning);
        var firth = expected.Firth!;
        Assert.True(firth.Profile);

        // The analysis API returns the same Core result.
        var analysis = await researcher.GetOk($"/api/studies/{study.Id()}/analysis");
        var apiFirth = analysis.GetProperty("firth").GetProperty("terms").Items();
        Assert.Equal(firth.Terms.Select(t => t.Name), apiFirth.Select(t => t.Text("name")));
        for (var i = 0; i < firth.Terms.Count; i++)
        {
            Assert.Equal(firth.Terms[i].Estimate, apiFirth[i].GetProperty("estimate").GetDouble(), 9);
        }

        var web = await App.LogInWithCookie(ResearcherEmail);
        using var report = await web.Get($"/Studies/{study.Id()}/Report");
        await report.AssertStatus(HttpStatusCode.OK);
        var html = await report.Html();

        Assert.Contains("<div class=\"warnings\" role=\"alert\" id=\"epv-warning\">", html, StringComparison.Ordinal);
        Assert.Contains(epv.Warning!, html, StringComparison.Ordinal);
        Assert.Contains("<dt>Events</dt><dd data-epv-events=\"2\">2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Predictors</dt><dd data-epv-predictors=\"4\">4</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>0.50</dd>", html, StringComparison.Ordinal);
        Assert.Contains("95 % CI and p: profile penalised likelihood.", html, StringComparison.Ordinal);

        foreach (var t in firth.Terms)
        {
            var row = Row(html, t.Name);
            Assert.Contains($"<td class=\"num\">{F4(t.Estimate)}</td>", row, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\">{F4(t.StandardError)}</td>", row, StringComparison.Ordinal);
            Assert.Contains($"{F4(t.Lower)} to {F4(t.Upper)}", row, StringComparison.Ordinal);
        }

        var asymmetry = firth.Terms.Single(t => t.Name == "asymmetry_pct");
        Assert.True(double.IsFinite(asymmetry.Estimate));
    }

    private static string F4(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>The Firth table's row of one term.</summary>
    private static string Row(string html, string term)
    {
        var table = html[html.IndexOf("<table id=\"firth\">", StringComparison.Ordinal)..];
        var start = table.IndexOf($"<tr data-term=\"{term}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no Firth row for {term}");
        return table[start..table.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
