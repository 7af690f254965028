using SpankQrun.Plugin.Core.Configuration;
using SpankQrun.TestSupport;

namespace SpankQrun.Admin.Tests;

/// <summary><c>qrun-admin check</c> without --online: the line and the secrets file, with the plugin's own messages.</summary>
public sealed class OfflineCheckTests : IDisposable
{
    private const string ApiKey = "admin-test-apikey-5d1e";
    private const string S3Secret = "admin-test-s3secret-93ab";
    private const string AccessKey = "admin-test-access-77c0";
    private const string FezApiKey = "admin-test-fez-apikey-0b2";

    private readonly SiteFiles files = new();

    public void Dispose() => files.Dispose();

    private static string SecretsContent =>
        $"""
        # site secrets
        aws_access_key_id = {AccessKey}
        aws_secret_access_key = {S3Secret}
        iam_apikey = {ApiKey}

        [ibm_fez]
        iam_apikey = {FezApiKey}
        s3_bucket = fez-bucket
        """;

    private string Line(string secretsPath, string extra = "") =>
        $"optional {SiteFiles.Plugin} backends=ibm_torino,ibm_fez secrets={secretsPath} daapi_endpoint=http://127.0.0.1:1 "
        + $"s3_endpoint=http://127.0.0.1:2 s3_bucket=jobs s3_region=us-east-1 iam_endpoint=http://127.0.0.1:3 service_crn=crn:v1:test {extra}";

