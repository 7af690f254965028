using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SpankQrun.Qrun.Slurm;

/// <summary>
/// The squeue that native/early_squeue.c started before the runtime (NativeAOT qrun only): its answer is read from
/// the pipe it was given, with the same bound and the same warnings as <see cref="SqueueTimeLeft"/>, which runs
/// squeue itself when nothing was started early (the framework-dependent build, gateway mode, QRUN_EARLY_SQUEUE=0).
/// </summary>
internal static partial class EarlySqueue
{
    private const int MaxOutputBytes = 4096;

    /// <summary>The time left: from the early squeue when there is one, else from a squeue started now.</summary>
    public static Task<TimeSpan?> QueryAsync(Func<string, string?> environment, Action<string> warn, CancellationToken cancellationToken)
    {
        var fd = TryTake();
        return fd < 0
            ? SqueueTimeLeft.QueryAsync(environment, warn, cancellationToken)
            : ReadAsync(fd, environment("SLURM_JOB_ID")?.Trim() ?? string.Empty, warn, SqueueTimeLeft.SqueueTimeout, cancellationToken);
    }

    /// <summary>
    /// At qrun's end: kills and reaps an early squeue that still runs, asked or not (a run that ended before it
    /// needed the time left, or one whose read was stopped and has not reaped it yet).
    /// </summary>
    public static void Discard()
    {
        if (!Linked || !Native.Running())
        {
            return;
        }

        var fd = Native.Take();
        if (fd >= 0)
        {
            new SafeFileHandle(fd, ownsHandle: true).Dispose();
        }

        Native.Kill();
        _ = Native.Reap();
    }

    private static async Task<TimeSpan?> ReadAsync(int fd, string jobId, Action<string> warn, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var reaped = false;
        try
        {
            // A read blocked on the pipe ends only when every writer has closed it: the bound and a signal kill
            // squeue's process group (the registration is gone before the reap, so no other process can be killed),
            // and stop waiting for the read even if something outside that group still holds the pipe.
            string output;
            using (timeout.Token.Register(Native.Kill))
            {
                output = await ReadBoundedAsync(stream).WaitAsync(timeout.Token).ConfigureAwait(false);
            }

            var exitCode = Native.Reap();
            reaped = true;
            // -2: the status cannot be known (SIGCHLD ignored); what squeue printed decides.
            return SqueueTimeLeft.Interpret(jobId, exitCode == -2 ? 0 : exitCode, output, warn);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            warn(QrunMessages.SqueueFailed(jobId, QrunMessages.SqueueHung(bound)));
            return null;
        }
        finally
        {
            if (!reaped)
            {
                Native.Kill();
                _ = Native.Reap();
            }
        }
    }

    private static async Task<string> ReadBoundedAsync(FileStream stream)
    {
        var buffer = new byte[MaxOutputBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Whether native/early_squeue.c is in this executable (NativeAOT qrun), not in the framework-dependent build.</summary>
    private static bool Linked { get; } = IsLinked();

    private static bool IsLinked()
    {
        try
        {
            _ = Native.Running();
            return true;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The pipe's read end, or -1: nothing was started early, it was taken already, or this build has no native part.</summary>
    private static int TryTake() => Linked ? Native.Take() : -1;

    /// <summary>native/early_squeue.c, linked into the NativeAOT executable (DirectPInvoke "qrun_native").</summary>
    private static partial class Native
    {
        private const string Library = "qrun_native";

        [LibraryImport(Library, EntryPoint = "spank_qrun_early_squeue_running")]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static partial bool Running();

        [LibraryImport(Library, EntryPoint = "spank_qrun_early_squeue_take")]
        public static partial int Take();

        [LibraryImport(Library, EntryPoint = "spank_qrun_early_squeue_kill")]
        public static partial void Kill();

        [LibraryImport(Library, EntryPoint = "spank_qrun_early_squeue_reap")]
        public static partial int Reap();
    }
}
