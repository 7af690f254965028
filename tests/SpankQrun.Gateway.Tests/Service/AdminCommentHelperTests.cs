using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SpankQrun.Accounting.Slurm;
using SpankQrun.Accounting.Usage;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>
/// The gateway's lasting AdminComment child: its line protocol, and what the gateway does when the child answers,
/// errs, dies, hangs or talks nonsense (children here are small shell scripts; the real child against slurmctld is
/// tested in SpankQrun.Slurm.Tests).
/// </summary>
public sealed class AdminCommentHelperTests : IDisposable
{
    private readonly CapturedLog log = new();
    private readonly ILoggerFactory loggers;
    private readonly RecordingFallback fallback = new();

    public AdminCommentHelperTests() => loggers = LoggerFactory.Create(b => b.AddProvider(log));

    public void Dispose() => loggers.Dispose();

    [Theory]
    [InlineData("12a", "{}")]
    [InlineData("", "{}")]
    [InlineData("-1", "{}")]
    [InlineData("42", "")]
    [InlineData("42", "{\"a\":\"x\ny\"}")]
    [InlineData("42", "{\"a\":\"x\ry\"}")]
    public void A_request_that_cannot_travel_on_one_line_is_not_made(string jobId, string document) =>
        Assert.Null(AdminCommentHelperCommand.Request(jobId, document));

    [Fact]
    public void A_request_is_the_job_id_a_space_and_the_document_on_one_line() =>
        Assert.Equal("42 {\"qrun\":{}}\n", AdminCommentHelperCommand.Request("42", "{\"qrun\":{}}"));

