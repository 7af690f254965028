using System.Text.Json;
using SpankQrun.Accounting.Slurm;
using SpankQrun.Accounting.Usage;
using Xunit;

namespace SpankQrun.Accounting.Tests;

public sealed class AdminCommentDocumentTests
{
    [Fact]
    public void Build_KeepsTheBackend_SumsNanoseconds_AndListsEachJob()
    {
        var text = AdminCommentDocument.Build("fake_brisbane",
        [
            new("b-2", "1", "Failed", "1517", 20),
            new("a-1", "0", "Completed", null, 1_234_567_890_123),
            new("c-3", "2", "Cancelled", null, null),
        ]);

        using var json = JsonDocument.Parse(text);
        var qrun = json.RootElement.GetProperty("qrun");
        Assert.Equal("fake_brisbane", qrun.GetProperty("backend").GetString());
        Assert.Equal(1_234_567_890_143, qrun.GetProperty("quantum_nanoseconds").GetInt64());
        var jobs = qrun.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(["a-1", "b-2", "c-3"], jobs.Select(j => j.GetProperty("id").GetString()));
        Assert.Equal("1517", jobs[1].GetProperty("reason_code").GetString());
        Assert.Equal(JsonValueKind.Null, jobs[2].GetProperty("quantum_nanoseconds").ValueKind);
        Assert.DoesNotContain(' ', text);
    }

    [Fact]
    public void Build_ManyJobs_ListsABoundedNumber_ButCountsThemAll()
    {
        var jobs = Enumerable.Range(0, 1000).Select(i => new DirectAccessJobUsage($"id-{i:D4}", "0", "Completed", null, 1)).ToList();

        using var json = JsonDocument.Parse(AdminCommentDocument.Build("b", jobs));

        var qrun = json.RootElement.GetProperty("qrun");
        Assert.Equal(1000, qrun.GetProperty("quantum_nanoseconds").GetInt64());
        Assert.Equal(AdminCommentDocument.MaxListedJobs, qrun.GetProperty("jobs").GetArrayLength());
        Assert.Equal(1000 - AdminCommentDocument.MaxListedJobs, qrun.GetProperty("jobs_omitted").GetInt32());
    }

    [Fact]
    public void Build_EscapesWhatCouldBreakOutOfTheJson()
    {
        var text = AdminCommentDocument.Build("b", [new("x\"}, \"qrun\": 1", "0", "Failed", "a b", 1)]);

        using var json = JsonDocument.Parse(text);
        Assert.Equal("x\"}, \"qrun\": 1", json.RootElement.GetProperty("qrun").GetProperty("jobs")[0].GetProperty("id").GetString());
        Assert.DoesNotContain(' ', text);
    }

    [Fact]
    public async Task Writer_RunningJob_UpdatesSlurmctldOnly()
    {
        var runner = new RecordingRunner();
        var log = new List<string>();

        var written = await new SlurmAdminCommentWriter(runner, log.Add).WriteAsync("42", "fake_cairo", [new("a", "0", "Completed", null, 7)], CancellationToken.None);

        Assert.True(written);
        var call = Assert.Single(runner.Calls);
        Assert.Equal(("scontrol", "JobId=42"), (call.Program, call.Arguments[1]));
        Assert.StartsWith("AdminComment={\"qrun\":{\"backend\":\"fake_cairo\"", call.Arguments[2], StringComparison.Ordinal);
        Assert.Contains("7 quantum ns", Assert.Single(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_FinishedJob_GivesTheDocumentToTheDatabaseWriterOnStdin_NeverOnItsCommandLine()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(1, string.Empty, "Job has already finished for job 42"));

        var written = await new SlurmAdminCommentWriter(runner, _ => { }, ["/opt/qrun-gateway", "write-admin-comment"])
            .WriteAsync("42", "b", [new("a", "0", "Completed", null, 7)], CancellationToken.None);

        Assert.True(written);
        Assert.Equal(2, runner.Calls.Count);
        Assert.Equal("/opt/qrun-gateway", runner.Calls[1].Program);
        Assert.Equal(["write-admin-comment", "42"], runner.Calls[1].Arguments);
        Assert.Equal(AdminCommentDocument.Build("b", [new("a", "0", "Completed", null, 7)]), runner.Inputs[1]);
        Assert.DoesNotContain(runner.Calls, c => c.Program.Contains("sacctmgr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_FinishedJob_WithoutSlurmdbd_StopsAfterScontrol()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(1, string.Empty, "Job has already finished for job 42"));

        var written = await new SlurmAdminCommentWriter(runner, _ => { }).WriteAsync("42", "b", [new("a", "0", "Completed", null, 7)], CancellationToken.None);

        Assert.False(written);
        Assert.Single(runner.Calls);
    }

    [Fact]
    public async Task Writer_BothFailing_ReportsAndReturnsFalse()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(1, string.Empty, "slurm_update error: Invalid job id specified"));
        runner.Results.Enqueue(new CommandResult(4, string.Empty, "slurmdb: connecting to slurmdbd failed: Problem talking to the database"));
        var log = new List<string>();

        var written = await new SlurmAdminCommentWriter(runner, log.Add, ["qrun-gateway", "write-admin-comment"]).WriteAsync("42", "b", [], CancellationToken.None);

        Assert.False(written);
        Assert.Contains("Problem talking to the database", Assert.Single(log), StringComparison.Ordinal);
    }
}
