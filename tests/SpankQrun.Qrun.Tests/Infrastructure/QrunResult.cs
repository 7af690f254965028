namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>What one qrun run produced.</summary>
public sealed record QrunResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
