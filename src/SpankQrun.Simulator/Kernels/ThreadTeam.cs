using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// The threads one pass over a large state is split across: the calling thread and one worker per other core, as an
/// OpenMP team. Passes come back to back within a circuit (a gate at 20 qubits takes about 0.1 ms per core), so a
/// worker spins for the next one instead of blocking, and exits once none has come for <see cref="IdleTicks"/>; the
/// next pass starts a new one (tens of µs, once per burst of passes, so an idle process keeps no spinning thread).
/// Measured on the 2-vCPU virtual machines this is developed on, at 20 qubits: <c>Parallel.For</c> per pass gave 1.6×
/// one thread, this team 2.0×; workers that blocked between passes were woken onto their waker's vCPU and shared it
/// for hundreds of passes (about 0.7×).
/// One pass runs on the team at a time; a pass that finds it busy (another job's circuit) runs its parts on its own
/// thread, which gives the same amplitudes, as every part's arithmetic is independent of where it runs.
/// </summary>
internal sealed class ThreadTeam
{
    /// <summary>How long a worker spins for the next pass before it exits: 2 ms.</summary>
    private static readonly long IdleTicks = Stopwatch.Frequency / 500;

    private static readonly Lazy<ThreadTeam> Shared = new(() => new ThreadTeam(Environment.ProcessorCount - 1));

    private readonly object busy = new();
    private readonly object slots = new();
    private readonly bool[] alive;
    private Pass? current;

    /// <summary>A team of the calling thread and up to <paramref name="workers"/> workers; the simulator uses one per process (<see cref="For"/>).</summary>
    internal ThreadTeam(int workers) => this.alive = new bool[workers];

    /// <summary>Workers running now (spinning or in a pass); 0 once the team has been idle for <see cref="IdleTicks"/>.</summary>
    internal int LiveWorkers
    {
        get
        {
            lock (this.slots)
            {
                return this.alive.Count(alive => alive);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/>(0 .. <paramref name="parts"/> - 1) and returns when every part has; parts run
    /// concurrently on up to one thread per core. The first exception a part throws is rethrown after all have ended.
    /// </summary>
    public static void For(int parts, Action<int> body)
    {
        if (parts <= 1 || Environment.ProcessorCount == 1)
        {
            RunInline(parts, body);
            return;
        }

        Shared.Value.Run(parts, body);
    }

    private static void RunInline(int parts, Action<int> body)
    {
        for (var part = 0; part < parts; part++)
        {
            body(part);
        }
    }

    /// <summary><see cref="For"/> on this team: parts run on the calling thread alone when another pass holds the team.</summary>
    internal void Run(int parts, Action<int> body)
    {
        if (!Monitor.TryEnter(this.busy))
        {
            RunInline(parts, body);
            return;
        }

        try
        {
            var pass = this.Publish(parts, body);
            pass.RunShare(0);
            var spinner = default(SpinWait);
            while (Volatile.Read(ref pass.Pending) > 0)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            pass.Failure?.Throw();
        }
        finally
        {
            // No pass is current between passes: a worker started by the next one cannot take this one for it, and the
            // team keeps no reference to the caller's state.
            Volatile.Write(ref this.current, null);
            Monitor.Exit(this.busy);
        }
    }

    /// <summary>
    /// Starts a worker for every slot the pass needs whose worker has exited, then makes the pass current. When a
    /// worker cannot be started (the process is out of threads), the threads there are share its parts.
    /// </summary>
    private Pass Publish(int parts, Action<int> body)
    {
        // Under the lock a worker decides to exit in, so no worker exits between being counted on and seeing the pass.
        lock (this.slots)
        {
            var participants = 1;
            while (participants < Math.Min(parts, this.alive.Length + 1)
                && (this.alive[participants - 1] || this.TryStartWorker(participants - 1)))
            {
                participants++;
            }

            var pass = new Pass(body, parts, participants);
            Volatile.Write(ref this.current, pass);
            return pass;
        }
    }

    private bool TryStartWorker(int slot)
    {
        try
        {
            new Thread(() => this.Work(slot)) { IsBackground = true, Name = $"simulator-{slot + 1}" }.Start();
        }
        catch (Exception exception) when (exception is OutOfMemoryException or ThreadStartException)
        {
            return false;
        }

        this.alive[slot] = true;
        return true;
    }

    private void Work(int slot)
    {
        Pass? seen = null;
        while (this.NextPass(slot, seen) is { } pass)
        {
            seen = pass;
            // A worker that finds a later pass than the last it ran skipped none it was needed for: a pass is published
            // only after every participant of the one before has finished.
            if (slot + 1 < pass.Participants)
            {
                pass.RunShare(slot + 1);
            }
        }
    }

    /// <summary>The first pass other than <paramref name="seen"/>, or null once none has come for <see cref="IdleTicks"/> (the worker then exits).</summary>
    private Pass? NextPass(int slot, Pass? seen)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() - start < IdleTicks)
        {
            if (Volatile.Read(ref this.current) is { } pass && pass != seen)
            {
                return pass;
            }

            Thread.SpinWait(20);
        }

        lock (this.slots)
        {
            if (Volatile.Read(ref this.current) is { } pass && pass != seen)
            {
                return pass;
            }

            this.alive[slot] = false;
            return null;
        }
    }

    /// <summary>One call of <see cref="For"/>: participant p runs parts p, p + Participants, … .</summary>
    private sealed class Pass(Action<int> body, int parts, int participants)
    {
        public int Pending = participants;

        private ExceptionDispatchInfo? failure;

        public int Participants { get; } = participants;

        public ExceptionDispatchInfo? Failure => Volatile.Read(ref this.failure);

        public void RunShare(int participant)
        {
            try
            {
                for (var part = participant; part < parts; part += this.Participants)
                {
                    body(part);
                }
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref this.failure, ExceptionDispatchInfo.Capture(exception), null);
            }
            finally
            {
                Interlocked.Decrement(ref this.Pending);
            }
        }
    }
}
