using System.Diagnostics;
using System.Text;
using SpankQrun.TestSupport;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>qrun as a real child process (<c>dotnet qrun.dll</c>), for signal tests and the --version check.</summary>
internal sealed class QrunChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly Lock gate = new();

    private QrunChildProcess(Process process)
    {
        this.process = process;
    }

    public static string QrunDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;
            return Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Qrun", configuration, "qrun.dll");
        }
    }

    public static QrunChildProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(QrunDll);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("IBMQRUN_", StringComparison.Ordinal) || name.StartsWith("SLURM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new QrunChildProcess(process);
        process.OutputDataReceived += (_, line) => child.Append(child.output, line.Data);
        process.ErrorDataReceived += (_, line) => child.Append(child.error, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public int Id => process.Id;

    public string Error
    {
        get
        {
            lock (gate)
            {
                return error.ToString();
            }
        }
    }

    public async Task WaitForErrorAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Error.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"qrun did not print \"{text}\" within {timeout}; stderr so far:\n{Error}");
            }

            await Task.Delay(50);
        }
    }

    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<QrunResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        process.WaitForExit();
        lock (gate)
        {
            return new QrunResult(process.ExitCode, output.ToString(), error.ToString());
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            target.AppendLine(line);
        }
    }
}
