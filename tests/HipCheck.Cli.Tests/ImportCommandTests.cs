using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HipCheck.Cli.Tests;

/// <summary>`hipcheck import` through the real executable, into a SQLite file it migrates itself.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string Team = "0193A000-0000-7000-8000-000000000001";
    private readonly string folder = Directory.CreateTempSubdirectory("hipcheck-cli-import").FullName;

    private string Database => Path.Combine(folder, "hipcheck.db");

    private string Connection => $"Data Source={Database}";

    private const string Header =
        "athlete_id,name,sex,birth_date,body_mass_kg,height_cm,dominant_leg,date,test,unit,left_1,left_2,left_3,right_1,right_2,right_3,seconds\n";

    private async Task<string> File(string name, string csv)
    {
        var path = Path.Combine(folder, name);
        await System.IO.File.WriteAllTextAsync(path, csv, TestContext.Current.CancellationToken);
        return path;
    }

    private async Task CreateTeam()
    {
        var (exit, _, stderr) = await Cli.RunAsync("import", "--provider", "sqlite", "--connection", Connection, "--migrate",
            "--team", Team, "--file", await File("empty.csv", Header));
        Assert.Equal(2, exit);
        Assert.Contains("No team", stderr, StringComparison.Ordinal);
        using var db = new SqliteConnection(Connection);
        db.Open();
        using var insert = db.CreateCommand();
        insert.CommandText = $"INSERT INTO \"Teams\" (\"Id\", \"Name\", \"CoachUserId\", \"OrganisationId\", \"CreatedUtc\") VALUES ('{Team}', 'Harriers', 'coach-1', NULL, '2026-01-01 00:00:00')";
        insert.ExecuteNonQuery();
    }

    private string[] Stored()
    {
        using var db = new SqliteConnection(Connection);
        db.Open();
        using var read = db.CreateCommand();
        read.CommandText = """
            SELECT a."ExternalId", a."Name", s."Date", s."Source", s."CreatedByUserId", t."TestCode", t."LeftTrials", t."RightTrials"
            FROM "ScreeningTests" t JOIN "Screenings" s ON s."Id" = t."ScreeningId" JOIN "Athletes" a ON a."Id" = s."AthleteId"
            ORDER BY a."ExternalId", s."Date", t."TestCode"
            """;
        using var reader = read.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return [.. rows];
    }

    [Fact]
    public async Task Import_stores_a_valid_file_once_and_a_second_run_adds_nothing()
    {
        await CreateTeam();
        var csv = await File("ok.csv", Header
            + "C-1,Ada Runner,F,1994-05-01,58,167,right,2025-03-01,hip-extension,N,200,210,205,250,245,255,\n"
            + "C-1,,,,,,,2025-03-01,hip-abduction,kgf,20,,,22,,,\n");

        var first = await Cli.RunAsync("import", "--provider", "sqlite", "--connection", Connection, "--team", Team, "--file", csv);
        var second = await Cli.RunAsync("import", "--provider", "sqlite", "--connection", Connection, "--team", Team, "--file", csv);

        Assert.Equal(0, first.Exit);
        Assert.StartsWith("imported: 2 rows (screening-csv), 2 tests stored, 0 already imported, 0 rejected; 1 athletes and 1 screenings created", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.StartsWith("imported: 2 rows (screening-csv), 0 tests stored, 2 already imported, 0 rejected; 0 athletes and 0 screenings created", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(
        [
            // 20 kgf and 22 kgf in newtons, as IEEE doubles (20 x 9.80665 is not exactly 196.133).
            "C-1|Ada Runner|2025-03-01|Imported|coach-1|hip-abduction|[196.13299999999998]|[215.7463]",
            "C-1|Ada Runner|2025-03-01|Imported|coach-1|hip-extension|[200,210,205]|[250,245,255]",
        ], Stored());
    }

    [Fact]
    public async Task Import_prints_every_rejected_row_stores_nothing_and_exits_2()
    {
        await CreateTeam();
        var csv = await File("bad.csv", Header
            + "C-1,Ada Runner,F,1994-05-01,58,167,right,2025-03-01,hip-extension,N,200,210,205,250,245,255,\n"
            + "C-1,,,,,,,2025-03-01,hip-abduction,stone,20,,,22,,,\n"
            + "C-2,,,,,,,2025-03-01,hip-extension,N,200,,,250,,,\n");

        var (exit, stdout, stderr) = await Cli.RunAsync("import", "--provider", "sqlite", "--connection", Connection, "--team", Team, "--file", csv);

        Assert.Equal(2, exit);
        Assert.StartsWith("nothing imported: 3 rows (screening-csv), 0 tests stored, 0 already imported, 2 rejected", stdout, StringComparison.Ordinal);
        Assert.Equal(
        [
            "line 3, column unit: unknown unit 'stone'. Use N, kgf or lbf",
            "line 4, column athlete_id: the team has no athlete 'C-2': give name, sex, birth_date, body_mass_kg, height_cm and dominant_leg on the athlete's first row",
        ], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Empty(Stored());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
