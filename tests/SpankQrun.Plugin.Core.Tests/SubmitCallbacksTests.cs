using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Core.Tests.Fakes;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class SubmitCallbacksTests
{
    private static readonly string[] OfferingTwo = ["backends=ibm_torino,ibm_fez", $"secrets={Snapshots.Path}", "s3_region=us-east-1"];

    [Fact]
    public void CheckOption_ValidValue_SucceedsSilently()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Primitive, "SAMPLER", SiteArguments.Valid()));
        Assert.Empty(host.Lines);
    }

    [Fact]
    public void CheckOption_InvalidValue_FailsWithOneErrorLine()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "a b", SiteArguments.Valid()));
        Assert.Contains("--q-backend='a b'", Assert.Single(host.Errors));
    }

    [Fact]
    public void CheckOption_ListedBackend_IsAccepted()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "ibm_fez", OfferingTwo));
        Assert.Empty(host.Lines);
    }

    [Fact]
    public void CheckOption_UnlistedBackend_IsRefusedListingTheOfferedOnes()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "ibm_foo", OfferingTwo));
        Assert.Equal("unknown backend 'ibm_foo'; available: ibm_torino, ibm_fez", Assert.Single(host.Errors));
    }

    [Fact]
    public void CheckOption_BackendListIsCaseSensitive()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "IBM_FEZ", OfferingTwo));
    }

    [Fact]
    public void CheckOption_LineWithoutBackendList_AcceptsAnyWellFormedName()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "fake_anything", SiteArguments.Valid()));
        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "fake_anything", KeyedSite.IamOnlyLine()));
        Assert.Empty(host.Lines);
    }

    [Fact]
    public void CheckOption_BrokenLine_AcceptsAWellFormedNameEvenIfItsListOmitsIt()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "ibm_foo", ["backends=ibm_torino", "apikey=x"]));
        Assert.Empty(host.Lines);
    }

    [Fact]
    public void CheckOption_MalformedNameOnASiteWithAList_GetsTheOptionsOwnMessage()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "ibm/fez", OfferingTwo));
        Assert.StartsWith("--q-backend='ibm/fez' has the character '/'", Assert.Single(host.Errors));
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
