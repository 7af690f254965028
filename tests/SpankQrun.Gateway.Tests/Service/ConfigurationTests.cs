using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>The configuration file: the secrets file's rules, the plugin's keys, the gateway's keys.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private const string Valid = """
        listen=http://127.0.0.1:8391
        backends=fake_brisbane,ibm_fez
        database=sqlite:/var/lib/qrun-gateway/test.db
        slurm_timeout_secs=7
        daapi_endpoint=http://127.0.0.1:8290
        appid_client_id=demo
        appid_secret=topsecret-value-1
        s3_endpoint=http://127.0.0.1:4568
        s3_bucket=b
        s3_region=us-east-1
        aws_access_key_id=AKIAEXAMPLE
        aws_secret_access_key=secret-key-value-2
        [ibm_fez]
        s3_bucket=fez-bucket
        """;

    private readonly string directory = TestFiles.NewDirectory();

    [Fact]
    public void A_valid_file_gives_each_backend_its_settings_and_the_gateway_its_keys()
    {
        var settings = GatewayConfigParser.Load(TestFiles.Write(directory, "g.conf", Valid));

        Assert.Equal(["http://127.0.0.1:8391"], settings.ListenUrls);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.SlurmTimeout);
        Assert.Equal(DatabaseKind.Sqlite, settings.Database.Kind);
        Assert.Equal("b", settings.Backends["fake_brisbane"].Storage.Bucket);
        Assert.Equal("fez-bucket", settings.Backends["ibm_fez"].Storage.Bucket);
        Assert.DoesNotContain("secret", settings.Backends["ibm_fez"].ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_symbolic_link_is_refused()
    {
        var target = TestFiles.Write(directory, "real.conf", Valid);
        var link = Path.Combine(directory, "link.conf");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayConfigParser.Load(link));

        Assert.Contains("is a symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_readable_by_others_is_refused_with_the_chmod_to_run()
    {
        var path = TestFiles.Write(directory, "open.conf", Valid, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayConfigParser.Load(path));

        Assert.Contains("mode 0604", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 0600 {path}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_owned_by_another_user_is_refused()
    {
        var path = TestFiles.Write(directory, "user.conf", Valid);
        var chown = await Shell.RunAsync("chown", ["qrunuser", path]);
        Assert.Equal(0, chown.ExitCode);

        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayConfigParser.Load(path));

        Assert.Contains($"owned by uid {MungeFor.Uid("qrunuser")}, not root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounting_keys_default_to_usage_in_AdminComment_and_no_license_sync()
    {
        var defaults = GatewayConfigParser.Load(TestFiles.Write(directory, "d.conf", Valid));
        var set = GatewayConfigParser.Load(TestFiles.Write(directory, "s.conf",
            "license_sync=local\nlicense_server=site1\nlicense_sync_secs=30\nusage_admin_comment=no\nsacct=/opt/slurm/bin/sacct\n" + Valid));

        Assert.Equal((LicenseSyncMode.None, "qrun", TimeSpan.FromSeconds(15), true, "/usr/bin/sacctmgr"),
            (defaults.LicenseSync, defaults.LicenseServer, defaults.LicenseSyncInterval, defaults.UsageToAdminComment, defaults.SacctmgrPath));
        Assert.Equal((LicenseSyncMode.Local, "site1", TimeSpan.FromSeconds(30), false, "/opt/slurm/bin/sacct"),
            (set.LicenseSync, set.LicenseServer, set.LicenseSyncInterval, set.UsageToAdminComment, set.SacctPath));
    }

    [Fact]
    public void Problems_name_the_line_and_key_and_never_a_value()
    {
        var text = Valid.Replace("slurm_timeout_secs=7", "slurm_timeout_secs=forever\nAKIA-PASTED-SECRET-LINE\nbogus_key=x", StringComparison.Ordinal)
            .Replace("appid_client_id=demo", "appid_client_id=demo\nappid_client_id=again", StringComparison.Ordinal);

        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayConfigParser.Parse("/etc/qrun-gateway/gateway.conf", System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Contains("slurm_timeout_secs=forever is not a whole number from 1 to 300", error.Message, StringComparison.Ordinal);
        Assert.Contains("bogus_key", error.Message, StringComparison.Ordinal);
        Assert.Contains("appid_client_id", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA-PASTED-SECRET-LINE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret-value-1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-value-2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backends=", "backends= is missing")]
    [InlineData("database=mysql://x", "database= must be sqlite:/ABSOLUTE/PATH or postgresql:CONNECTION-STRING")]
    [InlineData("listen=ftp://x", "listen= 'ftp://x' is not an http:// or https:// URL")]
    [InlineData("scontrol=scontrol", "scontrol must be an absolute path")]
    [InlineData("license_sync=yes", "license_sync=yes is not one of: none, slurmdbd, local")]
    [InlineData("usage_admin_comment=1", "usage_admin_comment=1 is not one of: yes, no")]
    [InlineData("license_server=a@b", "license_server=a@b is not one of")]
    [InlineData("sacctmgr=sacctmgr", "sacctmgr must be an absolute path")]
    public void Bad_gateway_values_are_named(string line, string expected)
    {
        var key = line[..line.IndexOf('=', StringComparison.Ordinal)];
        var lines = Valid.Split('\n').Where(l => !l.StartsWith(key + "=", StringComparison.Ordinal)).Prepend(line);

        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayConfigParser.Parse("/g.conf", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_key_inside_a_backend_section_is_refused()
    {
        var error = Assert.Throws<GatewayConfigurationException>(() =>
            GatewayConfigParser.Parse("/g.conf", System.Text.Encoding.UTF8.GetBytes(Valid + "\nlisten=http://0.0.0.0:1")));

        Assert.Contains("write it before the first [backend] section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_binary_refuses_a_bad_file_with_exit_2_and_the_message()
    {
        var path = TestFiles.Write(directory, "open.conf", Valid, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var dll = Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Gateway", "debug", "qrun-gateway.dll");

        var result = await Shell.RunAsync("dotnet", [dll, "--config", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("qrun-gateway: the configuration file", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("readable or writable by group or others", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
