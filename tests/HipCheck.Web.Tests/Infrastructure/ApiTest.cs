namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>Base for test classes: xunit creates a class instance per test, so each test gets its own app and database.</summary>
public abstract class ApiTest : IAsyncDisposable
{
    protected HipCheckApp App { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
