using System.Text.Json;
using SpankQrun.DirectAccess.Backends;
using SpankQrun.DirectAccess.Http;

namespace SpankQrun.DirectAccess;

/// <summary>The backend calls a license synchronizer needs: status, lock and lanes.</summary>
public sealed partial class DirectAccessClient
{
    /// <summary>Bound on a backend document: they are a few hundred bytes.</summary>
    private const int MaxBackendDocumentBytes = 64 * 1024;

    /// <summary><c>GET /v1/backends/{name}</c> then <c>GET /v1/backends/{name}/lanes</c>.</summary>
    public async Task<BackendState> GetBackendStateAsync(string name, CancellationToken cancellationToken)
    {
        using var backend = await GetDocumentAsync($"v1/backends/{Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false);
        var root = backend.RootElement;
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "unknown";
        var locked = root.TryGetProperty("locked", out var l) && l.ValueKind == JsonValueKind.True;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

        using var lanes = await GetDocumentAsync($"v1/backends/{Uri.EscapeDataString(name)}/lanes", cancellationToken).ConfigureAwait(false);
        int? hpcLanes = lanes.RootElement.ValueKind == JsonValueKind.Object
            && lanes.RootElement.TryGetProperty("hpc_workload_manager", out var hpc)
            && hpc.ValueKind == JsonValueKind.Object
            && hpc.TryGetProperty("lanes", out var n)
            && n.TryGetInt32(out var count)
            && count >= 0
                ? count
                : null;
        return new BackendState(name, status, locked, message, hpcLanes);
    }

    private async Task<JsonDocument> GetDocumentAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoints.Combine(endpoint, path));
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        // Read at most one byte more than the bound: a larger (or endless) body is refused, never buffered.
        var buffer = new byte[MaxBackendDocumentBytes + 1];
        var length = 0;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }

        try
        {
            if (length > MaxBackendDocumentBytes)
            {
                throw new JsonException($"the body is larger than {MaxBackendDocumentBytes} bytes");
            }

            return JsonDocument.Parse(buffer.AsMemory(0, length));
        }
        catch (JsonException exception)
        {
            throw new DirectAccessException(DirectAccessFailure.InvalidResponse, DirectAccessMessages.NotJson("GET", UrlRedactor.Redact(request.RequestUri), exception.Message), (int)response.StatusCode);
        }
    }
}
