using System.Net.Http.Headers;
using SpankQrun.Emulator.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests;

/// <summary>The emulator's output never contains a token, a key, a secret or a presigned query string.</summary>
public sealed class SecretLoggingTests
{
    [Fact]
    public async Task Output_AfterTokensJobsAndFailures_ContainsNoSecret()
    {
        await using var s3 = await S3Server.StartAsync();
        await s3.CreateBucketAsync("secrets");
        using var storage = new TestStorage(s3, "secrets");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create()));
        using var session = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        var completed = JobRequests.NewId();
        var missingInput = JobRequests.NewId();
        await storage.PutAsync(JobRequests.InputKey(completed), JobExecutionTests.SmallSampler);
        var completedBody = JobRequests.Stored(storage, completed, "fake_lagos", "sampler");
        var missingBody = JobRequests.Stored(storage, missingInput, "fake_lagos", "sampler");

        await ApiAssert.NoContentAsync(await session.SubmitAsync(completedBody));
        await ApiAssert.NoContentAsync(await session.SubmitAsync(missingBody));
        await session.WaitForFinalAsync(completed, TimeSpan.FromSeconds(60));
        await session.WaitForFinalAsync(missingInput, TimeSpan.FromSeconds(60));
        using var http = DirectAccessSession.CreateHttpClient(emulator.Endpoint);
        using (await DirectAccessSession.RequestAppIdTokenAsync(http, "demo", "demopass"))
        using (await DirectAccessSession.RequestIamTokenAsync(http, "wrong-apikey-value"))
        using (var request = new HttpRequestMessage(HttpMethod.Get, "v1/jobs?X-Amz-Signature=querysecret"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bogus-token-value");
            using (await http.SendAsync(request))
            {
            }
        }

        var output = emulator.Output;
        Assert.Contains("/v1/jobs", output);
        Assert.DoesNotContain(session.Token, output);
        Assert.DoesNotContain("demo-apikey", output);
        Assert.DoesNotContain("wrong-apikey-value", output);
        Assert.DoesNotContain("demopass", output);
        Assert.DoesNotContain("bogus-token-value", output);
        Assert.DoesNotContain("querysecret", output);
        Assert.DoesNotContain("X-Amz-Signature", output);
        Assert.DoesNotContain("X-Amz-Credential", output);
        Assert.DoesNotContain(new Uri((string)completedBody["storage"]!["input"]!["presigned_url"]!).Query, output);
    }
}
