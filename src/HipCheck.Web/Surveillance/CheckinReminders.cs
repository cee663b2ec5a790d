using HipCheck.Core.Surveillance;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Surveillance;

/// <summary>The weekly reminder's settings (section <c>CheckinReminders</c>).</summary>
public sealed class CheckinReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the service looks whether reminders are due (they go out on Mondays, once per runner and week).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 86400)]
    public int CheckEverySeconds { get; set; } = 3600;

    /// <summary>The site's address for the link in the email.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>
/// On Mondays, reminds each runner (an athlete profile with its own account) who has not answered the week before.
/// Idempotent: the reminder row is written before the email is sent and its key (athlete, week) is unique, so a
/// second run, or a second app instance, sends nothing more (at most once, never twice).
/// </summary>
public sealed class CheckinReminderSender(HipCheckDb db, IEmailSender email, TimeProvider clock, IOptions<CheckinReminderOptions> options, ILogger<CheckinReminderSender> log)
{
    /// <summary>Sends the reminders due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (today.DayOfWeek != DayOfWeek.Monday)
        {
            return 0;
        }

        var week = CheckinRules.PreviousWeek(today);
        var due = await (from a in db.Athletes
                         join u in db.Users on a.OwnerUserId equals u.Id
                         where !db.Checkins.Any(c => c.AthleteId == a.Id && c.WeekStart == week)
                               && !db.CheckinReminders.Any(r => r.AthleteId == a.Id && r.WeekStart == week)
                               && u.Email != null
                         select new { a.Id, a.Name, u.Email }).ToListAsync(ct);
        var sent = 0;
        foreach (var runner in due)
        {
            db.CheckinReminders.Add(new CheckinReminder { AthleteId = runner.Id, WeekStart = week, SentUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance claimed this reminder first.
                db.ChangeTracker.Clear();
                continue;
            }

            var link = $"{options.Value.BaseUrl.TrimEnd('/')}/CheckIn?week={week:yyyy-MM-dd}";
            await email.SendAsync(new EmailMessage(runner.Email!, $"How was your week? Check-in for the week of {week:d MMMM}",
                $"Hello {runner.Name},\r\n\r\nYou have not answered the weekly check-in for the week starting Monday {week:yyyy-MM-dd}. "
                + $"It takes under a minute:\r\n\r\n{link}\r\n\r\nOne answer per body area; if nothing bothered you, the first answer is enough.\r\n\r\nHipCheck"), ct);
            sent++;
        }

        if (sent > 0)
        {
            log.LogInformation("Sent {Count} check-in reminders for the week of {Week}", sent, week);
        }

        return sent;
    }
}

/// <summary>Runs <see cref="CheckinReminderSender"/> at start and then every <see cref="CheckinReminderOptions.CheckEverySeconds"/>.</summary>
public sealed class CheckinReminderService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CheckinReminderOptions> options, ILogger<CheckinReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CheckinReminderSender>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException or IOException
                or System.Net.Mail.SmtpException or TimeoutException)
            {
                // A database or mail server that is briefly away must not end the service: an exception escaping a
                // BackgroundService stops the whole app (.NET's default), which would take the site down with it.
                log.LogWarning(e, "Check-in reminders failed; trying again at the next check");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.CheckEverySeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class SurveillanceExtensions
{
    public static IServiceCollection AddHipCheckSurveillance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CheckinService>();
        services.AddScoped<ExposureService>();
        services.AddScoped<CheckinReminderSender>();
        services.AddOptions<CheckinReminderOptions>().Bind(configuration.GetSection("CheckinReminders")).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<CheckinReminderService>();
        return services;
    }
}
