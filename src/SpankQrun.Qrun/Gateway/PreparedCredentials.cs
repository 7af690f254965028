namespace SpankQrun.Qrun.Gateway;

/// <summary>
/// MUNGE credentials made ahead of the request they are for, while qrun waits for something else (the creation's while
/// the input is checked, the submit's and the first poll's during the upload, each later poll's during the wait before
/// it): each one is a round trip to munged, which made on the request's way delays the request. A prepared credential
/// serves one request only (the gateway refuses a credential seen before) and none older than <see cref="MaxAge"/>;
/// without one, or when making it failed, the credential is made as the request goes, exactly as without preparation
/// (its failure is reported there).
/// </summary>
internal sealed class PreparedCredentials(Func<string, string> encode, TimeProvider time)
{
    /// <summary>Far inside a credential's lifetime (munged's default is 300 s).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, (Task<string> Credential, DateTimeOffset Started)> prepared = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Starts making the credential for <paramref name="payload"/>, unless one is prepared already.</summary>
    public void Prepare(string payload)
    {
        lock (gate)
        {
            if (prepared.ContainsKey(payload))
                return;
            var credential = Task.Run(() => encode(payload));
            // Never taken (the run ended first), its failure must not surface as an unobserved exception.
            _ = credential.ContinueWith(static task => _ = task.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            prepared[payload] = (credential, time.GetUtcNow());
        }
    }

    /// <summary>The credential for one request with <paramref name="payload"/>: the prepared one, else a new one.</summary>
    public string Take(string payload)
    {
        (Task<string> Credential, DateTimeOffset Started) entry;
        lock (gate)
        {
            if (!prepared.Remove(payload, out entry))
                return encode(payload);
        }

        if (time.GetUtcNow() - entry.Started > MaxAge)
            return encode(payload);
        try
        {
            // Still being made: waiting for it is never longer than making another.
            return entry.Credential.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            return encode(payload);
        }
    }
}
