using System.Text;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Http;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Admin.Check;

/// <summary>
/// Reaches the services one backend's tasks would reach, with the settings they would get: a token,
/// the service's backend list, and a small object written, read back and deleted in the bucket.
/// Every failure message comes from the client libraries, which keep secrets and presigned query strings out.
/// </summary>
internal sealed class OnlineCheck(CheckReport report, TimeSpan timeout)
{
    private static readonly RetrySettings Retry = new(1, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));

    /// <summary>
    /// Added to each Direct Access attempt's own timeout, so that a service that never answers is reported as the
    /// step's bound (--timeout): with equal timers, whichever fired first decided the message.
    /// </summary>
    private static readonly TimeSpan AttemptMargin = TimeSpan.FromSeconds(1);

    /// <summary>Checks <paramref name="backend"/>; false (and a reported failure) when a step failed.</summary>
    public async Task<bool> RunAsync(string backend, BackendSettings settings, bool mustBeListed, CancellationToken cancellationToken)
    {
        var values = settings.Values.ToDictionary(v => v.Key, v => v.Value);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var step = "token";
        try
        {
            var credentials = Credentials(values);
            var endpoint = new Uri(values[SiteSettings.DaapiEndpoint]);
            using var client = new DirectAccessClient(new DirectAccessClientOptions(endpoint, credentials) { Retry = Retry with { AttemptTimeout = timeout + AttemptMargin } });
            await client.AuthenticateAsync(bound.Token).ConfigureAwait(false);
            report.Line(AdminMessages.Token(backend, Describe(credentials)));

            step = "backends";
            var offered = await client.ListBackendsAsync(bound.Token).ConfigureAwait(false);
            report.Line(AdminMessages.ServiceBackends(backend, string.Join(", ", offered.Select(b => AdminMessages.ServiceBackend(b.Name ?? "?", b.Status, b.Message)))));
            var listed = offered.FirstOrDefault(b => b.Name == backend);
            if (mustBeListed && listed is null)
            {
                report.Failure(AdminMessages.NotOfferedByService(backend, UrlRedactor.Redact(endpoint)));
                return false;
            }

            if (listed is not null && listed.Status != "online")
                report.Line(AdminMessages.NotOnline(backend, listed.Status));

            step = "S3";
            return await CheckStorageAsync(backend, values, bound.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DirectAccessException or StorageException)
        {
            report.Failure(AdminMessages.OnlineFailed(backend, step, exception.Message));
            return false;
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            report.Failure(AdminMessages.OnlineTimedOut(backend, step, timeout.TotalSeconds));
            return false;
        }
    }

    private async Task<bool> CheckStorageAsync(string backend, Dictionary<SiteSetting, string> values, CancellationToken cancellationToken)
    {
        var options = new S3StorageOptions(
            new Uri(values[SiteSettings.S3Endpoint]),
            values[SiteSettings.S3Region],
            values[SiteSettings.S3Bucket],
            values[SiteSettings.AwsAccessKeyId],
            values[SiteSettings.AwsSecretAccessKey])
        {
            RequestTimeout = timeout,
            MaxErrorRetry = 1,
        };
        using var storage = new JobStorage(options);
        var key = $"qrun-admin-check/{Guid.NewGuid():N}.json";
        var content = Encoding.UTF8.GetBytes($"{{\"written_by\":\"qrun-admin check\",\"backend\":\"{backend}\"}}");
        await storage.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
        try
        {
            var read = await storage.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (read is null || !read.AsSpan().SequenceEqual(content))
            {
                report.Failure(AdminMessages.StorageMismatch(backend, key));
                return false;
            }
        }
        finally
        {
            using var deleteBound = new CancellationTokenSource(timeout);
            await storage.DeleteAsync(key, deleteBound.Token).ConfigureAwait(false);
        }

        if (await storage.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            report.Failure(AdminMessages.StorageNotDeleted(backend, key));
            return false;
        }

        report.Line(AdminMessages.Storage(backend, options.Bucket, UrlRedactor.Redact(options.Endpoint), key));
        return true;
    }

    // The same choice qrun makes from the task environment: IAM when an API key is set, else App ID.
    private static DirectAccessCredentials Credentials(Dictionary<SiteSetting, string> values) =>
        values.TryGetValue(SiteSettings.IamApiKey, out var apiKey)
            ? new IamCredentials(apiKey, values[SiteSettings.ServiceCrn], new Uri(values[SiteSettings.IamEndpoint]))
            : new AppIdCredentials(values[SiteSettings.AppIdClientId], values[SiteSettings.AppIdSecret]);

    private static string Describe(DirectAccessCredentials credentials) => credentials switch
    {
        IamCredentials iam => $"IAM at {UrlRedactor.Redact(iam.IamEndpoint)}",
        _ => "App ID",
    };
}
