using System.Collections.Concurrent;
using System.Diagnostics;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Gateway.Configuration;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// The Direct Access client and the bucket of each backend, made once. Status reads are coalesced: callers
/// that want a fresh list share the next <c>GET /v1/jobs</c> of that backend instead of each making one.
/// </summary>
public sealed class BackendServices : IDisposable
{
    private readonly ConcurrentDictionary<string, (DirectAccessClient Client, JobStorage Storage)> services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Listing> listings = new(StringComparer.Ordinal);
    private readonly GatewaySettings settings;
    private readonly ILogger<BackendServices> logger;

    public BackendServices(GatewaySettings settings, ILogger<BackendServices> logger)
    {
        this.settings = settings;
        this.logger = logger;
    }

    public DirectAccessClient Client(string backend) => Get(backend).Client;

    public JobStorage Storage(string backend) => Get(backend).Storage;

    /// <summary>The backend's jobs as Direct Access lists them, from a listing that started after this call.</summary>
    public async Task<IReadOnlyList<JobInfo>> FreshListAsync(string backend, CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        var listing = listings.GetOrAdd(backend, _ => new Listing());
        await listing.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that queued while a listing was under way share the next one.
            if (listing.Jobs is not null && listing.StartedAt >= asked)
                return listing.Jobs;
            var started = Stopwatch.GetTimestamp();
            var jobs = await Client(backend).ListJobsAsync(cancellationToken).ConfigureAwait(false);
            listing.Jobs = jobs;
            listing.StartedAt = started;
            return jobs;
        }
        finally
        {
            listing.Lock.Release();
        }
    }

    public void Dispose()
    {
        foreach (var (client, storage) in services.Values)
        {
            client.Dispose();
            storage.Dispose();
        }
    }

    private (DirectAccessClient Client, JobStorage Storage) Get(string backend) => services.GetOrAdd(backend, name =>
    {
        var configured = settings.Backends[name];
        var options = configured.DirectAccess with
        {
            Retry = GatewayConfigParser.RetryOf(settings),
            Log = line => logger.LogWarning("Direct Access for backend {Backend} did not answer; retrying: {Detail}", name, line),
        };
        return (new DirectAccessClient(options), new JobStorage(configured.Storage with { RequestTimeout = settings.DirectAccessAttemptTimeout }));
    });

    private sealed class Listing
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public IReadOnlyList<JobInfo>? Jobs { get; set; }

        public long StartedAt { get; set; }
    }
}
