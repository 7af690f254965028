using SpankQrun.DirectAccess.Http;
using SpankQrun.Qrun.Running;
using SpankQrun.Qrun.Slurm;

namespace SpankQrun.Qrun;

/// <summary>What qrun takes from its surroundings; tests replace the environment and shorten the waits.</summary>
internal sealed record QrunHost(Func<string, string?> Environment)
{
    /// <summary>timeout_secs when not in a Slurm job or when its limit is UNLIMITED.</summary>
    public const long DefaultJobTimeoutSeconds = 3600;

    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    public PollBackoff Poll { get; init; } = PollBackoff.Default;

    /// <summary>Bound on cancel + wait-until-final + delete after a signal or failure; below Slurm's default KillWait (30 s).</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan CleanupPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public bool HandleSignals { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<Func<string, string?>, Action<string>, CancellationToken, Task<TimeSpan?>> TimeLeft { get; init; } = SqueueTimeLeft.QueryAsync;

    /// <summary>Makes the MUNGE credential for one gateway request from its payload (gateway mode).</summary>
    public Func<string, string> GatewayCredential { get; init; } = Gateway.MungeAuthenticationHandler.EncodeWithMunged;

    public static QrunHost FromProcess() => new(System.Environment.GetEnvironmentVariable) { HandleSignals = true };
}
