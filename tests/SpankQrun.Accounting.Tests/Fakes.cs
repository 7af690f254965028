using SpankQrun.Accounting.Licenses;
using SpankQrun.Accounting.Slurm;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Backends;

namespace SpankQrun.Accounting.Tests;

/// <summary>Backend states set by the test; a backend mapped to null is unreachable.</summary>
internal sealed class FakeBackends : IBackendStateSource
{
    public Dictionary<string, BackendState?> States { get; } = new(StringComparer.Ordinal);

    public Task<BackendState> GetAsync(string backend, CancellationToken cancellationToken) =>
        States.TryGetValue(backend, out var state) && state is not null
            ? Task.FromResult(state)
            : throw new DirectAccessException(DirectAccessFailure.Unreachable, $"GET /v1/backends/{backend}: connection refused");
}

/// <summary>License counts in memory, with every change recorded.</summary>
internal sealed class FakeLicenseStore : ILicenseStore
{
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public List<(string Backend, int Count, string Description)> Sets { get; } = [];

    public Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(Counts));

    public Task SetCountAsync(string backend, int count, string description, CancellationToken cancellationToken)
    {
        Counts[backend] = count;
        Sets.Add((backend, count, description));
        return Task.CompletedTask;
    }
}

/// <summary>Holds in memory, with every hold and release recorded.</summary>
internal sealed class FakeHolds : ILicenseHolds
{
    public HashSet<string> Held { get; } = new(StringComparer.Ordinal);

    public List<string> Events { get; } = [];

    public Task<IReadOnlySet<string>> ReadHeldAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(Held));

    public Task HoldAsync(string backend, int count, string why, CancellationToken cancellationToken)
    {
        Held.Add(backend);
        Events.Add($"hold {backend}:{count} {why}");
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string backend, CancellationToken cancellationToken)
    {
        Held.Remove(backend);
        Events.Add($"release {backend}");
        return Task.CompletedTask;
    }
}

/// <summary>Records each command and answers with the next queued result (success with no output by default).</summary>
internal sealed class RecordingRunner : ICommandRunner
{
    public List<(string Program, IReadOnlyList<string> Arguments)> Calls { get; } = [];

    /// <summary>What each call was given on its standard input (null: nothing), in the order of <see cref="Calls"/>.</summary>
    public List<string?> Inputs { get; } = [];

    public Queue<CommandResult> Results { get; } = new();

    public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        Calls.Add((program, arguments));
        Inputs.Add(standardInput);
        return Task.FromResult(Results.Count > 0 ? Results.Dequeue() : new CommandResult(0, string.Empty, string.Empty));
    }
}
