using SpankQrun.DirectAccess.Http;

namespace SpankQrun.Qrun.Output;

/// <summary>
/// Writes qrun's progress and errors to the error stream (stdout stays pure JSON). Thread-safe because
/// retry notices arrive from the HTTP pipeline. Every line passes through <see cref="UrlRedactor"/>.
/// </summary>
internal sealed class Reporter(TextWriter error, TimeProvider time)
{
    private const string Prefix = "qrun: ";
    private readonly Lock gate = new();
    private readonly long start = time.GetTimestamp();

    public TimeSpan Elapsed => time.GetElapsedTime(start);

    public void Line(string message)
    {
        lock (gate)
        {
            error.WriteLine(Prefix + UrlRedactor.Redact(message));
            error.Flush();
        }
    }

    /// <summary>Copies text from the service (its job log) verbatim apart from URL query strings.</summary>
    public void Verbatim(string text)
    {
        lock (gate)
        {
            error.Write(UrlRedactor.Redact(text));
            if (!text.EndsWith('\n'))
            {
                error.WriteLine();
            }

            error.Flush();
        }
    }
}
