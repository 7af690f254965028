namespace SpankQrun.Emulator.Jobs;

/// <summary>Why a job failed: reason_code, reason_message and reason_solution on the wire.</summary>
public sealed record JobFailure(int Code, string Message, string Solution);
