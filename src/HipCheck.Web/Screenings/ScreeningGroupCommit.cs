using System.Threading.Channels;
using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Data;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Screenings;

/// <summary>
/// Group commit for screenings. A durable commit costs one fsync (SQLite with synchronous=FULL: about 270 commits a
/// second on this project's test machine, whatever the CPU), so one transaction per request caps the write rate at
/// the disk's fsync rate. Requests that arrive together are written together instead: each request hands its
/// validated screening to this queue and waits; one writer takes everything waiting (up to <see cref="MaxBatch"/>),
/// saves it in one transaction with one fsync, and only then answers every waiting request. Nothing is acknowledged
/// before its commit, so the durability promise is unchanged; under light load a batch holds one screening and
/// nothing waits longer than before. If a batch fails, its screenings are retried one by one, so one bad screening
/// fails alone (the request gets the error) and the others are stored.
/// <para>
/// SQLite has one writer at a time, so one writer drains the queue. A PostgreSQL server runs each connection's
/// statements on one of its cores and lets transactions commit side by side, so there several writers
/// (<see cref="ScreeningCommitOptions.PostgresWriters"/>) each take a group: with one, every insert of the instance
/// ran on a single server process while the other cores idled.
/// </para>
/// </summary>
public sealed class ScreeningGroupCommit : BackgroundService
{
    public const int MaxBatch = 256;

    private readonly IServiceScopeFactory scopes;
    private readonly ScreeningWriter writer;
    private readonly IHttpContextAccessor http;
    private readonly ILogger<ScreeningGroupCommit> logger;
    private readonly Channel<Pending> channel;

    public ScreeningGroupCommit(
        IServiceScopeFactory scopes, ScreeningWriter writer, IHttpContextAccessor http, DatabaseInfo database,
        IOptions<ScreeningCommitOptions> options, ILogger<ScreeningGroupCommit> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        this.scopes = scopes;
        this.writer = writer;
        this.http = http;
        this.logger = logger;
        Writers = database.Provider == DatabaseProvider.Postgres ? options.Value.PostgresWriters : 1;
        channel = Channel.CreateBounded<Pending>(
            new BoundedChannelOptions(16 * MaxBatch) { SingleReader = Writers == 1, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>How many groups are written at the same time: 1 on SQLite.</summary>
    public int Writers { get; }

    /// <summary>Stores the screening with its tests; returns once it is committed (or throws what the commit threw).</summary>
    public async Task SaveAsync(Screening screening, CancellationToken cancellationToken)
    {
        // The writer has no HttpContext: the audit trail must still name the member whose request this is.
        var pending = new Pending(new NewScreening(screening, HipCheck.Web.Audit.AuditInterceptor.ActorOf(http.HttpContext?.User)));
        await channel.Writer.WriteAsync(pending, cancellationToken);
        // Once queued it will be written: a client that goes away does not unwrite it, so wait without the token.
        await pending.Committed.Task.ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteLoopAsync(stoppingToken), CancellationToken.None)));

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && channel.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is already queued, so no waiting request is left unanswered.
            channel.Writer.TryComplete();
            while (channel.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await SaveAsync(batch.Select(p => p.Screening).ToList());
            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult();
            }

            return;
        }
        catch (Exception e) when (batch.Count == 1)
        {
            batch[0].Committed.TrySetException(e);
            return;
        }
        catch (Exception e)
        {
            // Whatever failed (a constraint, a lost connection, a busy database), every waiting request must get an
            // answer: retry one by one, so each gets its own result or its own error.
            logger.LogWarning(e, "A batch of {Count} screenings failed; writing them one by one", batch.Count);
        }

        foreach (var pending in batch)
        {
            try
            {
                await SaveAsync([pending.Screening]);
                pending.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                pending.Committed.TrySetException(e);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<NewScreening> screenings)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        await writer.WriteAsync(db, screenings, CancellationToken.None);
    }

    private sealed class Pending(NewScreening screening)
    {
        public NewScreening Screening { get; } = screening;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Settings of the screenings' group commit (<c>Screenings:GroupCommit</c>).</summary>
public sealed class ScreeningCommitOptions
{
    /// <summary>Groups written at the same time on PostgreSQL (SQLite always uses one); default 4.</summary>
    [Range(1, 64)]
    public int PostgresWriters { get; set; } = 4;
}
