using SpankQrun.Qrun.Slurm;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.Variables;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>Hints come from the job's actual options, the input, and the backends the site's plugstack.conf offers.</summary>
public sealed class EnvironmentHintTests
{
    [Fact]
    public async Task OnlyPrimitiveMissing_SaysExactlyThatWithThePrimitiveOfTheInput()
    {
        var environment = new Dictionary<string, string>
        {
            [IbmQrunVariables.Backend] = "fake_cairo",
            [IbmQrunVariables.DaapiEndpoint] = "http://127.0.0.1:9",
            [IbmQrunVariables.S3Endpoint] = "http://127.0.0.1:9",
            [IbmQrunVariables.S3Bucket] = "b",
            [IbmQrunVariables.S3Region] = "r",
            [IbmQrunVariables.AwsAccessKeyId] = "k",
            [IbmQrunVariables.AwsSecretAccessKey] = "s",
            [IbmQrunVariables.AppIdClientId] = "c",
            [IbmQrunVariables.AppIdSecret] = "p",
        };

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Estimator);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the job has --q-backend=fake_cairo but no --q-primitive; add --q-primitive=estimator", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAQrunJob_NamesTheSitesBackendsFromPlugstack()
    {
        using var scratch = new ScratchDirectory();
        var included = Directory.CreateDirectory(Path.Combine(scratch.Path, "plugstack.conf.d")).FullName;
        File.WriteAllText(Path.Combine(included, "qrun.conf"), "optional /usr/lib64/slurm/spank_ibm_qrun.so backends=ibm_fez,ibm_kingston secrets=/etc/slurm/s.conf\n");
        var plugstack = scratch.Write("plugstack.conf", $"# site\ninclude {included}/*.conf\n");
        var host = InProcessQrun.Host(new Dictionary<string, string>()) with { PlugstackPath = plugstack };

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, DemoInputs.Sampler);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--q-backend=NAME (this site offers ibm_fez, ibm_kingston) --q-primitive=sampler", line, StringComparison.Ordinal);
        Assert.DoesNotContain("ibm_torino", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SiteBackends_MissingFile_IsEmpty() => Assert.Empty(SiteBackends.Read("/nonexistent/plugstack.conf"));
}
