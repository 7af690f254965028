namespace SpankQrun.Qrun.Running;

/// <summary>What the command line asked for.</summary>
internal sealed record QrunRequest(string InputPath, string? ResultsPath, TimeSpan? HttpTimeout);
