namespace SpankQrun.Plugin.Core.Tests;

public sealed class JobRequestTests
{
    [Fact]
    public void TryCreate_BackendAndPrimitive_NormalizesThePrimitive()
    {
        var request = JobRequest.TryCreate("ibm_torino", "Estimator", out var error);

        Assert.Null(error);
        Assert.Equal(new JobRequest("ibm_torino", "estimator"), request);
    }

    [Fact]
    public void TryCreate_BackendAlone_IsAcceptedWithoutPrimitive()
    {
        var request = JobRequest.TryCreate("ibm_torino", null, out var error);

        Assert.Null(error);
        Assert.Equal(new JobRequest("ibm_torino", null), request);
    }

    [Fact]
    public void TryCreate_PrimitiveWithoutBackend_IsRefusedNamingBothOptions()
    {
        var request = JobRequest.TryCreate(null, "sampler", out var error);

        Assert.Null(request);
        Assert.Contains("--q-primitive='sampler' also needs --q-backend=NAME, e.g. --q-backend=ibm_torino", error);
    }

    [Fact]
    public void TryCreate_InvalidBackend_IsRefused()
    {
        Assert.Null(JobRequest.TryCreate("bad name", "sampler", out var error));
        Assert.Contains("--q-backend='bad name'", error);
    }

    [Fact]
    public void TryCreate_InvalidPrimitive_IsRefusedBeforeTheMissingBackend()
    {
        Assert.Null(JobRequest.TryCreate(null, "foo", out var error));
        Assert.Contains("--q-primitive='foo' is not a Qiskit primitive", error);
    }
}
