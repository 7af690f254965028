using System.Runtime.InteropServices;

namespace SpankQrun.Qrun.Signals;

/// <summary>
/// Turns SIGTERM (scancel, the Slurm time limit) and SIGINT into a cancellation that qrun answers by cancelling
/// and deleting its job. qrun handles these signals itself instead of using System.CommandLine's
/// ProcessTerminationTimeout, which returns 130/143 after a fixed wait even if cleanup is still running.
/// The default action (terminate) is suppressed for every signal, so a second signal cannot cut cleanup short
/// and leave the job running; cleanup is bounded instead (see QrunHost.CleanupTimeout), below Slurm's KillWait.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource cancellation;
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly Action<string> report;
    private int received;

    private readonly TimeProvider time;
    private DateTimeOffset? receivedAt;

    public TerminationSignals(bool handleSignals, Action<string> report, TimeProvider time, CancellationToken invocationToken)
    {
        this.report = report;
        this.time = time;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
        if (handleSignals)
        {
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        }
    }

    /// <summary>Cancelled on the first signal (or when the invocation is cancelled).</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Received => Volatile.Read(ref received) switch
    {
        0 => null,
        var value => (PosixSignal)value,
    };

    /// <summary>When the first signal arrived.</summary>
    public DateTimeOffset? ReceivedAt => receivedAt;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref received, (int)context.Signal, 0) == 0)
        {
            receivedAt = time.GetUtcNow();
            report(QrunMessages.SignalReceived(Name(context.Signal)));
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run has already finished: nothing left to cancel.
            }
        }
        else
        {
            report(QrunMessages.SignalRepeated(Name(context.Signal)));
        }
    }

    internal static string Name(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGTERM => "SIGTERM",
        PosixSignal.SIGINT => "SIGINT",
        _ => signal.ToString(),
    };
}
