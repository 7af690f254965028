using System.Net;
using System.Runtime.ExceptionServices;

namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// Sends a request again after a transient failure, as <see cref="RetrySettings"/> says: no answer (connection
/// refused or reset, or no answer within <see cref="RetrySettings.AttemptTimeout"/>, an
/// <see cref="AttemptTimeoutException"/>) or an answer of 408, 429 or 5xx. The last attempt's answer or failure is
/// the caller's. Nothing is retried once the caller's token is cancelled.
/// </summary>
/// <remarks>
/// Written here rather than taken from Polly (Microsoft.Extensions.Http.Resilience), which this replaced: qrun starts
/// once per job step, and in a NativeAOT qrun, building a Polly pipeline validated its options by DataAnnotations
/// reflection and its first call resolved generic virtual methods at run time, some 5 ms of every job's start
/// (README.md, "Performance"). The same request object is sent again: every request these clients make has buffered
/// content (byte arrays), which can be sent any number of times, and handlers inside this one (credentials, attempt
/// counters) run again on each attempt.
/// </remarks>
public sealed class RetryHandler(RetrySettings settings, Action<RetryNotice>? onRetry = null, TimeProvider? time = null) : DelegatingHandler
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var retry = 1; ; retry++)
        {
            var (response, failure) = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
            if (failure is null && !IsTransient(response!.StatusCode))
            {
                return response!;
            }

            if (retry > settings.MaxRetryAttempts || cancellationToken.IsCancellationRequested)
            {
                failure?.Throw();
                return response!;
            }

            var delay = DelayBefore(retry, response);
            onRetry?.Invoke(new RetryNotice(request, (int?)response?.StatusCode, failure?.SourceException, retry, settings.MaxRetryAttempts, delay));
            response?.Dispose();
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt within <see cref="RetrySettings.AttemptTimeout"/>: its answer, or why it has none.</summary>
    private async Task<(HttpResponseMessage? Response, ExceptionDispatchInfo? Failure)> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(settings.AttemptTimeout);
        try
        {
            return (await base.SendAsync(request, attempt.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attempt.IsCancellationRequested)
        {
            return (null, ExceptionDispatchInfo.Capture(new AttemptTimeoutException(settings.AttemptTimeout)));
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ExceptionDispatchInfo.Capture(exception));
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1-based): the answer's Retry-After when it has one, else
    /// <c>BaseDelay * 2^(retry-1)</c> with jitter (a uniform pick between half and all of it, so clients that failed
    /// together do not come back together); never more than <see cref="RetrySettings.MaxDelay"/>, so a service cannot
    /// make a job wait longer than the settings allow.
    /// </summary>
    private TimeSpan DelayBefore(int retry, HttpResponseMessage? response)
    {
        if (RetryAfter(response) is { } asked)
        {
            return asked < settings.MaxDelay ? asked : settings.MaxDelay;
        }

        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is { } positive && positive >= TimeSpan.Zero ? positive : null;
    }
}
