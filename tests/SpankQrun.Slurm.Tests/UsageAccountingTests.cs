using System.Diagnostics;
using System.Text.Json;
using SpankQrun.Accounting.Usage;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;
using ProcessCommandRunner = SpankQrun.Accounting.Slurm.ProcessCommandRunner;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// A finished job's QPU usage in Slurm's own record: AdminComment written after the job (as the gateway does at
/// job end), read back with sacct, per user and account; the license use in AllocTRES.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class UsageAccountingTests : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await QpuLicenses.RequireAsync();
        Plugstack.ConfigureTestSite();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UsageWrittenWhileTheJobRuns_IsExactlyWhatSacctShows_SeparatelyForTwoUsersAndAccounts()
    {
        var first = await SubmitAsync("qrunuser", "sleep 6");
        var second = await SubmitAsync("qrunuser2", "sleep 6");
        await WaitUntilRunningAsync(first);
        await WaitUntilRunningAsync(second);
        var log = new List<string>();
        var writer = new SlurmAdminCommentWriter(new ProcessCommandRunner(), log.Add);
        DirectAccessJobUsage[] firstUsage = [new("0f9c-1", "0", "Completed", null, 1_234_567_891), new("0f9c-2", "1", "Cancelled", null, 17)];
        DirectAccessJobUsage[] secondUsage = [new("77aa-1", "0", "Failed", "1517", 5)];

        Assert.True(await writer.WriteAsync(first, QpuLicenses.Backend, firstUsage, CancellationToken.None), string.Join('\n', log));
        Assert.True(await writer.WriteAsync(second, QpuLicenses.Backend, secondUsage, CancellationToken.None), string.Join('\n', log));

        var firstRecord = await QpuLicenses.WaitForFinalRecordAsync(first, "JobID,User,Account,AdminComment,AllocTRES", TimeSpan.FromSeconds(60));
        var secondRecord = await QpuLicenses.WaitForFinalRecordAsync(second, "JobID,User,Account,AdminComment,AllocTRES", TimeSpan.FromSeconds(60));
        Assert.Equal([first, "qrunuser", "physics"], firstRecord[..3]);
        Assert.Equal([second, "qrunuser2", "chemistry"], secondRecord[..3]);
        Assert.Equal(AdminCommentDocument.Build(QpuLicenses.Backend, firstUsage), firstRecord[3]);
        Assert.Equal(AdminCommentDocument.Build(QpuLicenses.Backend, secondUsage), secondRecord[3]);
        Assert.Equal(1_234_567_908, Nanoseconds(firstRecord[3]));
        Assert.Equal(5, Nanoseconds(secondRecord[3]));
        Assert.Contains($"license/{QpuLicenses.LicenseOf(QpuLicenses.Backend)}=1", firstRecord[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageWrittenWhileTheJobRuns_ThroughTheGatewaysLastingHelper_IsExactlyWhatSacctShows_AndSlurmsRefusalIsAnswered()
    {
        // The finished job first, so that the running ones still run when the updates reach slurmctld.
        var ended = await RunJobAsync("qrunuser");
        var first = await SubmitAsync("qrunuser", "sleep 6");
        var second = await SubmitAsync("qrunuser2", "sleep 6");
        await WaitUntilRunningAsync(first);
        await WaitUntilRunningAsync(second);
        DirectAccessJobUsage[] firstUsage = [new("0f9c-1", "0", "Completed", null, 1_234_567_891), new("0f9c-2 'x'", "1", "Cancelled", null, 17)];
        DirectAccessJobUsage[] secondUsage = [new("77aa-1", "0", "Failed", "1517", 5)];
        var firstDocument = AdminCommentDocument.Build(QpuLicenses.Backend, firstUsage);
        var secondDocument = AdminCommentDocument.Build(QpuLicenses.Backend, secondUsage);

        // One child process serves every update, as the gateway runs it: a request a line, an answer a line.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { GatewaySite.GatewayDll, "admin-comment-helper" })
            start.ArgumentList.Add(argument);
        using var helper = Process.Start(start)!;
        var stderr = helper.StandardError.ReadToEndAsync();
        await helper.StandardInput.WriteAsync($"{first} {firstDocument}\n{second} {secondDocument}\n{ended} {secondDocument}\n");
        helper.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answers = (await helper.StandardOutput.ReadToEndAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await helper.WaitForExitAsync(timeout.Token);

        Assert.True(helper.ExitCode == 0, await stderr);
        Assert.Equal(["ok", "ok", "error Job has already finished"], answers);
        var firstRecord = await QpuLicenses.WaitForFinalRecordAsync(first, "JobID,User,AdminComment", TimeSpan.FromSeconds(60));
        var secondRecord = await QpuLicenses.WaitForFinalRecordAsync(second, "JobID,User,AdminComment", TimeSpan.FromSeconds(60));
        Assert.Equal([first, "qrunuser", firstDocument], firstRecord[..3]);
        Assert.Equal([second, "qrunuser2", secondDocument], secondRecord[..3]);
        Assert.DoesNotContain("77aa-1", (await QpuLicenses.SacctAsync(ended, "AdminComment"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageWrittenAfterTheJobEnded_ReachesTheDatabaseRecord_AsExactJson()
    {
        var job = await SubmitAsync("qrunuser", "true");
        await QpuLicenses.WaitForFinalRecordAsync(job, "State", TimeSpan.FromSeconds(60));
        // Quotes, a backslash escape and upper case: what sacctmgr's strip_quotes() would have changed.
        DirectAccessJobUsage[] usage = [new("5E1D-1 'x'", "0", "Cancelled", null, 987_654_321)];
        var log = new List<string>();
        var writer = new SlurmAdminCommentWriter(new ProcessCommandRunner(), log.Add, ["dotnet", GatewaySite.GatewayDll, "write-admin-comment"]);

        Assert.True(await writer.WriteAsync(job, QpuLicenses.Backend, usage, CancellationToken.None), string.Join('\n', log));

        var stored = (await QpuLicenses.SacctAsync(job, "AdminComment"))[0];
        Assert.Equal(AdminCommentDocument.Build(QpuLicenses.Backend, usage), stored);
        Assert.Equal(987_654_321, Nanoseconds(stored));
    }

    [Fact]
    public async Task AUserCannotWriteTheirOwnAdminComment()
    {
        var job = await RunJobAsync("qrunuser");

        var byUser = await Shell.RunAsync("runuser", ["-u", "qrunuser", "--", "sacctmgr", "-i", "modify", "job", "where", $"jobid={job}", "set", "AdminComment={\"qrun\":{\"quantum_nanoseconds\":0}}"]);

        Assert.NotEqual("{\"qrun\":{\"quantum_nanoseconds\":0}}", (await QpuLicenses.SacctAsync(job, "AdminComment"))[0]);
        Assert.True(byUser.ExitCode != 0 || byUser.Stdout.Contains("Nothing modified", StringComparison.OrdinalIgnoreCase) || byUser.Stderr.Length > 0, byUser.ToString());
    }

    private static long Nanoseconds(string adminComment)
    {
        using var json = JsonDocument.Parse(adminComment);
        return json.RootElement.GetProperty("qrun").GetProperty("quantum_nanoseconds").GetInt64();
    }

    private static async Task<string> RunJobAsync(string user)
    {
        var job = await SubmitAsync(user, "true");
        await QpuLicenses.WaitForFinalRecordAsync(job, "State", TimeSpan.FromSeconds(60));
        return job;
    }

    private static async Task<string> SubmitAsync(string user, string command)
    {
        var result = await Shell.RunAsync("runuser",
            ["-u", user, "--", "sbatch", "--parsable", "-o", "/dev/null", "-D", "/tmp", $"--q-backend={QpuLicenses.Backend}", "--wrap", command], TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim().Split(';')[0];
    }

    private static async Task WaitUntilRunningAsync(string job)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await QpuLicenses.StateAndReasonAsync(job)).StartsWith("RUNNING", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {job} did not start within 30 s");
            await Task.Delay(200);
        }
    }
}
