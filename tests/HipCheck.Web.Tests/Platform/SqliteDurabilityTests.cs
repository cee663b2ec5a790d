using HipCheck.Web.Data;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// TRUST.md's durability promise on SQLite rests on per-connection settings: WAL, synchronous=FULL, foreign keys on.
/// They are sent once per native connection (the pool hands the same native connection to many requests), so this
/// checks them on fresh and on reused connections alike.
/// </summary>
public sealed class SqliteDurabilityTests : ApiTest
{
    [Fact]
    public async Task Every_connection_the_app_hands_out_is_durable_and_checks_foreign_keys()
    {
        if (TestDatabase.IsPostgres)
        {
            Assert.Skip("SQLite settings; the PostgreSQL run checks nothing here.");
        }

        _ = App.Anonymous();
        for (var round = 0; round < 5; round++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            try
            {
                Assert.Equal("wal", await Pragma(db, "journal_mode"));
                Assert.Equal("2", await Pragma(db, "synchronous")); // 2 = FULL
                Assert.Equal("1", await Pragma(db, "foreign_keys"));
                Assert.Equal("5000", await Pragma(db, "busy_timeout"));
                Assert.Equal("10000", await Pragma(db, "wal_autocheckpoint")); // pages; see SqliteDurabilityInterceptor
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<string> Pragma(HipCheckDb db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
