namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of a job's "usage".</summary>
public sealed record JobUsageResponse(long QuantumNanoseconds);
