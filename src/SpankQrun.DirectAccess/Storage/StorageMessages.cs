namespace SpankQrun.DirectAccess.Storage;

/// <summary>Messages about S3 calls; they name the endpoint without query and never a key or signature.</summary>
internal static class StorageMessages
{
    public static string Failed(string action, string bucket, string key, string endpoint, string reason) =>
        $"S3 {action} of {key} in bucket {bucket} at {endpoint} failed: {reason}";

    public static string ServiceAnswered(int status, string? errorCode, string message) =>
        string.IsNullOrEmpty(errorCode) ? $"HTTP {status} {message}" : $"HTTP {status} {errorCode}: {message}";

    public static string TooLarge(long maxBytes) => $"the object is larger than the {maxBytes} bytes qrun reads";
}
