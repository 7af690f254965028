namespace SpankQrun.DirectAccess.Storage;

/// <summary>An S3-compatible store reached path-style at <paramref name="Endpoint"/>.</summary>
public sealed record S3StorageOptions(Uri Endpoint, string Region, string Bucket, string AccessKeyId, string SecretAccessKey)
{
    /// <summary>Timeout of each S3 request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the SDK retries a failed S3 request.</summary>
    public int MaxErrorRetry { get; init; } = 4;

    /// <inheritdoc />
    public override string ToString() => $"S3StorageOptions {{ Endpoint = {Endpoint}, Region = {Region}, Bucket = {Bucket} }}";
}
