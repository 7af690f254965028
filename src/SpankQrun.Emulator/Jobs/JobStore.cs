using SpankQrun.Emulator.Configuration;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// Every job not yet deleted, oldest first. Each such job holds one execution lane, whatever its state.
/// All changes happen under one lock and are persisted before the lock is released.
/// </summary>
public sealed class JobStore
{
    private readonly Lock _lock = new();
    private readonly List<Job> _jobs = [];
    private readonly Dictionary<string, CancellationTokenSource> _cancellations = new(StringComparer.Ordinal);
    private readonly JobStateFile? _stateFile;
    private readonly TimeProvider _clock;
    private readonly EmulatorSettings _settings;

    public JobStore(EmulatorSettings settings, StatePaths paths, TimeProvider clock)
    {
        Lanes = settings.ExecutionLanes;
        _settings = settings;
        _clock = clock;
        if (paths.JobsFile is { } file)
        {
            _stateFile = new JobStateFile(file);
            _jobs.AddRange(_stateFile.Load());
            foreach (var job in _jobs.Where(job => !job.IsFinal))
                _cancellations[job.Id] = new CancellationTokenSource();
        }
    }

    public int Lanes { get; }

    public IReadOnlyList<Job> List()
    {
        lock (_lock)
            return [.. _jobs];
    }

    public Job? Find(string id)
    {
        lock (_lock)
            return _jobs.Find(job => job.Id == id);
    }

    /// <summary>Ids of jobs that are still running, e.g. those found in the state file at start.</summary>
    public IReadOnlyList<string> RunningIds()
    {
        lock (_lock)
            return [.. _jobs.Where(job => !job.IsFinal).Select(job => job.Id)];
    }

    /// <summary>Jobs (of any state, not yet deleted) that hold a lane of <paramref name="backend"/>.</summary>
    public int CountOn(string backend)
    {
        lock (_lock)
            return _jobs.Count(job => job.Backend == backend);
    }

    public SubmitOutcome TrySubmit(Job job)
    {
        lock (_lock)
        {
            if (_jobs.Exists(existing => existing.Id == job.Id))
                return SubmitOutcome.DuplicateId;
            if (_jobs.Count >= Lanes)
                return SubmitOutcome.LanesFull;
            if (_settings.FindBackend(job.Backend) is { } backend && _jobs.Count(existing => existing.Backend == job.Backend) >= backend.Lanes)
                return SubmitOutcome.BackendLanesFull;

            _jobs.Add(job);
            _cancellations[job.Id] = new CancellationTokenSource();
            Persist();
            return SubmitOutcome.Accepted;
        }
    }

    /// <summary>Marks a running job Cancelled at once and signals its execution to stop.</summary>
    public JobCommandOutcome TryCancel(string id, out Job? job)
    {
        CancellationTokenSource? cancellation;
        lock (_lock)
        {
            var index = _jobs.FindIndex(candidate => candidate.Id == id);
            job = index < 0 ? null : _jobs[index];
            if (job is null)
                return JobCommandOutcome.NotFound;
            if (job.IsFinal)
                return JobCommandOutcome.WrongState;

            job = _jobs[index] = job with { Status = JobStatus.Cancelled, EndTime = _clock.GetUtcNow() };
            _cancellations.TryGetValue(id, out cancellation);
            Persist();
        }

        // Outside the lock: cancellation callbacks may run the execution's continuations inline.
        try
        {
            cancellation?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The execution ended between the state change and this call: nothing left to stop.
        }

        return JobCommandOutcome.Done;
    }

    public JobCommandOutcome TryDelete(string id, out Job? job)
    {
        lock (_lock)
        {
            job = _jobs.Find(candidate => candidate.Id == id);
            if (job is null)
                return JobCommandOutcome.NotFound;
            if (!job.IsFinal)
                return JobCommandOutcome.WrongState;

            _jobs.Remove(job);
            Persist();
            return JobCommandOutcome.Done;
        }
    }

    /// <summary>The token that stops the job's execution, or null when the job is gone or final.</summary>
    public CancellationToken? CancellationFor(string id)
    {
        lock (_lock)
        {
            var job = _jobs.Find(candidate => candidate.Id == id);
            if (job is null || job.IsFinal || !_cancellations.TryGetValue(id, out var cancellation))
                return null;
            return cancellation.Token;
        }
    }

    /// <summary>Applies a final state from the execution, unless the job was cancelled or deleted meanwhile.</summary>
    public bool TryFinish(string id, Func<Job, Job> finish)
    {
        lock (_lock)
        {
            var index = _jobs.FindIndex(candidate => candidate.Id == id);
            if (index < 0 || _jobs[index].IsFinal)
                return false;

            _jobs[index] = finish(_jobs[index]);
            Persist();
            return true;
        }
    }

    /// <summary>Called when an execution is over, whatever its outcome.</summary>
    public void ReleaseExecution(string id)
    {
        lock (_lock)
        {
            if (_cancellations.Remove(id, out var cancellation))
                cancellation.Dispose();
        }
    }

    private void Persist() => _stateFile?.Save(_jobs);
}
