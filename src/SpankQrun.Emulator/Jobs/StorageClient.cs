using System.Net.Http.Headers;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// Reads and writes job objects through their presigned URLs. Redirects are not followed (the handler is built
/// without them) and a read stops at its size limit, whatever the object's size.
/// </summary>
public sealed class StorageClient(HttpClient http)
{
    public static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Reads the object; throws <see cref="InputTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> GetAsync(StorageLocation location, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(location.PresignedUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
                throw new StorageException(EmulatorMessages.StorageRedirect("GET", location.Redacted, (int)response.StatusCode));
            if (!response.IsSuccessStatusCode)
                throw new StorageException(EmulatorMessages.StorageStatus("GET", location.Redacted, (int)response.StatusCode));
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
                throw new InputTooLargeException(EmulatorMessages.InputTooLarge(location.Redacted, maxBytes));

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ReadLimitedAsync(stream, location, maxBytes, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new StorageException(EmulatorMessages.StorageUnreachable("GET", location.Redacted, exception.HttpRequestError.ToString()));
        }
    }

    public async Task PutAsync(StorageLocation location, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        try
        {
            using var response = await http.PutAsync(location.PresignedUrl, body, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
                throw new StorageException(EmulatorMessages.StorageRedirect("PUT", location.Redacted, (int)response.StatusCode));
            if (!response.IsSuccessStatusCode)
                throw new StorageException(EmulatorMessages.StorageStatus("PUT", location.Redacted, (int)response.StatusCode));
        }
        catch (HttpRequestException exception)
        {
            throw new StorageException(EmulatorMessages.StorageUnreachable("PUT", location.Redacted, exception.HttpRequestError.ToString()));
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, StorageLocation location, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
                return buffer.ToArray();
            if (buffer.Length + read > maxBytes)
                throw new InputTooLargeException(EmulatorMessages.InputTooLarge(location.Redacted, maxBytes));
            buffer.Write(chunk, 0, read);
        }
    }
}
