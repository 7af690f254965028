using SpankQrun.TestSupport;

namespace SpankQrun.Plugin.Tests;

/// <summary>
/// Harness/spank_stub_host.c, compiled once per test run: it loads the built plugin as Slurm does and drives
/// its callbacks in the context a test names. See the comment at the top of the C file for its commands.
/// </summary>
public sealed class StubHost : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spank-stub-host-").FullName;

    public string Executable => Path.Combine(_directory, "spank_stub_host");

    public async Task InitializeAsync()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Harness", "spank_stub_host.c");
        var cc = await Shell.RunAsync("cc", ["-O1", "-Wall", "-Wextra", "-Werror", "-rdynamic", "-o", Executable, source, "-ldl"]);
        if (cc.ExitCode != 0)
            throw new InvalidOperationException($"could not compile the stub host\n{cc}");
        if (!File.Exists(RepositoryPaths.Plugin))
            throw new InvalidOperationException($"{RepositoryPaths.Plugin} does not exist: build it first (mkdir build && cd build && cmake .. && make)");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the host in <paramref name="context"/> with the given commands.</summary>
    public Task<StubHostRun> RunAsync(string context, params string[] commands) => RunAsync(context, null, commands);

    /// <summary>Runs the host with <paramref name="environment"/> added to its (and so the job's) environment.</summary>
    public async Task<StubHostRun> RunAsync(string context, IDictionary<string, string?>? environment, params string[] commands)
    {
        var remote = context == "remote" ? "1" : "0";
        var result = await Shell.RunAsync(Executable, [RepositoryPaths.Plugin, context, remote, .. commands], environment: environment);
        return new StubHostRun(result);
    }
}
