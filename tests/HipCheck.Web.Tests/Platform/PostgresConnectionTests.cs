using HipCheck.Web.Data;
using Npgsql;

namespace HipCheck.Web.Tests.Platform;

/// <summary>PostgreSQL connections prepare repeated statements unless the operator's connection string says otherwise.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void Automatic_preparation_is_on_by_default()
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.WithAutoPrepare("Host=db;Database=hipcheck;Username=app;Password=secret"));
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.Equal(("db", "hipcheck", "app", "secret"), (built.Host, built.Database, built.Username, built.Password));
    }

    [Theory]
    [InlineData("Host=db;Database=hipcheck;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=hipcheck;MaxAutoPrepare=8")]
    public void An_explicit_setting_is_kept(string connectionString) =>
        Assert.Equal(connectionString, DataExtensions.WithAutoPrepare(connectionString));
}
