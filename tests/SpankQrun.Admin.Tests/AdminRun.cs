namespace SpankQrun.Admin.Tests;

/// <summary>One in-process run of qrun-admin and what it printed.</summary>
internal sealed record AdminRun(int ExitCode, string Output, string Error)
{
    public static async Task<AdminRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminApp.RunAsync(args, output, error);
        return new AdminRun(exitCode, output.ToString(), error.ToString());
    }

    public string All => Output + Error;

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
