using System.Diagnostics;

namespace SpankQrun.TestSupport;

/// <summary>Runs real programs (sbatch, srun, salloc, ...) with a time limit; a hang fails the test instead of the suite.</summary>
public static class Shell
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs <c>bash -c script</c>.</summary>
    public static Task<CommandResult> BashAsync(string script, TimeSpan? timeout = null, IDictionary<string, string?>? environment = null) =>
        RunAsync("bash", ["-c", script], timeout, environment);

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> and no standard input.</summary>
    public static async Task<CommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan? timeout = null, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                    start.Environment.Remove(name);
                else
                    start.Environment[name] = value;
            }
        }

        var display = $"{program} {string.Join(' ', arguments)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {display}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`{display}` did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s\n{await stdout}\n{await stderr}");
        }

        return new CommandResult(display, process.ExitCode, await stdout, await stderr);
    }
}
