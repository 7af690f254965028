using SpankQrun.Qrun.Slurm;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>squeue is a child process with a bound: one that hangs is killed, not left behind.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SqueueTests
{
    [Fact]
    public async Task HungSqueue_IsKilledAndReportedAndTheDefaultApplies()
    {
        using var scratch = new ScratchDirectory();
        var bin = Directory.CreateDirectory(Path.Combine(scratch.Path, "bin")).FullName;
        var squeue = Path.Combine(bin, "squeue");
        // A shell that waits on a child: both must be gone afterwards (the sleep's odd length identifies it).
        var marker = "117." + Random.Shared.Next(1000, 9999);
        File.WriteAllText(squeue, $"#!/bin/sh\nsleep {marker}\necho 5:00\n");
        File.SetUnixFileMode(squeue, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var environment = new Dictionary<string, string?> { ["SLURM_JOB_ID"] = "77", ["PATH"] = bin + ":/usr/bin:/bin" };
        var warnings = new List<string>();

        var timeLeft = await SqueueTimeLeft.QueryAsync(name => environment.GetValueOrDefault(name), warnings.Add, TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.Null(timeLeft);
        Assert.Contains("no answer within 3 s; squeue was killed", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.Empty(ProcessesMentioning(squeue).Concat(ProcessesMentioning(marker)));
    }

    /// <summary>Live (not zombie) processes whose command line contains <paramref name="text"/>.</summary>
    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal) && !File.ReadAllText(Path.Combine(directory, "stat")).Contains(") Z ", StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(directory)}: {commandLine}");
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}
