namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// Counts how many times a request actually went on the wire (it sits inside the retry handler),
/// so a submit can tell "409 duplicate on a retry" (our earlier attempt was accepted) from a real conflict.
/// </summary>
internal sealed class AttemptCounter : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<int> Attempts = new("SpankQrun.Attempts");

    public static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 0;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(Attempts, AttemptsOf(request) + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
