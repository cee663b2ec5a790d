using System.Collections;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Account;

/// <summary>
/// "Your data is yours" (GDPR Art. 15 and 20): one ZIP with everything HipCheck holds about a member, as one JSON
/// document (data.json) and one CSV file per table, with a README.txt describing the files. The archive is built in
/// a temporary file that is deleted when the download is closed, so a large archive never sits in memory.
/// </summary>
public sealed class MemberDataExport(HipCheckDb db, UserManager<AppUser> users, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    private static readonly JsonSerializerOptions CompactJson = new(Json) { WriteIndented = false };

    /// <summary>The tables of the archive, in README order: file name and what it holds.</summary>
    public static IReadOnlyList<(string File, string Description)> Tables { get; } =
    [
        ("profile.csv", "Your account: id, email, when it was created, whether the email is confirmed, your roles and the name you show with comments."),
        ("athletes.csv", "The athletes you own: your own runner profile, or the athletes of the teams you coach."),
        ("teams.csv", "The teams you coach."),
        ("screenings.csv", "The screening sessions of those athletes (date, body mass on the day, who entered it)."),
        ("screening_tests.csv", "Each test of each screening with its trials, left and right, in the base unit (N, or s for holds)."),
        ("injuries.csv", "The injuries recorded for those athletes."),
        ("programmes.csv", "Their strengthening programmes; the plan column holds the whole plan as JSON."),
        ("workout_sessions.csv", "The logged workouts of those programmes; the exercises column holds each side's values as JSON."),
        ("consents.csv", "Study enrolments of those athletes: study, pseudonymous code, consent date, whether the consent lets collected data be kept after withdrawal, withdrawal."),
        ("studies.csv", "The studies you run as a researcher."),
        ("comments.csv", "The comments you wrote on articles."),
        ("course_progress.csv", "The course lessons you marked as done."),
    ];

    /// <summary>Writes the archive to a temporary file and returns it positioned at the start (deleted on close).</summary>
    public async Task<Stream> CreateAsync(AppUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var data = await CollectAsync(user, ct);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                await WriteEntryAsync(zip, "README.txt", Readme(user), ct);
                await using (var json = zip.CreateEntry("data.json", CompressionLevel.Optimal).Open())
                {
                    await JsonSerializer.SerializeAsync(json, data, Json, ct);
                }

                await WriteCsvAsync(zip, "profile.csv", [data.Profile], ct);
                await WriteCsvAsync(zip, "athletes.csv", data.Athletes, ct);
                await WriteCsvAsync(zip, "teams.csv", data.Teams, ct);
                await WriteCsvAsync(zip, "screenings.csv", data.Screenings, ct);
                await WriteCsvAsync(zip, "screening_tests.csv", data.ScreeningTests, ct);
                await WriteCsvAsync(zip, "injuries.csv", data.Injuries, ct);
                await WriteCsvAsync(zip, "programmes.csv", data.Programmes, ct);
                await WriteCsvAsync(zip, "workout_sessions.csv", data.WorkoutSessions, ct);
                await WriteCsvAsync(zip, "consents.csv", data.Consents, ct);
                await WriteCsvAsync(zip, "studies.csv", data.Studies, ct);
                await WriteCsvAsync(zip, "comments.csv", data.Comments, ct);
                await WriteCsvAsync(zip, "course_progress.csv", data.CourseProgress, ct);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public sealed record Profile(string Id, string? Email, DateTime CreatedUtc, bool EmailConfirmed, string Roles, string? CommentDisplayName);

    public sealed record MemberData(
        DateTime ExportedUtc,
        Profile Profile,
        IReadOnlyList<Athlete> Athletes,
        IReadOnlyList<Teams.Team> Teams,
        IReadOnlyList<Screenings.Screening> Screenings,
        [property: JsonIgnore] IReadOnlyList<Screenings.ScreeningTest> ScreeningTests,
        IReadOnlyList<Injuries.Injury> Injuries,
        IReadOnlyList<Programmes.Programme> Programmes,
        IReadOnlyList<Programmes.WorkoutSession> WorkoutSessions,
        IReadOnlyList<Studies.Enrolment> Consents,
        IReadOnlyList<Studies.Study> Studies,
        IReadOnlyList<Articles.ArticleComment> Comments,
        IReadOnlyList<Course.LessonCompletion> CourseProgress);

    private async Task<MemberData> CollectAsync(AppUser user, CancellationToken ct)
    {
        var id = user.Id;
        var roles = await users.GetRolesAsync(user);
        var displayName = await db.CommenterProfiles.AsNoTracking().Where(p => p.UserId == id).Select(p => p.DisplayName).FirstOrDefaultAsync(ct);
        var athletes = await db.VisibleTo(id).AsNoTracking().OrderBy(a => a.CreatedUtc).ToListAsync(ct);
        var athleteIds = athletes.Select(a => a.Id).ToList();
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests).Where(s => athleteIds.Contains(s.AthleteId)).OrderBy(s => s.Date).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().Where(p => athleteIds.Contains(p.AthleteId)).OrderBy(p => p.CreatedUtc).ToListAsync(ct);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        return new MemberData(
            clock.GetUtcNow().UtcDateTime,
            new Profile(id, user.Email, user.CreatedUtc, user.EmailConfirmed, string.Join(";", roles.Order(StringComparer.Ordinal)), displayName),
            athletes,
            await db.Teams.AsNoTracking().Where(t => t.CoachUserId == id).OrderBy(t => t.CreatedUtc).ToListAsync(ct),
            screenings,
            screenings.SelectMany(s => s.Tests.OrderBy(t => t.TestCode, StringComparer.Ordinal)).ToList(),
            await db.Injuries.AsNoTracking().Where(i => athleteIds.Contains(i.AthleteId)).OrderBy(i => i.OnsetDate).ToListAsync(ct),
            programmes,
            await db.WorkoutSessions.AsNoTracking().Where(s => programmeIds.Contains(s.ProgrammeId)).OrderBy(s => s.Date).ToListAsync(ct),
            await db.Enrolments.AsNoTracking().Where(e => athleteIds.Contains(e.AthleteId)).OrderBy(e => e.EnrolledUtc).ToListAsync(ct),
            await db.Studies.AsNoTracking().Where(s => s.OwnerUserId == id).OrderBy(s => s.CreatedUtc).ToListAsync(ct),
            await db.ArticleComments.AsNoTracking().Where(c => c.AuthorUserId == id).OrderBy(c => c.CreatedUtc).ToListAsync(ct),
            await db.LessonCompletions.AsNoTracking().Where(c => c.UserId == id).OrderBy(c => c.CompletedUtc).ToListAsync(ct));
    }

    private string Readme(AppUser user)
    {
        var text = new StringBuilder();
        text.AppendLine("Your HipCheck data");
        text.AppendLine("==================");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Everything HipCheck holds about the account {user.Email} (id {user.Id}), exported {clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
        text.AppendLine();
        text.AppendLine("data.json  All of it in one JSON document, one property per table below (profile, athletes, teams, screenings");
        text.AppendLine("           with their tests and trials, injuries, programmes, workoutSessions, consents, studies, comments, courseProgress).");
        text.AppendLine();
        text.AppendLine("The same data as one CSV file per table (UTF-8 with a byte-order mark, comma-separated, a header row; dates");
        text.AppendLine("YYYY-MM-DD, instants ISO 8601 in UTC, forces in newtons, holds in seconds, lists of trials separated by ';'):");
        text.AppendLine();
        foreach (var (file, description) in Tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{file,-22} {description}");
        }

        text.AppendLine();
        text.AppendLine("Ids link the files: screenings.athleteId -> athletes.id, screening_tests.screeningId -> screenings.id,");
        text.AppendLine("injuries.athleteId, programmes.athleteId and consents.athleteId -> athletes.id, workout_sessions.programmeId -> programmes.id.");
        text.AppendLine("The change history of your athletes' records is at /Athletes/{id}/History and GET /api/athletes/{id}/history.");
        return text.ToString();
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await writer.WriteAsync(text.AsMemory(), ct);
    }

    /// <summary>Names of navigation properties: linked by id columns instead.</summary>
    private static readonly HashSet<string> Navigations = new(StringComparer.Ordinal) { "Athlete", "Team", "Screening", "Tests", "Article" };

    /// <summary>One CSV per table: the entity's own columns; structured values (plans, exercise logs) as JSON.</summary>
    private static async Task WriteCsvAsync<T>(ZipArchive zip, string name, IReadOnlyList<T> rows, CancellationToken ct)
    {
        // Stored columns only: computed getters (no setter) and navigations are left out.
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetSetMethod() is not null && !Navigations.Contains(p.Name))
            .ToList();
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await using var writer = new StreamWriter(stream, Csv.Utf8WithBom);
        await writer.WriteLineAsync(Csv.Row(properties.Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])).AsMemory(), ct);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(Csv.Row(properties.Select(p => Format(p.GetValue(row)))).AsMemory(), ct);
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<double> list => string.Join(";", list.Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
        IFormattable f when value.GetType().IsPrimitive || value is Guid || value.GetType().IsEnum => f.ToString(null, CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IEnumerable or _ when !value.GetType().IsPrimitive => JsonSerializer.Serialize(value, CompactJson),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
