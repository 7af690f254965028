using System.Globalization;
using System.Text.RegularExpressions;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// The built qrun pre-faults the data NativeAOT rehydrates at start-up (src/SpankQrun.Qrun/native/prefault.c): one
/// madvise instead of a page fault per page. Needs no cluster: it runs build/qrun --version.
/// </summary>
public sealed partial class QrunStartupTests : IDisposable
{
    private const int PageSize = 4096;

    private readonly string _scratch = Directory.CreateTempSubdirectory("qrun-startup-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Start_PrefaultsTheRehydratedData_InsteadOfAFaultPerPage()
    {
        var qrun = Path.Combine(RepositoryPaths.Root, "build", "qrun");
        var sections = await Shell.RunAsync("readelf", ["-SW", qrun]);
        Assert.True(sections.ExitCode == 0, sections.ToString());
        var hydrated = HydratedSection().Match(sections.Stdout);
        Assert.True(hydrated.Success, $"build/qrun has no .hydrated section:\n{sections.Stdout}");
        var hydratedPages = long.Parse(hydrated.Groups["size"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / PageSize;
        var counter = await CompileFaultCounterAsync();

        var with = await MinorFaultsAsync(counter, qrun, prefault: true);
        var without = await MinorFaultsAsync(counter, qrun, prefault: false);

        // Each page of .hydrated is one fault without the pre-fault and none with it; half of them is a margin for
        // whatever else varies from run to run.
        Assert.True(without - with >= hydratedPages / 2, $"page faults: {with} pre-faulted, {without} without; .hydrated is {hydratedPages} pages");
    }

    /// <summary>The page faults of one `qrun --version`, the lowest of five runs.</summary>
    private static async Task<long> MinorFaultsAsync(string counter, string qrun, bool prefault)
    {
        var fewest = long.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var result = await Shell.RunAsync(counter, [qrun, "--version"], TimeSpan.FromSeconds(30),
                new Dictionary<string, string?> { ["QRUN_PREFAULT"] = prefault ? null : "0" });
            Assert.True(result.ExitCode == 0, result.ToString());
            fewest = Math.Min(fewest, long.Parse(result.Stderr.Trim(), CultureInfo.InvariantCulture));
        }

        return fewest;
    }

    /// <summary>
    /// A C program that runs its arguments and prints to stderr the page faults the child took (the kernel's
    /// page-fault exceptions, as `perf stat -e page-faults` counts them: pages madvise populates are not among them).
    /// </summary>
    private async Task<string> CompileFaultCounterAsync()
    {
        var source = Path.Combine(_scratch, "faults.c");
        var program = Path.Combine(_scratch, "faults");
        await File.WriteAllTextAsync(source, """
            #define _GNU_SOURCE
            #include <linux/perf_event.h>
            #include <stdint.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/syscall.h>
            #include <sys/wait.h>
            #include <unistd.h>
            int main(int argc, char **argv)
            {
                int go[2];
                if (argc < 2 || pipe(go) != 0) return 2;
                pid_t child = fork();
                if (child < 0) return 2;
                if (child == 0) {
                    char byte;
                    close(go[1]);
                    if (read(go[0], &byte, 1) != 1) _exit(126);
                    execv(argv[1], argv + 1);
                    _exit(127);
                }
                close(go[0]);
                struct perf_event_attr attr;
                memset(&attr, 0, sizeof attr);
                attr.size = sizeof attr;
                attr.type = PERF_TYPE_SOFTWARE;
                attr.config = PERF_COUNT_SW_PAGE_FAULTS;
                attr.disabled = 1;
                attr.enable_on_exec = 1;
                attr.inherit = 1;
                int counter = (int)syscall(SYS_perf_event_open, &attr, child, -1, -1, 0);
                if (counter < 0) { perror("perf_event_open"); return 2; }
                if (write(go[1], "x", 1) != 1) return 2;
                int status;
                if (waitpid(child, &status, 0) != child) return 2;
                uint64_t faults;
                if (read(counter, &faults, sizeof faults) != sizeof faults) return 2;
                fprintf(stderr, "%llu\n", (unsigned long long)faults);
                return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
            }
            """);
        var compiled = await Shell.RunAsync("cc", ["-O1", "-Wall", "-Werror", "-o", program, source]);
        Assert.True(compiled.ExitCode == 0, compiled.ToString());
        return program;
    }

    [GeneratedRegex(@"\.hydrated\s+NOBITS\s+[0-9a-f]+\s+[0-9a-f]+\s+(?<size>[0-9a-f]+)")]
    private static partial Regex HydratedSection();
}
