using SpankQrun.DirectAccess.Http;
using SpankQrun.Qrun.Running;
using SpankQrun.Qrun.Slurm;

namespace SpankQrun.Qrun;

/// <summary>What qrun takes from its surroundings; tests replace the environment and shorten the waits.</summary>
internal sealed record QrunHost(Func<string, string?> Environment)
{
    /// <summary>The largest --timeout when the site sets no other maximum (IBMQRUN_MAX_TIMEOUT_SECS).</summary>
    public const long DefaultMaxJobTimeoutSeconds = 86400;

    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    public PollBackoff Poll { get; init; } = PollBackoff.Default;

    /// <summary>Bound on cancel + wait-until-final + delete of the Direct Access job after a signal or failure.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Bound on deleting the S3 objects, a budget of its own so an unreachable Direct Access cannot use it up.
    /// Both bounds together stay below Slurm's default KillWait (30 s).</summary>
    public TimeSpan StorageCleanupTimeout { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan CleanupPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public bool HandleSignals { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<Func<string, string?>, Action<string>, CancellationToken, Task<TimeSpan?>> TimeLeft { get; init; } = EarlySqueue.QueryAsync;

    /// <summary>Makes the MUNGE credential for one gateway request from its payload (gateway mode).</summary>
    public Func<string, string> GatewayCredential { get; init; } = Gateway.MungeAuthenticationHandler.EncodeWithMunged;

    /// <summary>The largest --timeout: IBMQRUN_MAX_TIMEOUT_SECS when the site sets it in the jobs' environment, else the default.</summary>
    public long MaxTimeoutSeconds =>
        long.TryParse(Environment(MaxTimeoutVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) && max > 0
            ? max
            : DefaultMaxJobTimeoutSeconds;

    /// <summary>The variable through which a site sets the largest --timeout (e.g. from a Slurm TaskProlog).</summary>
    public const string MaxTimeoutVariable = "IBMQRUN_MAX_TIMEOUT_SECS";

    /// <summary>The plugstack.conf that names the backends this site offers (for hints only).</summary>
    public string PlugstackPath { get; init; } = Slurm.SiteBackends.DefaultPlugstackPath(System.Environment.GetEnvironmentVariable);

    public static QrunHost FromProcess() => new(System.Environment.GetEnvironmentVariable) { HandleSignals = true };
}
