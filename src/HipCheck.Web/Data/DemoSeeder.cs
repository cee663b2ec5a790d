using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Injuries;
using HipCheck.Web.Studies;
using HipCheck.Web.Organisations;
using HipCheck.Web.Screenings;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Data;

/// <summary>
/// A demo workspace for Development: a coach with a club squad of 30 screened athletes, a runner with
/// their own profile and an admin. The data are invented (fixed random seed), not from any study.
/// </summary>
public sealed class DemoSeeder(HipCheckDb db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public static readonly (string Email, string Password, string Role)[] Logins =
    [
        ("coach@hipcheck.test", "Demo-coach-2026", Roles.Coach),
        ("runner@hipcheck.test", "Demo-runner-2026", Roles.Runner),
        ("admin@hipcheck.test", "Demo-admin-2026", Roles.Admin),
        ("researcher@hipcheck.test", "Demo-researcher-2026", Roles.Researcher),
    ];

    private static readonly string[] FirstNames =
    [
        // Even positions are women, odd positions men (the seeder alternates sexes).
        "Aino", "Ben", "Chloe", "Dev", "Elena", "Finn", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Niko",
        "Olivia", "Pavel", "Rosa", "Sami", "Tara", "Umar", "Vera", "Will", "Xenia", "Yusuf", "Zoe", "Amir", "Bea", "Carl",
        "Dana", "Ravi",
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await users.FindByEmailAsync(Logins[0].Email) is not null)
        {
            return;
        }

        var accounts = new Dictionary<string, AppUser>();
        foreach (var (email, password, role) in Logins)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
            accounts[role] = user;
        }

        var random = new Random(2026);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        var club = new Organisation { Id = Guid.CreateVersion7(), Name = "Riverside Running Club", OwnerUserId = accounts[Roles.Coach].Id, CreatedUtc = now };
        db.Organisations.Add(club);
        var team = new Team { Id = Guid.CreateVersion7(), Name = "Riverside Harriers", CoachUserId = accounts[Roles.Coach].Id, OrganisationId = club.Id, CreatedUtc = now };
        db.Teams.Add(team);

        // A random of its own, so the screenings and the study stay the same as before the check-ins were seeded.
        var surveillanceRandom = new Random(10);
        for (var i = 0; i < FirstNames.Length; i++)
        {
            var female = i % 2 == 0;
            var athlete = NewAthlete($"{FirstNames[i]} {(char)('A' + (i * 7 % 26))}.", female, random, today, now);
            athlete.TeamId = team.Id;
            db.Athletes.Add(athlete);
            SeedSurveillance(athlete, surveillanceRandom, today, accounts[Roles.Coach].Id, now);
            AddScreening(athlete, today.AddDays(-120 - random.Next(30)), random, accounts[Roles.Coach].Id, now);
            if (i % 3 == 0)
            {
                AddScreening(athlete, today.AddDays(-random.Next(5, 30)), random, accounts[Roles.Coach].Id, now);
            }
        }

        var runner = NewAthlete("Robin Runner", female: true, random, today, now);
        runner.OwnerUserId = accounts[Roles.Runner].Id;
        db.Athletes.Add(runner);
        AddScreening(runner, today.AddDays(-60), random, accounts[Roles.Runner].Id, now);
        AddScreening(runner, today.AddDays(-3), random, accounts[Roles.Runner].Id, now);

        SeedStudy(accounts[Roles.Researcher].Id, random, today, now);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded the demo workspace: team {Team} with {Count} athletes.", team.Name, FirstNames.Length);
    }

    /// <summary>
    /// A prospective demo study 300 days into a one-year follow-up: 160 runners screened at baseline, low back pain
    /// events drawn with a risk that rises with hip-extension asymmetry in women only (invented, like all demo data).
    /// </summary>
    private void SeedStudy(string researcherId, Random random, DateOnly today, DateTime now)
    {
        var org = new Organisation { Id = Guid.CreateVersion7(), Name = "Northfield Sports Science Lab", OwnerUserId = researcherId, CreatedUtc = now };
        var team = new Team { Id = Guid.CreateVersion7(), Name = "Cohort 2026", CoachUserId = researcherId, OrganisationId = org.Id, CreatedUtc = now };
        db.Organisations.Add(org);
        db.Teams.Add(team);
        var followUpStart = today.AddDays(-300);
        var study = new Study
        {
            Id = Guid.CreateVersion7(),
            Title = "Hip extensor asymmetry and low back pain in club runners (demo)",
            Design = StudyDesign.ProspectiveCohort,
            OwnerUserId = researcherId,
            EventCode = HipCheck.Core.Studies.EventDefinitions.LowBackPainTreatedNonTraumatic.Code,
            BaselineStart = followUpStart.AddDays(-30),
            BaselineEnd = followUpStart.AddDays(-1),
            FollowUpDays = 365,
            ExposureThresholdPercent = 15,
            BaselineLockedUtc = now.AddDays(-300),
            FollowUpStart = followUpStart,
            CreatedUtc = now.AddDays(-340),
        };
        db.Studies.Add(study);
        db.StudyAudit.Add(new StudyAuditEntry { StudyId = study.Id, UserId = researcherId, Utc = study.CreatedUtc, Action = "created", Detail = "Demo study created." });
        db.StudyAudit.Add(new StudyAuditEntry { StudyId = study.Id, UserId = researcherId, Utc = now.AddDays(-300), Action = "baseline-locked", Detail = $"Baseline locked; follow-up starts {followUpStart:yyyy-MM-dd} for 365 days." });
        for (var i = 0; i < 160; i++)
        {
            var female = i % 2 == 0;
            var athlete = NewAthlete($"Cohort runner {i + 1:000}", female, random, today, now);
            athlete.TeamId = team.Id;
            db.Athletes.Add(athlete);
            var screening = AddScreening(athlete, study.BaselineStart.AddDays(random.Next(30)), random, researcherId, now);
            db.Enrolments.Add(new Enrolment
            {
                StudyId = study.Id,
                AthleteId = athlete.Id,
                Code = $"HC-DEMO{i + 1:000}",
                ConsentDate = study.BaselineStart,
                ConsentRecordedByUserId = researcherId,
                EnrolledUtc = now.AddDays(-320),
            });

            var ext = screening.Tests.First(t => t.TestCode == TestCatalogue.HipExtension.Code);
            var asymmetry = Asymmetry.Between(ext.LeftTrials.Average(), ext.RightTrials.Average()).AsymmetryPercent;
            var risk = female ? 0.03 + (asymmetry / 100 * 0.9) : 0.07;
            if (random.NextDouble() < risk)
            {
                db.Injuries.Add(new Injury
                {
                    Id = Guid.CreateVersion7(),
                    AthleteId = athlete.Id,
                    Region = HipCheck.Core.Injuries.BodyRegion.LumbarSpine,
                    Diagnosis = HipCheck.Core.Injuries.Diagnosis.LowBackPain,
                    OnsetDate = followUpStart.AddDays(random.Next(1, 300)),
                    Mechanism = HipCheck.Core.Injuries.Mechanism.Overuse,
                    NeededTreatment = true,
                    DaysLost = random.Next(0, 21),
                    RecordedByUserId = researcherId,
                    CreatedUtc = now,
                    UpdatedUtc = now,
                });
            }
        }
    }

    /// <summary>
    /// Twelve invented weeks of OSTRC check-ins (most athletes most weeks; now and then a problem in one area, sometimes a
    /// substantial one) and weekly running exposure, so the coach's prevalence chart is not empty.
    /// </summary>
    private void SeedSurveillance(Athlete athlete, Random random, DateOnly today, string coachId, DateTime now)
    {
        var areas = HipCheck.Core.Surveillance.OstrcInstrument.Default.Areas;
        for (var w = 1; w <= 12; w++)
        {
            var week = HipCheck.Core.Surveillance.CheckinRules.WeekStartOf(today).AddDays(-7 * w);
            db.Exposure.Add(new HipCheck.Web.Surveillance.ExposureEntry
            {
                Id = Guid.CreateVersion7(), AthleteId = athlete.Id, Date = week, Period = "week", Hours = Math.Round(2.5 + random.NextDouble() * 4, 1),
                Km = Math.Round(25 + random.NextDouble() * 40, 1), Source = HipCheck.Web.Surveillance.ExposureEntry.Manual, RecordedByUserId = coachId, CreatedUtc = now,
            });
            if (random.NextDouble() < 0.15)
            {
                continue; // did not answer that week
            }

            var checkin = new HipCheck.Web.Surveillance.WeeklyCheckin { Id = Guid.CreateVersion7(), AthleteId = athlete.Id, WeekStart = week, RecordedByUserId = coachId, CreatedUtc = now, UpdatedUtc = now };
            var troubled = random.NextDouble() < 0.25 ? random.Next(areas.Count) : -1;
            var substantial = troubled >= 0 && random.NextDouble() < 0.35;
            for (var a = 0; a < areas.Count; a++)
            {
                var (q1, q2, q3, q4) = a != troubled ? (0, 0, 0, 0) : substantial ? (2, 2, 2, 2) : (1, 1, 0, 1);
                checkin.Areas.Add(new HipCheck.Web.Surveillance.CheckinArea { CheckinId = checkin.Id, Area = areas[a].Code, Q1 = q1, Q2 = q2, Q3 = q3, Q4 = q4 });
            }

            db.Checkins.Add(checkin);
        }
    }

    private static Athlete NewAthlete(string name, bool female, Random random, DateOnly today, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Sex = female ? Sex.Female : Sex.Male,
        BirthDate = today.AddYears(-(18 + random.Next(25))).AddDays(-random.Next(365)),
        BodyMassKg = Math.Round(female ? 52 + random.NextDouble() * 18 : 62 + random.NextDouble() * 22, 1),
        HeightCm = Math.Round(female ? 158 + random.NextDouble() * 18 : 170 + random.NextDouble() * 20),
        Sport = "Distance running",
        DominantLeg = random.Next(5) == 0 ? Side.Left : Side.Right,
        CreatedUtc = now,
        UpdatedUtc = now,
    };

    /// <summary>Plausible handheld-dynamometer forces with a random side-to-side difference of 0-25 %.</summary>
    private Screening AddScreening(Athlete athlete, DateOnly date, Random random, string userId, DateTime now)
    {
        var screening = new Screening
        {
            Id = Guid.CreateVersion7(),
            AthleteId = athlete.Id,
            Date = date,
            BodyMassKg = athlete.BodyMassKg,
            CreatedByUserId = userId,
            CreatedUtc = now,
        };

        foreach (var (test, perKg) in new[] { (TestCatalogue.HipExtension, 3.4), (TestCatalogue.HipAbduction, 2.4), (TestCatalogue.HipExternalRotation, 1.6) })
        {
            var strong = perKg * athlete.BodyMassKg * (0.8 + random.NextDouble() * 0.4);
            var weak = strong * (1 - random.NextDouble() * 0.25);
            var leftIsWeak = random.Next(2) == 0;
            screening.Tests.Add(new ScreeningTest
            {
                Id = Guid.CreateVersion7(),
                ScreeningId = screening.Id,
                TestCode = test.Code,
                EnteredUnit = "N",
                LeftTrials = Trials(leftIsWeak ? weak : strong, random),
                RightTrials = Trials(leftIsWeak ? strong : weak, random),
            });
        }

        screening.Tests.Add(new ScreeningTest
        {
            Id = Guid.CreateVersion7(),
            ScreeningId = screening.Id,
            TestCode = TestCatalogue.BackExtensionEndurance.Code,
            Seconds = Math.Round(60 + random.NextDouble() * 150),
        });
        db.Screenings.Add(screening);
        return screening;
    }

    private static List<double> Trials(double mean, Random random) =>
        [.. Enumerable.Range(0, 3).Select(_ => Math.Round(mean * (0.95 + random.NextDouble() * 0.1), 1))];
}

public static class DemoSeederExtensions
{
    /// <summary>Seeds the demo workspace when Demo:Seed is true, and never in Production.</summary>
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        if (app.Environment.IsProduction() || !app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        foreach (var (email, password, role) in DemoSeeder.Logins)
        {
            app.Logger.LogWarning("Demo login ({Role}): {Email} / {Password}", role, email, password);
        }
    }
}
