namespace SpankQrun.Emulator.Jobs;

/// <summary>A presigned GET or PUT failed; the message names the object without its query string.</summary>
public sealed class StorageException(string message) : Exception(message);
