using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.Variables;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>Settings are checked before anything touches the network, so these need no servers.</summary>
public sealed class ConfigurationTests
{
    private static Dictionary<string, string> CompleteAppIdEnvironment() => new()
    {
        [IbmQrunVariables.Backend] = "fake_lagos",
        [IbmQrunVariables.Primitive] = "sampler",
        [IbmQrunVariables.DaapiEndpoint] = "http://127.0.0.1:1/",
        [IbmQrunVariables.S3Endpoint] = "http://127.0.0.1:1/",
        [IbmQrunVariables.S3Bucket] = "bucket",
        [IbmQrunVariables.S3Region] = "us-east-1",
        [IbmQrunVariables.AwsAccessKeyId] = "access",
        [IbmQrunVariables.AwsSecretAccessKey] = "s3-secret-value",
        [IbmQrunVariables.AppIdClientId] = "client",
        [IbmQrunVariables.AppIdSecret] = "appid-secret-value",
    };

    /// <summary>The variables the site's configuration provides (backend and primitive: see EnvironmentHintTests).</summary>
    public static TheoryData<string> RequiredVariables() =>
    [
        IbmQrunVariables.DaapiEndpoint,
        IbmQrunVariables.S3Endpoint,
        IbmQrunVariables.S3Bucket,
        IbmQrunVariables.S3Region,
        IbmQrunVariables.AwsAccessKeyId,
        IbmQrunVariables.AwsSecretAccessKey,
        IbmQrunVariables.AppIdClientId,
        IbmQrunVariables.AppIdSecret,
    ];

    [Theory]
    [MemberData(nameof(RequiredVariables))]
    public async Task Qrun_MissingSiteVariable_ExitsWithUsageErrorNamingItAndTheAdministrator(string name)
    {
        var environment = CompleteAppIdEnvironment();
        environment.Remove(name);

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(name, result.Error, StringComparison.Ordinal);
        Assert.Contains("tell your administrator", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData(IbmQrunVariables.ServiceCrn)]
    [InlineData(IbmQrunVariables.IamEndpoint)]
    public async Task Qrun_IamKeyWithoutCompanionVariable_ExitsWithUsageErrorNamingIt(string name)
    {
        var environment = CompleteAppIdEnvironment();
        environment.Remove(IbmQrunVariables.AppIdClientId);
        environment.Remove(IbmQrunVariables.AppIdSecret);
        environment[IbmQrunVariables.IamApiKey] = "iam-key-value";
        environment[IbmQrunVariables.ServiceCrn] = "crn:v1:x";
        environment[IbmQrunVariables.IamEndpoint] = "http://127.0.0.1:1/";
        environment.Remove(name);

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{name} is not set", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qrun_NoCredentialsAtAll_NamesBothCredentialKinds()
    {
        var environment = CompleteAppIdEnvironment();
        environment.Remove(IbmQrunVariables.AppIdClientId);
        environment.Remove(IbmQrunVariables.AppIdSecret);

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(IbmQrunVariables.IamApiKey, result.Error, StringComparison.Ordinal);
        Assert.Contains(IbmQrunVariables.AppIdClientId, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qrun_UnknownPrimitive_NamesTheAllowedValues()
    {
        var environment = CompleteAppIdEnvironment();
        environment[IbmQrunVariables.Primitive] = "sampl3r";

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"sampler\" or \"estimator\", found \"sampl3r\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qrun_EndpointNotAUrl_NamesVariableAndValue()
    {
        var environment = CompleteAppIdEnvironment();
        environment[IbmQrunVariables.DaapiEndpoint] = "localhost:8290";

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{IbmQrunVariables.DaapiEndpoint} must be an absolute http:// or https:// URL, found \"localhost:8290\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qrun_MissingVariable_NeverPrintsSecretValues()
    {
        var environment = CompleteAppIdEnvironment();
        environment.Remove(IbmQrunVariables.Backend);

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler);

        SecretAssertions.ContainsNoSecret(result.Output + result.Error, "s3-secret-value", "appid-secret-value");
    }
}
