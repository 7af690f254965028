using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Core.Tests.Fakes;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class SubmitCallbacksTests
{
    [Fact]
    public void CheckOption_ValidValue_SucceedsSilently()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Primitive, "SAMPLER"));
        Assert.Empty(host.Lines);
    }

    [Fact]
    public void CheckOption_InvalidValue_FailsWithOneErrorLine()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "a b"));
        Assert.Contains("--q-backend='a b'", Assert.Single(host.Errors));
    }

    [Fact]
    public void CheckRequest_PrimitiveWithoutBackend_FailsWithOneErrorLine()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckRequest(host, null, "estimator"));
        Assert.Contains("also needs --q-backend=NAME", Assert.Single(host.Errors));
    }

    [Fact]
    public void CheckRequest_BackendAndPrimitive_Succeeds()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckRequest(host, "fake_cairo", "estimator"));
        Assert.Empty(host.Lines);
    }

    [Fact]
    public void CheckRequest_PrimitiveOnlyInsideAJobThatHasABackend_Succeeds()
    {
        var host = new RecordingSpankHost();
        host.Inherited["IBMQRUN_BACKEND"] = "fake_cairo";

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckRequest(host, null, "estimator"));
        Assert.Empty(host.Lines);
    }
}
