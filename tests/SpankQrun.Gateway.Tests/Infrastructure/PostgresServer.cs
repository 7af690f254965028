using System.Net;
using System.Net.Sockets;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster (Debian's postgresql package) in a temporary directory on a free port.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string PasswordMarker = "pg-password-not-in-any-log-51c2";
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string directory;

    private PostgresServer(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The connection string (trust authentication; the password is there to check that it is never printed).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Password={PasswordMarker};Timeout=10;Command Timeout=30";

    public static async Task<PostgresServer> StartAsync()
    {
        var directory = TestFiles.NewDirectory();
        await Run("chown", "postgres", directory);
        var data = Path.Combine(directory, "data");
        await Run("runuser", "-u", "postgres", "--", $"{Bin}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
        var port = FreePort();
        await Run("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", data, "-l", Path.Combine(directory, "log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return new PostgresServer(directory, port);
    }

    public async ValueTask DisposeAsync()
    {
        await Shell.RunAsync("runuser", ["-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var result = await Shell.RunAsync(program, arguments, TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
