namespace SpankQrun.Qrun;

/// <summary>qrun's exit codes (documented in docs/qrun.md and in --help).</summary>
internal static class ExitCodes
{
    /// <summary>The job completed and its results were written.</summary>
    public const int Completed = 0;

    /// <summary>An unexpected internal error (a bug): the message says what happened.</summary>
    public const int InternalError = 1;

    /// <summary>Bad command line, missing or invalid IBMQRUN_* variable, invalid input, unwritable --results,
    /// credentials refused, or a request the service rejected (e.g. unknown or reserved backend).</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>The service ran the job and it failed (reason code and message printed).</summary>
    public const int JobFailed = 3;

    /// <summary>The job was cancelled by someone else (the service, an administrator).</summary>
    public const int JobCancelled = 4;

    /// <summary>The Direct Access API or S3 was unreachable or kept failing (5xx, 408, 429 lanes full) after retries.</summary>
    public const int ServiceUnavailable = 5;

    /// <summary>Interrupted by SIGINT (128 + 2), after cancelling and cleaning up the job.</summary>
    public const int InterruptedBySigint = 130;

    /// <summary>Interrupted by SIGTERM (128 + 15: scancel, the Slurm time limit), after cleaning up.</summary>
    public const int InterruptedBySigterm = 143;
}
