using HipCheck.Web.Data;
using Npgsql;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// PostgreSQL connections prepare repeated statements and skip the reset on return to the pool, unless the
/// operator's connection string says otherwise.
/// </summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void Automatic_preparation_and_no_reset_are_on_by_default()
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.WithConnectionDefaults("Host=db;Database=hipcheck;Username=app;Password=secret"));
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal(("db", "hipcheck", "app", "secret"), (built.Host, built.Database, built.Username, built.Password));
    }

    [Theory]
    [InlineData("Host=db;Database=hipcheck;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=hipcheck;MaxAutoPrepare=8", 8)]
    public void An_explicit_preparation_setting_is_kept(string connectionString, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.WithConnectionDefaults(connectionString));
        Assert.Equal(expected, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Database=hipcheck;No Reset On Close=false")]
    [InlineData("Host=db;Database=hipcheck;NoResetOnClose=false")]
    public void An_explicit_reset_setting_is_kept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.WithConnectionDefaults(connectionString));
        Assert.False(built.NoResetOnClose);
        Assert.Equal(64, built.MaxAutoPrepare);
    }

    [Fact]
    public void The_hot_reads_multiplex_unless_the_connection_string_says_otherwise()
    {
        var app = DataExtensions.WithConnectionDefaults("Host=db;Database=hipcheck;Username=app;Password=secret");
        var reads = new NpgsqlConnectionStringBuilder(PreparedReads.MultiplexedConnectionString(app));
        Assert.True(reads.Multiplexing);
        Assert.Equal((64, true, "db", "hipcheck"), (reads.MaxAutoPrepare, reads.NoResetOnClose, reads.Host, reads.Database));
        Assert.False(new NpgsqlConnectionStringBuilder(app).Multiplexing); // EF Core, the group commit and imports: no

        var off = new NpgsqlConnectionStringBuilder(PreparedReads.MultiplexedConnectionString("Host=db;Database=hipcheck;Multiplexing=false"));
        Assert.False(off.Multiplexing);
    }
}
