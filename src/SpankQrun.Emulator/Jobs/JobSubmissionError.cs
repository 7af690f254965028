namespace SpankQrun.Emulator.Jobs;

/// <summary>Why a submission was rejected: the JSON location at fault and what was wrong there.</summary>
public sealed record JobSubmissionError(string Location, string Message, bool UnknownBackend = false);
