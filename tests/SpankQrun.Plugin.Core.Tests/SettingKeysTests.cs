using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class SettingKeysTests
{
    [Theory]
    [InlineData("s3_bucket=b")]
    [InlineData("iam_apikey=")]
    [InlineData("unknown_key=x")]
    [InlineData("k=v")]
    [InlineData("x1_=v")]
    [InlineData("a==b")]
    [InlineData("backends=ibm_torino,ibm_fez")]
    [InlineData("secrets=/etc/slurm/qrun-secrets.conf")]
    [InlineData("ibm_fez.s3_bucket=b")]
    [InlineData("IBM_Fez-2.s3_bucket=b")]
    [InlineData("a.b.c=x")]
    public void IsKeyed_LowerCaseNameBeforeTheFirstEquals_IsTrue(string word) =>
        Assert.True(SettingKeys.IsKeyed(word));

    [Theory]
    [InlineData("")]
    [InlineData("s3_bucket")]
    [InlineData("=x")]
    [InlineData("S3_BUCKET=x")]
    [InlineData("s3-bucket=x")]
    [InlineData("1key=x")]
    [InlineData("_key=x")]
    [InlineData("caf\u00e9=x")]
    [InlineData(".s3_bucket=x")]
    [InlineData("ibm_fez.=x")]
    [InlineData("ibm fez.s3_bucket=x")]
    [InlineData("ibm/fez.s3_bucket=x")]
    [InlineData("ibm_fez.S3_BUCKET=x")]
    [InlineData("http://h.example/?a=b")]
    [InlineData("s3-secret-Xy8/+=")]
    [InlineData("AKIAIOSFODNN7EXAMPLE=x")]
    [InlineData("wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab=")]
    public void IsKeyed_AnythingElse_IsFalse(string word) =>
        Assert.False(SettingKeys.IsKeyed(word));

    [Fact]
    public void KeyOf_KeyedWord_IsTheTextBeforeTheFirstEquals() =>
        Assert.Equal("ibm_fez.appid_secret", SettingKeys.KeyOf("ibm_fez.appid_secret=a=b"));

    [Fact]
    public void TrySplit_BackendScopedKey_GivesTheBackendAndTheSetting()
    {
        Assert.True(SettingKeys.TrySplit("ibm.fez.s3_region", out var backend, out var setting));
        Assert.Equal("ibm.fez", backend);
        Assert.Equal(SiteSettings.S3Region, setting);
    }

    [Fact]
    public void TrySplit_DefaultKey_HasNoBackend()
    {
        Assert.True(SettingKeys.TrySplit("iam_apikey", out var backend, out var setting));
        Assert.Null(backend);
        Assert.Equal(SiteSettings.IamApiKey, setting);
    }

    [Theory]
    [InlineData("backends")]
    [InlineData("secrets")]
    [InlineData("apikey")]
    [InlineData("ibm_fez.backends")]
    public void TrySplit_KeyThatIsNotASetting_IsFalse(string key) =>
        Assert.False(SettingKeys.TrySplit(key, out _, out _));

    [Theory]
    [InlineData("iam_apikey", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("AKIAIOSFODNN7EXAMPLE", false)]
    [InlineData("ibm_fez.s3_bucket", false)]
    [InlineData("", false)]
    public void IsShowable_OnlyShortLowerCaseNames(string key, bool showable) =>
        Assert.Equal(showable, SettingKeys.IsShowable(key));
}
