namespace SpankQrun.Qrun.Running;

/// <summary>A run that ends with a message and a specific exit code.</summary>
internal sealed class QrunFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
