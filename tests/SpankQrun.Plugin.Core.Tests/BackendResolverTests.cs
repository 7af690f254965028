using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class BackendResolverTests
{
    private const string Fez = "ibm_fez";

    [Fact]
    public void CheckScopes_SameDefaultInPlugstackAndFile_NamesBothPlaces()
    {
        var problems = new List<string>();

        BackendResolver.CheckScopes(
            [Entry(null, SiteSettings.S3Bucket, "plugstack.conf argument 3 (s3_bucket=...)"), Entry(null, SiteSettings.S3Bucket, "/f line 2 (s3_bucket)")],
            null,
            problems);

        Assert.Equal("/f line 2 (s3_bucket) repeats plugstack.conf argument 3 (s3_bucket=...); keep one of them", Assert.Single(problems));
    }

    [Fact]
    public void CheckScopes_SameSettingForDifferentScopes_IsAccepted()
    {
        var problems = new List<string>();

        BackendResolver.CheckScopes([Entry(null, SiteSettings.S3Bucket), Entry(Fez, SiteSettings.S3Bucket), Entry("ibm_torino", SiteSettings.S3Bucket)], ["ibm_torino", Fez], problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void CheckScopes_BackendSettingWithoutBackendList_IsRefused()
    {
        var problems = new List<string>();

        BackendResolver.CheckScopes([Entry(Fez, SiteSettings.S3Bucket, "/f line 4 (s3_bucket)")], null, problems);

        Assert.Equal(
            "/f line 4 (s3_bucket) is for backend 'ibm_fez', but the plugstack.conf line has no backends= list; per-backend settings need one",
            Assert.Single(problems));
    }

    [Fact]
    public void CheckScopes_BackendSettingForAnUnlistedBackend_IsRefusedListingTheOffered()
    {
        var problems = new List<string>();

        BackendResolver.CheckScopes([Entry("ibm_x", SiteSettings.S3Bucket, "/f line 4 (s3_bucket)")], ["ibm_torino", Fez], problems);

        Assert.Equal("/f line 4 (s3_bucket) is for backend 'ibm_x', which backends= does not list (ibm_torino, ibm_fez)", Assert.Single(problems));
    }

    [Fact]
    public void Resolve_BackendSettings_OverlayTheDefaults()
    {
        var settings = Resolve([.. Complete(null), Entry(Fez, SiteSettings.S3Bucket, value: "fez-bucket")], Fez, out _);

        Assert.Equal("fez-bucket", Value(settings, SiteSettings.S3Bucket));
        Assert.Equal("v-S3_REGION", Value(settings, SiteSettings.S3Region));
    }

    [Fact]
    public void Resolve_AnotherBackendsSettings_AreNotUsed()
    {
        var settings = Resolve([.. Complete(null), Entry("ibm_torino", SiteSettings.S3Bucket, value: "torino-bucket")], Fez, out _);

        Assert.Equal("v-S3_BUCKET", Value(settings, SiteSettings.S3Bucket));
    }

    [Fact]
    public void Resolve_ValuesComeInTheOrderOfAllSettings()
    {
        var settings = Resolve([.. Complete(null).Reverse(), Entry(null, SiteSettings.IamApiKey), Entry(null, SiteSettings.ServiceCrn), Entry(null, SiteSettings.IamEndpoint)], Fez, out _);

        Assert.Equal(SiteSettings.All, settings?.Values.Select(v => v.Key));
    }

    [Fact]
    public void Resolve_MissingRequiredSetting_SaysHowToSetItForEveryOrThisBackend()
    {
        Assert.Null(Resolve([.. Complete(null).Where(e => e.Setting != SiteSettings.S3Bucket)], Fez, out var problems));

        Assert.Equal(
            "no s3_bucket for backend 'ibm_fez': set s3_bucket= for every backend, or for this one (ibm_fez.s3_bucket= on the plugstack.conf line or in [ibm_fez] of the secrets file)",
            Assert.Single(problems));
    }

    [Fact]
    public void Resolve_OnlyCredentials_ReportsEachMissingRequiredSetting()
    {
        Assert.Null(Resolve([Entry(null, SiteSettings.AppIdClientId), Entry(null, SiteSettings.AppIdSecret)], Fez, out var problems));

        Assert.Equal(
            ["daapi_endpoint", "aws_access_key_id", "aws_secret_access_key", "s3_endpoint", "s3_bucket", "s3_region"],
            problems.Select(p => p.Split(' ')[1]));
    }

    [Fact]
    public void Resolve_NoCredentials_NamesBothWaysToAuthenticate()
    {
        Assert.Null(Resolve([.. Required()], Fez, out var problems));

        Assert.Equal(
            "no credentials for backend 'ibm_fez': set iam_apikey, service_crn and iam_endpoint (IAM), or appid_client_id and appid_secret (App ID)",
            Assert.Single(problems));
    }

    [Fact]
    public void Resolve_ApiKeyWithoutCrnAndEndpoint_NamesWhatIsMissing()
    {
        Assert.Null(Resolve([.. Required(), Entry(null, SiteSettings.IamApiKey)], Fez, out var problems));

        Assert.Equal("backend 'ibm_fez' has iam_apikey but not service_crn or iam_endpoint", Assert.Single(problems));
    }

    [Fact]
    public void Resolve_HalfTheAppIdPair_NamesTheOtherHalf()
    {
        Assert.Null(Resolve([.. Required(), Entry(null, SiteSettings.AppIdClientId)], Fez, out var problems));

        Assert.Equal("backend 'ibm_fez' has appid_client_id but not appid_secret", Assert.Single(problems));
    }

    [Fact]
    public void Resolve_SharedIamEndpointAndCrnWithAnAppIdBackend_IsAccepted()
    {
        var settings = Resolve([.. Complete(null), Entry(null, SiteSettings.ServiceCrn), Entry(null, SiteSettings.IamEndpoint)], Fez, out var problems);

        Assert.Empty(problems);
        Assert.NotNull(settings);
    }

    [Fact]
    public void Resolve_IamCompleteWithoutAppId_IsAccepted()
    {
        var settings = Resolve([.. Required(), Entry(null, SiteSettings.IamApiKey), Entry(null, SiteSettings.ServiceCrn), Entry(Fez, SiteSettings.IamEndpoint)], Fez, out var problems);

        Assert.Empty(problems);
        Assert.DoesNotContain(settings!.Values, v => v.Key == SiteSettings.AppIdSecret);
    }

    private static BackendSettings? Resolve(IReadOnlyList<SettingEntry> entries, string backend, out List<string> problems)
    {
        problems = [];
        return BackendResolver.Resolve(entries, backend, problems);
    }

    private static string Value(BackendSettings? settings, SiteSetting setting) =>
        Assert.Single(settings!.Values, v => v.Key == setting).Value;

    private static SettingEntry Entry(string? backend, SiteSetting setting, string origin = "somewhere", string? value = null) =>
        new(backend, setting, value ?? $"v-{setting.Name}", origin);

    private static IEnumerable<SettingEntry> Required() => SiteSettings.Required.Select(s => Entry(null, s));

    private static IEnumerable<SettingEntry> Complete(string? backend) => SiteSettings.Positional.Select(s => Entry(backend, s));
}