    [Fact]
    public async Task The_command_answers_each_line_and_refuses_an_unreadable_or_overlong_one_without_writing_it()
    {
        var written = new List<(string, string)>();
        var input = new StringReader(string.Join('\n',
            "42 {\"a\":1}",
            "nospace",
            "43 " + new string('x', AdminCommentHelperCommand.MaxRequestChars),
            "44 {\"b\":2}") + "\n");
        var output = new StringWriter();

        var code = await AdminCommentHelperCommand.RunAsync(input, output, (job, document) =>
        {
            written.Add((job, document));
            return job == "44" ? "Job has already finished" : null;
        }, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal([("42", "{\"a\":1}"), ("44", "{\"b\":2}")], written);
        var answers = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ok", answers[0]);
        Assert.Equal("error " + GatewayMessages.AdminCommentHelperRequestUnreadable, answers[1]);
        Assert.StartsWith("error the AdminComment document on standard input is longer than", answers[2], StringComparison.Ordinal);
        Assert.Equal("error Job has already finished", answers[3]);
        Assert.Equal(4, answers.Length);
    }

    [Fact]
    public async Task A_line_past_the_bound_is_kept_only_to_the_bound_plus_one()
    {
        var line = await AdminCommentHelperCommand.ReadLineAsync(new StringReader(new string('y', 10_000) + "\nnext\n"), 100, CancellationToken.None);
        Assert.Equal(101, line!.Length);
    }

    [Fact]
    public async Task A_working_child_answers_every_update_and_scontrol_is_not_run()
    {
        // Answers "ok" to job 42, and libslurm's kind of error to anything else.
        using var helper = Helper("""while read -r job doc; do if [ "$job" = 42 ]; then echo ok; else echo "error Invalid job id specified"; fi; done""");

        var first = await helper.SetAsync("42", "{\"qrun\":{}}", CancellationToken.None);
        var pid = helper.ChildProcessId;
        var second = await helper.SetAsync("7", "{\"qrun\":{}}", CancellationToken.None);

        Assert.True(first.Succeeded, first.Describe());
        Assert.False(second.Succeeded);
        Assert.Equal("Invalid job id specified", second.Stderr);
        Assert.Empty(fallback.Calls);
        // The same child served both.
        Assert.NotNull(pid);
        Assert.Equal(pid, helper.ChildProcessId);
    }

    [Theory]
    [InlineData("read -r line; exit 3", "ended")]
    [InlineData("read -r line; echo 'segmentation fault'", "answered something else than ok or error")]
    public async Task A_child_that_dies_or_talks_nonsense_is_stopped_and_scontrol_serves_until_the_restart_delay_has_passed(string script, string said)
    {
        using var helper = Helper(script);

        var first = await helper.SetAsync("42", "{\"a\":1}", CancellationToken.None);
        var second = await helper.SetAsync("43", "{\"a\":2}", CancellationToken.None);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(["42 {\"a\":1}", "43 {\"a\":2}"], fallback.Calls);
        Assert.Null(helper.ChildProcessId);
        // Said once: the second update did not start another child.
        var warning = Assert.Single(log.Lines, l => l.Contains("AdminComment helper (admin-comment-helper)", StringComparison.Ordinal));
        Assert.Contains(said, warning, StringComparison.Ordinal);
        Assert.Contains("scontrol is used instead", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_that_cannot_start_leaves_the_update_to_scontrol()
    {
        using var helper = new AdminCommentHelper(new GatewaySettings(), fallback, loggers.CreateLogger<AdminCommentHelper>(), ["/nonexistent/qrun-gateway", AdminCommentHelperCommand.Name]);

        var result = await helper.SetAsync("42", "{}", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["42 {}"], fallback.Calls);
        Assert.Contains(log.Lines, l => l.Contains("could not start", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_child_that_never_answers_is_killed_at_the_slurm_timeout_and_the_update_is_reported_failed()
    {
        using var helper = new AdminCommentHelper(new GatewaySettings { SlurmTimeout = TimeSpan.FromSeconds(1) }, fallback,
            loggers.CreateLogger<AdminCommentHelper>(), ["/bin/sh", "-c", "exec sleep 600"]);
        await helper.StartAsync(CancellationToken.None);
        var pid = helper.ChildProcessId!.Value;
        var watch = Stopwatch.StartNew();

        var result = await helper.SetAsync("42", "{}", CancellationToken.None);

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
        Assert.Equal(124, result.ExitCode);
        Assert.Contains("did not answer the AdminComment update within 1 s", result.Stderr, StringComparison.Ordinal);
        // slurmctld not answering: scontrol would wait as long, so it is not tried.
        Assert.Empty(fallback.Calls);
        Assert.Null(helper.ChildProcessId);
        Assert.True(Exited(pid), $"child {pid} still runs");
    }

    [Fact]
    public async Task An_update_cancelled_while_the_child_is_asked_stops_that_child_so_no_later_update_reads_its_answer()
    {
        using var helper = Helper("exec sleep 600");
        await helper.StartAsync(CancellationToken.None);
        var pid = helper.ChildProcessId!.Value;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => helper.SetAsync("42", "{}", cancel.Token));

        Assert.Null(helper.ChildProcessId);
        Assert.True(Exited(pid), $"child {pid} still runs");
        Assert.Empty(fallback.Calls);
    }

    [Fact]
    public async Task Stopping_the_gateway_ends_the_child_and_later_updates_go_through_scontrol()
    {
        using var helper = Helper("while read -r line; do echo ok; done");
        await helper.StartAsync(CancellationToken.None);
        var pid = helper.ChildProcessId!.Value;

        await helper.StopAsync(CancellationToken.None);

        Assert.Null(helper.ChildProcessId);
        Assert.True(Exited(pid), $"child {pid} still runs");
        // The updates the gateway's stop still waits for go through scontrol; no child is started again.
        Assert.True((await helper.SetAsync("42", "{}", CancellationToken.None)).Succeeded);
        Assert.Equal(["42 {}"], fallback.Calls);
        Assert.Null(helper.ChildProcessId);
    }

    private AdminCommentHelper Helper(string script) =>
        new(new GatewaySettings { SlurmTimeout = TimeSpan.FromSeconds(20) }, fallback, loggers.CreateLogger<AdminCommentHelper>(), ["/bin/sh", "-c", script]);

    private static bool Exited(int pid)
    {
        // Reaped by Process (WaitForExit/Dispose); a zombie's /proc entry says state Z.
        for (var i = 0; i < 50; i++)
        {
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status) || File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal))
                return true;
            Thread.Sleep(100);
        }

        return false;
    }

    private sealed class RecordingFallback : IRunningJobAdminComment
    {
        public List<string> Calls { get; } = [];

        public Task<CommandResult> SetAsync(string slurmJobId, string document, CancellationToken cancellationToken)
        {
            lock (Calls)
                Calls.Add(slurmJobId + " " + document);
            return Task.FromResult(new CommandResult(0, string.Empty, string.Empty));
        }
    }
}