    [Fact]
    public async Task Check_ValidLineAndSecretsFile_ExitsZeroAndReportsEveryBackendReady()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);

        var run = await AdminRun.RunAsync("check", "--line", Line(secrets));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("backend ibm_torino: ready (IAM; Direct Access http://127.0.0.1:1; S3 bucket jobs)", run.Output);
        Assert.Contains("backend ibm_fez: ready (IAM; Direct Access http://127.0.0.1:1; S3 bucket fez-bucket)", run.Output);
        Assert.Contains($"plugin: {SiteFiles.Plugin}: spank_ibm_qrun version {File.ReadAllText(Path.Combine(RepositoryPaths.Root, "VERSION")).Trim()}", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Check_UnknownKeyOnTheLine_ExitsOneWithTheMessageSlurmdWouldLog()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);

        var run = await AdminRun.RunAsync("check", "--line", Line(secrets, "apikey=x"));

        Assert.Equal(1, run.ExitCode);
        var expected = ConfigurationMessages.KeyUnknown(ConfigurationMessages.KeyedOrigin(9, "apikey"), "apikey");
        Assert.Equal([$"qrun-admin: error: site configuration: {expected}"], run.ErrorLines);
    }

    [Fact]
    public async Task Check_SecretsFileReadableByOthers_IsRefusedAsThePluginRefusesIt()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent, (UnixFileMode)0b110_100_100);

        var run = await AdminRun.RunAsync("check", "--line", Line(secrets));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            $"qrun-admin: error: site configuration: the secrets file {secrets} has mode 0644: it is readable or writable by group or others; refusing it (chmod 0600 {secrets})",
            run.ErrorLines);
    }

    [Fact]
    public async Task Check_SecretsFileThatIsASymbolicLink_IsRefused()
    {
        var target = files.Write("real-secrets.conf", SecretsContent);
        var link = Path.Combine(files.Directory, "qrun-secrets.conf");
        File.CreateSymbolicLink(link, target);

        var run = await AdminRun.RunAsync("check", "--line", Line(link));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(ConfigurationMessages.SecretsFileRefused(new SecretsFileSnapshot(link, SecretsFileStatus.SymbolicLink, "", 0, 0, [])), run.Error);
    }

    [Fact]
    public async Task Check_SecretsFileNotOwnedByRoot_IsRefusedWithTheChownHint()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);
        var chown = await Shell.RunAsync("chown", ["qrunuser", secrets]);
        Assert.True(chown.ExitCode == 0, chown.ToString());

        var run = await AdminRun.RunAsync("check", "--line", Line(secrets));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"the secrets file {System.Text.RegularExpressions.Regex.Escape(secrets)} is owned by uid \d+, not root; refusing it \(chown root:root", run.Error);
    }

    [Fact]
    public async Task Check_MissingFile_IsReportedWithTheSystemsReason()
    {
        var run = await AdminRun.RunAsync("check", "--line", Line(Path.Combine(files.Directory, "absent.conf")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("absent.conf cannot be read: No such file or directory", run.Error);
    }

    [Fact]
    public async Task Check_BackendMissingASetting_ListsEachProblemOnceAndNeverASecret()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent.Replace("s3_bucket = fez-bucket", "s3_bucket = fez\niam_apikey = again", StringComparison.Ordinal));

        var run = await AdminRun.RunAsync("check", "--line", Line(secrets).Replace("s3_region=us-east-1 ", "", StringComparison.Ordinal));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines, l => l.Contains("'iam_apikey' is repeated in [ibm_fez]", StringComparison.Ordinal));
        foreach (var secret in new[] { ApiKey, S3Secret, AccessKey, FezApiKey, "again" })
            Assert.DoesNotContain(secret, run.All);
    }

    [Fact]
    public async Task Check_SeedsPositionalLine_ShowsOnlyItsPublicValues()
    {
        var line = $"optional {SiteFiles.Plugin} demo-client-3f1 demo-secret-8aa http://127.0.0.1:1 {AccessKey} {S3Secret} http://127.0.0.1:2 jobs us-east-1";

        var run = await AdminRun.RunAsync("check", "--line", line);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("backend any_backend: ready (App ID; Direct Access http://127.0.0.1:1; S3 bucket jobs)", run.Output);
        foreach (var secret in new[] { "demo-client-3f1", "demo-secret-8aa", AccessKey, S3Secret })
            Assert.DoesNotContain(secret, run.All);
    }

    [Fact]
    public async Task Check_ReadsPlugstackConfAndTheFilesItIncludes_AndNamesTheLine()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);
        files.Write("plugstack.conf.d/other.conf", "# another plugin\noptional /usr/lib/other.so x=1\n", (UnixFileMode)0b110_100_100);
        files.Write("plugstack.conf.d/qrun.conf", "# spank-qrun\n\n" + Line(secrets) + " # trailing comment\n", (UnixFileMode)0b110_100_100);
        var plugstack = files.Write("plugstack.conf", "include plugstack.conf.d/*.conf\n", (UnixFileMode)0b110_100_100);

        var run = await AdminRun.RunAsync("check", "--plugstack", plugstack);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"plugstack: {Path.Combine(files.Directory, "plugstack.conf.d/qrun.conf")} line 3: optional {SiteFiles.Plugin} backends=ibm_torino,ibm_fez", run.Output);
    }

    [Fact]
    public async Task Check_TwoLinesLoadThePlugin_ExitsOneNamingBoth()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);
        var plugstack = files.Write("plugstack.conf", Line(secrets) + "\n" + Line(secrets) + "\n", (UnixFileMode)0b110_100_100);

        var run = await AdminRun.RunAsync("check", "--plugstack", plugstack);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"({plugstack} line 1, {plugstack} line 2)", run.Error);
    }

    [Fact]
    public async Task Check_PlugstackWithoutOurLine_ExitsTwo()
    {
        var plugstack = files.Write("plugstack.conf", "optional /usr/lib/other.so\n# optional /x/spank_ibm_qrun.so\n", (UnixFileMode)0b110_100_100);

        var run = await AdminRun.RunAsync("check", "--plugstack", plugstack);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("loads spank_ibm_qrun.so; nothing to check", run.Error);
    }

    [Fact]
    public async Task Check_BackendTheLineDoesNotOffer_ExitsOneWithTheSubmitTimeMessage()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);

        var run = await AdminRun.RunAsync("check", "--line", Line(secrets), "--backend", "ibm_foo");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("qrun-admin: error: unknown backend 'ibm_foo'; available: ibm_torino, ibm_fez", run.ErrorLines);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--timeout", "0")]
    public async Task Check_BadCommandLine_IsOneLineAndExitTwo(params string[] arguments)
    {
        var run = await AdminRun.RunAsync(["check", .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.StartsWith("qrun-admin: error: ", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Check_AsAUserOtherThanRoot_SaysTheSecretsFileNeedsRootAndExitsFour()
    {
        var secrets = files.Write("qrun-secrets.conf", SecretsContent);
        var admin = Path.Combine(AppContext.BaseDirectory, "qrun-admin.dll");

        var run = await Shell.RunAsync("runuser", ["-u", "qrunuser", "--", "dotnet", admin, "check", "--line", Line(secrets)]);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"the secrets file {secrets} cannot be read by uid", run.Stderr);
        Assert.Contains("incomplete", run.Stdout);
    }
}
