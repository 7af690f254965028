using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SpankQrun.DirectAccess.Http;

/// <summary>Builds the resilience pipeline every Direct Access and IAM call goes through.</summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(RetrySettings settings, Action<string>? log)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = settings.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                !args.Context.CancellationToken.IsCancellationRequested && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            OnRetry = args =>
            {
                log?.Invoke(DirectAccessMessages.Retrying(Describe(args.Context.GetRequestMessage(), args.Outcome), args.AttemptNumber + 1, settings.MaxRetryAttempts, args.RetryDelay));
                return ValueTask.CompletedTask;
            },
        };

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.AttemptTimeout })
            .Build();
    }

    private static string Describe(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        request ??= outcome.Result?.RequestMessage;
        var call = request is null ? "request" : $"{request.Method} {UrlRedactor.Redact(request.RequestUri)}";
        return $"{call}: {DescribeOutcome(outcome)}";
    }

    private static string DescribeOutcome(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response)
        {
            return DirectAccessMessages.HttpStatus((int)response.StatusCode);
        }

        return outcome.Exception is { } exception ? FailureDescription.Of(exception) : DirectAccessMessages.UnknownFailure;
    }
}
