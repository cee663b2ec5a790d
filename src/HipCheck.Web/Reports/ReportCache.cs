using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Reports;

public sealed class ReportCacheOptions
{
    /// <summary>The most bytes of report JSON kept in memory (a report is about 26 KB); 0 turns the cache off.</summary>
    [Range(0, long.MaxValue)]
    public long MaxBytes { get; set; } = 64 * 1024 * 1024;
}

/// <summary>
/// The serialised risk reports of recently read screenings, as UTF-8 JSON, each with the inputs it was built from.
/// It is never invalidated: a caller reads the inputs again (with the visibility check) and gets the bytes only when
/// they are the same, so an athlete edit, a threshold change or a deletion is seen by every instance at once.
/// Its own MemoryCache, so the size limit binds no other user of IMemoryCache.
/// </summary>
public sealed class ReportCache : IDisposable
{
    private readonly MemoryCache entries;
    private readonly bool enabled;

    public ReportCache(IOptions<ReportCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        enabled = options.Value.MaxBytes > 0;
        entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(options.Value.MaxBytes, 1) });
    }

    /// <summary>The report built from exactly these inputs and catalogue, or null.</summary>
    public byte[]? Find(ReportInputs inputs, string catalogueVersion)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return entries.TryGetValue(inputs.ScreeningId, out CachedReport? cached)
            && cached!.CatalogueVersion == catalogueVersion && cached.Inputs.SameAs(inputs)
            ? cached.Utf8Json
            : null;
    }

    public void Store(ReportInputs inputs, string catalogueVersion, byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (enabled)
        {
            entries.Set(inputs.ScreeningId, new CachedReport(inputs, catalogueVersion, utf8Json), new MemoryCacheEntryOptions { Size = utf8Json.Length });
        }
    }

    public void Dispose() => entries.Dispose();

    private sealed record CachedReport(ReportInputs Inputs, string CatalogueVersion, byte[] Utf8Json);
}
