using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy to one HTTP/1.1 service that records each request line its clients send (method and path, the
/// query left out), in the order the requests arrive, before passing them on: what a store that serves one request at a
/// time is asked first.
/// </summary>
public sealed partial class RecordingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Uri target;
    private readonly CancellationTokenSource stop = new();
    private readonly List<string> requests = [];
    private readonly Lock gate = new();
    private readonly Task accepting;

    public RecordingTcpProxy(Uri target)
    {
        this.target = target;
        listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>"METHOD /path" of every request so far, in arrival order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Both requests arrived, <paramref name="first"/> before <paramref name="second"/>.</summary>
    public void AssertArrivedInOrder(string first, string second)
    {
        var requests = Requests.ToList();
        var shown = string.Join('\n', requests);
        var firstAt = requests.IndexOf(first);
        var secondAt = requests.IndexOf(second);
        Assert.True(firstAt >= 0 && secondAt >= 0, $"missing {first} or {second} in:\n{shown}");
        Assert.True(firstAt < secondAt, $"{second} arrived before {first}:\n{shown}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = PipeAsync(client);
            }
        }
        catch (Exception exception)
            when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(target.Host, target.Port, stop.Token);
                var toServer = CopyAsync(client.GetStream(), server.GetStream(), record: true);
                var toClient = CopyAsync(server.GetStream(), client.GetStream(), record: false);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // A side closed, or the proxy stopped.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool record)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
        {
            if (record)
                Record(Encoding.Latin1.GetString(buffer, 0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }

    private void Record(string chunk)
    {
        lock (gate)
        {
            foreach (Match line in RequestLine().Matches(chunk))
                requests.Add($"{line.Groups["method"].Value} {line.Groups["path"].Value}");
        }
    }

    [GeneratedRegex(@"^(?<method>GET|PUT|POST|DELETE|HEAD) (?<path>/[^ ?]*)[^ ]* HTTP/1\.1\r?$",
        RegexOptions.Multiline)]
    private static partial Regex RequestLine();
}
