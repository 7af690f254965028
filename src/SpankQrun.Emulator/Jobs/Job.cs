using System.Text.Json.Serialization;
using SpankQrun.Primitives;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// A job as the emulator keeps and persists it (immutable: the store replaces it on every change).
/// <see cref="QuantumNanoseconds"/> and <see cref="CircuitNanoseconds"/> come from the schedule model, set when it completes.
/// </summary>
public sealed record Job(
    string Id,
    string Backend,
    PrimitiveKind Program,
    JobLogLevel LogLevel,
    int TimeoutSecs,
    JobStorage Storage,
    JobStatus Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset? EndTime = null,
    JobFailure? Failure = null,
    long? QuantumNanoseconds = null,
    long? CircuitNanoseconds = null)
{
    [JsonIgnore]
    public bool IsFinal => Status != JobStatus.Running;
}
