namespace SpankQrun.Accounting.Usage;

/// <summary>What the gateway recorded of one Direct Access job of a Slurm job.</summary>
public sealed record DirectAccessJobUsage(string Id, string? SlurmStepId, string Status, string? ReasonCode, long? QuantumNanoseconds);
