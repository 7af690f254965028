using System.Text;
using System.Text.RegularExpressions;

namespace SpankQrun.TestSupport;

/// <summary>
/// The Direct Access emulator (qrun-emulator.dll, run with `dotnet`) as a child process on a free 127.0.0.1 port.
/// The dll is artifacts/bin/SpankQrun.Emulator/debug/qrun-emulator.dll under the repository root unless the
/// SPANKQRUN_EMULATOR environment variable names another one.
/// </summary>
public sealed partial class EmulatorServer : IAsyncDisposable
{
    internal const string EmulatorPathVariable = "SPANKQRUN_EMULATOR";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dll;
    private readonly string _workDirectory;
    private readonly string? _configFile;
    private readonly string _stateDirectory;
    private readonly bool _ownsStateDirectory;
    private readonly StringBuilder _previousOutput = new();
    private ChildProcess? _process;

    private EmulatorServer(string dll, string workDirectory, string? configFile, string stateDirectory, bool ownsStateDirectory)
    {
        _dll = dll;
        _workDirectory = workDirectory;
        _configFile = configFile;
        _stateDirectory = stateDirectory;
        _ownsStateDirectory = ownsStateDirectory;
        Endpoint = new Uri("http://127.0.0.1:0");
    }

    public Uri Endpoint { get; private set; }

    /// <summary>The running process's id (null when stopped), e.g. to read its /proc entries.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>Everything the process (and the processes before a restart) printed so far.</summary>
    public string Output => _previousOutput + (_process?.Output ?? "");

    public static async Task<EmulatorServer> StartAsync(EmulatorServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorServerOptions();
        var dll = Environment.GetEnvironmentVariable(EmulatorPathVariable) is { Length: > 0 } custom
            ? custom
            : Path.Combine(RepositoryRoot.Find(), "artifacts", "bin", "SpankQrun.Emulator", "debug", "qrun-emulator.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"the emulator is not built: run `dotnet build src/SpankQrun.Emulator` or set {EmulatorPathVariable}", dll);

        var workDirectory = Directory.CreateTempSubdirectory("spankqrun-emulator-").FullName;
        string? configFile = null;
        if (options.ConfigJson is not null)
        {
            configFile = Path.Combine(workDirectory, "emulator.json");
            await File.WriteAllTextAsync(configFile, options.ConfigJson, cancellationToken);
        }

        var ownsState = options.StateDirectory is null;
        var stateDirectory = options.StateDirectory ?? Path.Combine(workDirectory, "state");
        var server = new EmulatorServer(dll, workDirectory, configFile, stateDirectory, ownsState);
        try
        {
            await server.LaunchAsync(port: 0, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process (as a crash would), keeping the state directory for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        await _process.DisposeAsync();
        _previousOutput.Append(_process.Output);
        _process = null;
    }

    /// <summary>
    /// Sends SIGTERM (as systemd or Ctrl+C would) and waits up to <paramref name="wait"/>. Returns how long the process
    /// took to exit and its exit code, or null when it was still running (it is then killed).
    /// </summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)?> TerminateAsync(TimeSpan wait)
    {
        if (_process is null)
            return null;
        var started = DateTime.UtcNow;
        var exitCode = await _process.TerminateAsync(wait);
        var elapsed = DateTime.UtcNow - started;
        await StopAsync();
        return exitCode is { } code ? (elapsed, code) : null;
    }

    /// <summary>Stops the process if it runs and starts it again on the same port with the same state directory.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync(Endpoint.Port, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TryDelete(_workDirectory);
        if (_ownsStateDirectory)
            TryDelete(_stateDirectory);
    }

    private async Task LaunchAsync(int port, CancellationToken cancellationToken)
    {
        List<string> arguments = [_dll, "--urls", $"http://127.0.0.1:{port}", "--state-dir", _stateDirectory];
        if (_configFile is not null)
            arguments.AddRange(["--config", _configFile]);

        _process = ChildProcess.Start("dotnet", arguments, _workDirectory);
        // Port 0 lets the kernel choose; the emulator's startup log names the port it got.
        var match = await _process.WaitForLineAsync(ListeningLine(), StartTimeout, cancellationToken);
        Endpoint = new Uri($"http://127.0.0.1:{match.Groups["port"].Value}");
        await WaitForVersionAsync(cancellationToken);
    }

    private async Task WaitForVersionAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("version", cancellationToken);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                // Not accepting connections yet, or too busy to answer within the request timeout on a loaded machine.
            }

            if (DateTime.UtcNow >= deadline || _process is null || _process.HasExited)
                throw new TimeoutException($"the emulator did not answer GET /version. Output:\n{Output}");
            await Task.Delay(100, cancellationToken);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleanup.
        }
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>[0-9]+)")]
    private static partial Regex ListeningLine();
}
