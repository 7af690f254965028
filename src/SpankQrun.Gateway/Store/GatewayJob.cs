namespace SpankQrun.Gateway.Store;

/// <summary>One Direct Access job the gateway created for a Slurm job, with its usage record.</summary>
public sealed class GatewayJob
{
    public string Id { get; set; } = string.Empty;

    public uint Uid { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string Account { get; set; } = string.Empty;

    public string SlurmJobId { get; set; } = string.Empty;

    public string? SlurmStepId { get; set; }

    public string Backend { get; set; } = string.Empty;

    public string ProgramId { get; set; } = string.Empty;

    public int TimeoutSecs { get; set; }

    public string LogLevel { get; set; } = "info";

    public long InputBytes { get; set; }

    /// <summary>One of the contract's statuses.</summary>
    public string Status { get; set; } = string.Empty;

    public DateTimeOffset CreatedTime { get; set; }

    public DateTimeOffset? SubmittedTime { get; set; }

    public DateTimeOffset? StartedTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public string? ReasonCode { get; set; }

    public string? ReasonMessage { get; set; }

    public string? ReasonSolution { get; set; }

    public long? QuantumNanoseconds { get; set; }

    public long? ResultsBytes { get; set; }

    /// <summary>When the gateway asked Direct Access to cancel it because its Slurm job ended.</summary>
    public DateTimeOffset? CleanupStartedTime { get; set; }

    /// <summary>When the Direct Access job and its objects were deleted (the record stays for usage).</summary>
    public DateTimeOffset? DeletedTime { get; set; }

    /// <summary>True once submitted to Direct Access.</summary>
    public bool IsSubmitted => SubmittedTime is not null;
}
