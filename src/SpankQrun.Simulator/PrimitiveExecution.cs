using SpankQrun.Simulator.Targets;

namespace SpankQrun.Simulator;

/// <summary>
/// The outcome of a primitive run: on success <see cref="ResultJson"/> holds the result document
/// (<c>{"results":[...],"metadata":{"version":2}}</c>) and <see cref="Usage"/> what it would have cost on the backend;
/// on failure <see cref="FailureCode"/> is one of <see cref="PrimitiveFailureCodes"/> and <see cref="FailureMessage"/>
/// says what and where.
/// </summary>
public sealed record PrimitiveExecution(
    bool Succeeded,
    byte[]? ResultJson,
    string? FailureCode,
    string? FailureMessage,
    IReadOnlyList<string> LogLines,
    ExecutionUsage? Usage = null);
