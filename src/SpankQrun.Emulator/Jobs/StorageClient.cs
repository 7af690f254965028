using System.Net.Http.Headers;

namespace SpankQrun.Emulator.Jobs;

/// <summary>Reads and writes job objects through their presigned URLs.</summary>
public sealed class StorageClient(HttpClient http)
{
    public async Task<byte[]> GetAsync(StorageLocation location, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(location.PresignedUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new StorageException(EmulatorMessages.StorageStatus("GET", location.Redacted, (int)response.StatusCode));
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
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
            if (!response.IsSuccessStatusCode)
                throw new StorageException(EmulatorMessages.StorageStatus("PUT", location.Redacted, (int)response.StatusCode));
        }
        catch (HttpRequestException exception)
        {
            throw new StorageException(EmulatorMessages.StorageUnreachable("PUT", location.Redacted, exception.HttpRequestError.ToString()));
        }
    }
}
