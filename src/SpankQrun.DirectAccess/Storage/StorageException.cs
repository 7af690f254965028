namespace SpankQrun.DirectAccess.Storage;

/// <summary>An S3 call that failed; the message names the bucket, key and reason and holds no secret.</summary>
public sealed class StorageException(string message, bool isUnreachable) : Exception(message)
{
    /// <summary>True when the store did not answer (as opposed to refusing).</summary>
    public bool IsUnreachable { get; } = isUnreachable;
}
