using SpankQrun.Accounting.Licenses;
using SpankQrun.Accounting.Slurm;
using SpankQrun.DirectAccess.Backends;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Jobs;

namespace SpankQrun.Gateway;

/// <summary>
/// Runs LicenseSync in the gateway (license_sync = slurmdbd or local): every license_sync_secs, each backend's
/// license follows the lanes Direct Access gives HPC workload managers, and an unavailable backend's jobs are held
/// in the queue. A failed round (Slurm or the service not answering, no slurmdbd) is logged and retried.
/// </summary>
public sealed class LicenseSyncService(GatewaySettings settings, BackendServices backends, ILogger<LicenseSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = new ProcessCommandRunner { Timeout = settings.SlurmTimeout };
        var local = settings.LicenseSync == LicenseSyncMode.Local;
        ILicenseStore store = local
            ? new ScontrolLocalLicenseStore(runner, settings.ScontrolPath)
            : new SacctmgrLicenseStore(settings.LicenseServer, runner, settings.SacctmgrPath);
        var holds = new ScontrolLicenseHolds(local ? string.Empty : settings.LicenseServer, runner, settings.ScontrolPath);
        var sync = new LicenseSynchronizer(new LicenseSyncOptions([.. settings.Backends.Keys]) { Interval = settings.LicenseSyncInterval },
            new StateSource(backends), store, holds, Log);
        logger.LogInformation("license sync: {Mode} licenses of {Backends}, every {Seconds} s",
            local ? "local" : $"remote (@{settings.LicenseServer})", string.Join(",", settings.Backends.Keys), settings.LicenseSyncInterval.TotalSeconds);
        try
        {
            await sync.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private string? lastLine;

    /// <summary>A failure repeated every round (no slurmdbd, Slurm down) is logged once, until something else is said.</summary>
    private void Log(string line)
    {
        if (line == lastLine)
            return;
        lastLine = line;
        logger.LogInformation("license sync: {Line}", line);
    }

    private sealed class StateSource(BackendServices backends) : IBackendStateSource
    {
        public Task<BackendState> GetAsync(string backend, CancellationToken cancellationToken) =>
            backends.Client(backend).GetBackendStateAsync(backend, cancellationToken);
    }
}
