using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>Input is validated before anything is uploaded: the error names the JSON path, and the bucket stays empty.</summary>
public sealed class BadInputTests(QrunServices services) : IClassFixture<QrunServices>
{
    private const string Circuit = "OPENQASM 3.0; include \\\"stdgates.inc\\\"; bit[1] meas; x $0; meas[0] = measure $0;";

    [Fact]
    public Task NotJson_ReportsRootPathAndInvalidJson() =>
        AssertRejectedAsync("sampler", "{\"pubs\": [", "$: ", "not valid JSON");

    [Fact]
    public Task Version1_ReportsVersionPathAndExpected2() =>
        AssertRejectedAsync("sampler", $$"""{"pubs":[["{{Circuit}}"]],"version":1}""", "$.version: ", "expected 2 (version), found 1");

    [Fact]
    public Task EmptyPubs_ReportsPubsPathAndEmptyArray() =>
        AssertRejectedAsync("sampler", """{"pubs":[],"version":2}""", "$.pubs: ", "found an empty array");

    [Fact]
    public Task SamplerShotsNotAnInteger_ReportsPubElementPath() =>
        AssertRejectedAsync("sampler", $$"""{"pubs":[["{{Circuit}}",[],"abc"]],"version":2}""", "$.pubs[0][2]: ", "shots");

    [Fact]
    public Task SamplerInputForTheEstimator_SaysThePrimitivesDoNotMatch() =>
        AssertRejectedAsync("estimator", $$"""{"pubs":[["{{Circuit}}"]],"version":2}""", "holds sampler PUBs, but this job's primitive is estimator", "--q-primitive=sampler");

    [Fact]
    public Task EstimatorInputForTheSampler_SaysThePrimitivesDoNotMatch() =>
        AssertRejectedAsync("sampler", $$"""{"pubs":[["{{Circuit}}",{"Z":1.0}]],"version":2}""", "holds estimator PUBs, but this job's primitive is sampler", "--q-primitive=estimator");

    [Fact]
    public Task MissingInputFile_ReportsThePath()
    {
        return AssertRejectedAsync("sampler", content: null, "cannot read input file", "missing.json");
    }

    [Fact]
    public async Task InAJob_TheTimeLeftIsAskedBeforeTheInputIsValidated_AndStoppedWhenItIsRejected()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("input.json", """{"pubs":[],"version":2}""");
        var asked = new List<CancellationToken>();
        var neverAnswered = new TaskCompletionSource<TimeSpan?>();
        var host = InProcessQrun.Host(services.Environment("fake_lagos", "sampler")) with
        {
            TimeLeft = (_, _, token) =>
            {
                asked.Add(token);
                return neverAnswered.Task;
            },
        };

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("found an empty array", result.Error, StringComparison.Ordinal);
        // Asked once, while the input was being validated, and cancelled (squeue killed) when it was rejected.
        Assert.True(Assert.Single(asked).IsCancellationRequested);
        Assert.Empty(await services.BucketKeysAsync());
    }

    private async Task AssertRejectedAsync(string primitive, string? content, string expectedPath, string expectedText)
    {
        using var scratch = new ScratchDirectory();
        var input = content is null ? scratch.FilePath("missing.json") : scratch.Write("input.json", content);

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", primitive), input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expectedPath, result.Error, StringComparison.Ordinal);
        Assert.Contains(expectedText, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted job", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(await services.BucketKeysAsync());
    }
}
