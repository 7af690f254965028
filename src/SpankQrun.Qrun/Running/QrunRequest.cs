namespace SpankQrun.Qrun.Running;

/// <summary>What the command line asked for.</summary>
internal sealed record QrunRequest(string InputPath, string? ResultsPath, TimeSpan? HttpTimeout)
{
    /// <summary>--timeout: the service timeout asked for, in seconds.</summary>
    public long? TimeoutSeconds { get; init; }

    /// <summary>--log-level: the service log level (debug, info, warning, error, critical).</summary>
    public string LogLevel { get; init; } = "info";
}
