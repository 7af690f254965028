using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>The shipped etc/job_submit.lua, in slurmctld: every job that asks for a backend gets its license.</summary>
[Collection(SlurmCollection.Name)]
public sealed class JobSubmitLicenseTests : IAsyncLifetime
{
    private readonly List<string> _jobs = [];

    public async Task InitializeAsync()
    {
        await QpuLicenses.RequireAsync();
        Plugstack.ConfigureTestSite();
    }

    public async Task DisposeAsync()
    {
        if (_jobs.Count > 0)
            await Shell.RunAsync("scancel", [.. _jobs]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("qrunuser")]
    public async Task JobWithoutALicense_GetsTheBackendsLicenseAndBinding(string? user)
    {
        var job = await SubmitHeldAsync(user, $"--q-backend={QpuLicenses.Backend}");

        Assert.Equal($"{QpuLicenses.LicenseOf(QpuLicenses.Backend)}:1", await QpuLicenses.JobFieldAsync(job, "Licenses"));
        Assert.Equal("{\"qrun\":{\"backend\":\"" + QpuLicenses.Backend + "\"}}", await QpuLicenses.JobFieldAsync(job, "AdminComment"));
    }

    [Fact]
    public async Task JobWithoutBackend_GetsNoLicense()
    {
        var job = await SubmitHeldAsync(null);

        Assert.Equal("(null)", await QpuLicenses.JobFieldAsync(job, "Licenses"));
    }

    [Fact]
    public async Task QpuLicenseAskedByHand_IsRefusedAtSubmitTime_NamingTheFix()
    {
        var withBackend = await Shell.RunAsync("runuser",
            ["-u", "qrunuser", "--", "sbatch", "--hold", "-o", "/dev/null", $"--q-backend={QpuLicenses.Backend}", $"--licenses={QpuLicenses.LicenseOf(QpuLicenses.Backend)}:3", "--wrap", "true"]);
        var withoutBackend = await Shell.RunAsync("runuser",
            ["-u", "qrunuser", "--", "sbatch", "--hold", "-o", "/dev/null", $"--licenses={QpuLicenses.LicenseOf(QpuLicenses.OtherBackend)}", "--wrap", "true"]);

        Assert.NotEqual(0, withBackend.ExitCode);
        Assert.Contains($"the QPU license is given by --q-backend (this job gets {QpuLicenses.LicenseOf(QpuLicenses.Backend)}:1)", withBackend.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, withoutBackend.ExitCode);
        Assert.Contains("given only to jobs submitted with --q-backend=NAME", withoutBackend.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserCannotDropOrChangeTheLicenseOfAPendingJob()
    {
        var job = await SubmitHeldAsync("qrunuser", $"--q-backend={QpuLicenses.Backend}");

        var update = await Shell.RunAsync("runuser", ["-u", "qrunuser", "--", "scontrol", "update", $"JobId={job}", "Licenses=(null)"]);
        var adminComment = await Shell.RunAsync("runuser", ["-u", "qrunuser", "--", "scontrol", "update", $"JobId={job}", "AdminComment=x"]);

        Assert.NotEqual(0, update.ExitCode);
        Assert.NotEqual(0, adminComment.ExitCode);
        Assert.Equal($"{QpuLicenses.LicenseOf(QpuLicenses.Backend)}:1", await QpuLicenses.JobFieldAsync(job, "Licenses"));
    }

    private async Task<string> SubmitHeldAsync(string? user, params string[] options)
    {
        string[] sbatch = ["sbatch", "--hold", "--parsable", "-o", "/dev/null", .. options, "--wrap", "true"];
        var result = user is null
            ? await Shell.RunAsync(sbatch[0], sbatch[1..])
            : await Shell.RunAsync("runuser", ["-u", user, "--", .. sbatch]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var job = result.Stdout.Trim().Split(';')[0];
        _jobs.Add(job);
        return job;
    }
}
