namespace SpankQrun.Qrun.Output;

/// <summary>
/// Writes the results file atomically: a temporary file in the same directory, flushed to disk, then renamed
/// over the target, so a reader never sees half a document and an old file survives a failed write.
/// </summary>
internal static class ResultsWriter
{
    /// <summary>Checks before the job is submitted that the file can be created; throws <see cref="ResultsPathException"/>.</summary>
    public static void EnsureWritable(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new ResultsPathException(QrunMessages.ResultsPathIsDirectory(fullPath));
        }

        var probe = TemporaryPathFor(fullPath);
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ResultsPathException(QrunMessages.ResultsNotWritable(fullPath, exception.Message), exception);
        }
    }

    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = TemporaryPathFor(fullPath);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ResultsPathException(QrunMessages.ResultsNotWritable(fullPath, exception.Message), exception);
        }
    }

    private static string TemporaryPathFor(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        return Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the message about the failed write is what matters.
        }
    }
}
