using HipCheck.Web.Audit;
using HipCheck.Web.Data;
using HipCheck.Web.Screenings;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Screenings;

/// <summary>
/// The group commit stores screenings with prepared statements (<see cref="ScreeningWriter"/>), not EF Core. What it
/// leaves in the database must be exactly what EF Core and the audit interceptor leave: the same rows read back the
/// same way, and audit entries with the same fields and snapshots. Checked on whichever engine the suite runs on.
/// </summary>
public sealed class ScreeningWriterTests : ApiTest
{
    private static Screening Sample(Guid athleteId)
    {
        var id = Guid.CreateVersion7();
        return new Screening
        {
            Id = id,
            AthleteId = athleteId,
            Date = new DateOnly(2025, 3, 14),
            BodyMassKg = 61.25,
            CreatedByUserId = "user-1",
            // Ten-millionths of a second: both paths must cut them to the microsecond.
            CreatedUtc = new DateTime(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc).AddTicks(5_897_932),
            Tests =
            [
                new ScreeningTest { Id = Guid.CreateVersion7(), ScreeningId = id, TestCode = "hip-extension", EnteredUnit = "kgf", LeverArmM = 0.42, LeftTrials = [201.5, 0.1 + 0.2, 1e-7], RightTrials = [190, 188.75, 192] },
                new ScreeningTest { Id = Guid.CreateVersion7(), ScreeningId = id, TestCode = "back-extension-endurance", Seconds = 97.5 },
            ],
        };
    }

    private static string WithoutIds(string json, Screening screening) =>
        screening.Tests.Aggregate(json.Replace(screening.Id.ToString(), "<screening>", StringComparison.Ordinal),
            (text, test) => text.Replace(test.Id.ToString(), $"<{test.TestCode}>", StringComparison.Ordinal));

    [Fact]
    public async Task Prepared_statements_leave_the_same_rows_and_audit_entries_as_EF_Core()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var athleteId = Guid.Parse((await coach.CreateAthlete()).Id());
        var ct = TestContext.Current.CancellationToken;
        var viaEf = Sample(athleteId);
        var viaWriter = Sample(athleteId);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            db.Screenings.Add(viaEf);
            await db.SaveChangesAsync(ct);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            await scope.ServiceProvider.GetRequiredService<ScreeningWriter>()
                .WriteAsync(db, [new NewScreening(viaWriter, ("user-1", "coach"))], ct);
        }

        Assert.Equal(viaEf.CreatedUtc, viaWriter.CreatedUtc);
        Assert.Equal(0, viaWriter.CreatedUtc.Ticks % TimeSpan.TicksPerMicrosecond);

        await using var read = App.Services.CreateAsyncScope();
        var reader = read.ServiceProvider.GetRequiredService<HipCheckDb>();
        var stored = await reader.Screenings.AsNoTracking().Include(s => s.Tests)
            .Where(s => s.Id == viaEf.Id || s.Id == viaWriter.Id).ToListAsync(ct);
        var a = stored.Single(s => s.Id == viaEf.Id);
        var b = stored.Single(s => s.Id == viaWriter.Id);
        Assert.Equal((a.AthleteId, a.Date, a.BodyMassKg, a.CreatedByUserId, a.CreatedUtc, a.Source), (b.AthleteId, b.Date, b.BodyMassKg, b.CreatedByUserId, b.CreatedUtc, b.Source));
        Assert.Equal(DateTimeKind.Utc, b.CreatedUtc.Kind);
        foreach (var code in new[] { "hip-extension", "back-extension-endurance" })
        {
            var ta = a.Tests.Single(t => t.TestCode == code);
            var tb = b.Tests.Single(t => t.TestCode == code);
            Assert.Equal((ta.EnteredUnit, ta.LeverArmM, ta.Seconds), (tb.EnteredUnit, tb.LeverArmM, tb.Seconds));
            Assert.Equal(ta.LeftTrials, tb.LeftTrials); // bit for bit, 0.1 + 0.2 and 1e-7 included
            Assert.Equal(ta.RightTrials, tb.RightTrials);
        }

        Assert.Equal([201.5, 0.1 + 0.2, 1e-7], b.Tests.Single(t => t.TestCode == "hip-extension").LeftTrials);

        var audit = await reader.Audit.AsNoTracking().Where(e => e.AthleteId == athleteId && e.EntityType != "Athlete").ToListAsync(ct);
        var ofEf = audit.Where(e => e.EntityId == viaEf.Id.ToString() || viaEf.Tests.Any(t => t.Id.ToString() == e.EntityId)).ToList();
        var ofWriter = audit.Where(e => e.EntityId == viaWriter.Id.ToString() || viaWriter.Tests.Any(t => t.Id.ToString() == e.EntityId)).ToList();
        Assert.Equal(3, ofEf.Count);
        Assert.Equal(3, ofWriter.Count);
        static string Key(AuditEntry e, Screening s) => WithoutIds(string.Join('|', e.EntityType, e.EntityId, e.Action, e.AthleteId, e.StudyId, e.Changed, e.Before, e.After), s);
        Assert.Equal(ofEf.Select(e => Key(e, viaEf)).Order(), ofWriter.Select(e => Key(e, viaWriter)).Order());
        Assert.All(ofWriter, e => Assert.Equal(("user-1", "coach"), (e.ActorUserId, e.ActorRole)));
        Assert.All(ofWriter, e => Assert.Equal(0, e.Utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    [Fact]
    public async Task A_failing_group_is_rolled_back_whole()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var athleteId = Guid.Parse((await coach.CreateAthlete()).Id());
        var ct = TestContext.Current.CancellationToken;
        var good = Sample(athleteId);
        var orphan = Sample(Guid.CreateVersion7()); // no such athlete: a foreign-key violation

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            var writer = scope.ServiceProvider.GetRequiredService<ScreeningWriter>();
            await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync(db, [new NewScreening(good, ("u", "coach")), new NewScreening(orphan, ("u", "coach"))], ct));
        }

        await using var read = App.Services.CreateAsyncScope();
        var reader = read.ServiceProvider.GetRequiredService<HipCheckDb>();
        Assert.False(await reader.Screenings.AnyAsync(s => s.Id == good.Id, ct));
        Assert.False(await reader.ScreeningTests.AnyAsync(t => t.ScreeningId == good.Id, ct));
        Assert.False(await reader.Audit.AnyAsync(e => e.EntityId == good.Id.ToString(), ct));
    }
}
