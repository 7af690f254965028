using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Store;
using SpankQrun.Gateway.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Slurm;

/// <summary>
/// The gateway against the real Slurm cluster (two non-root users), the emulator over HTTP and s3rver. Run inside
/// <c>flock /tmp/spank-qrun-cluster.lock</c> with the cluster up (scripts/slurm-cluster.sh up --no-plugin).
/// </summary>
[Trait("Category", "Slurm")]
public sealed class GatewaySlurmTests(SharedGateway shared) : IClassFixture<SharedGateway>, IAsyncLifetime
{
    private static readonly TimeSpan NothingLeftBehind = TimeSpan.FromSeconds(60);
    private readonly GatewayEnvironment environment = shared.Environment;
    private readonly RunningGateway gateway = shared.Gateway;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => SlurmJobs.CancelAllOfTestUsersAsync();

    [Fact]
    public async Task A_job_runs_through_the_gateway_and_its_owner_reads_the_results_and_usage()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = gateway.As("qrunuser");

        var submitted = await user.RunAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput);
        var final = await user.WaitFinalAsync(submitted.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(GatewayJobStatus.Completed, final.Status);
        Assert.Equal(slurmJob, final.SlurmJobId);
        Assert.NotNull(final.Usage);
        Assert.True(final.Usage!.QuantumNanoseconds > 0);
        var results = await GatewayClient.DownloadAsync(final.ResultsUrl!);
        Assert.Contains("\"results\"", results, StringComparison.Ordinal);
        Assert.NotNull(final.LogsUrl);
        var record = (await gateway.Services.GetRequiredService<GatewayStore>().FindAsync(final.Id, default))!;
        Assert.Equal("qrunuser", record.UserName);
        Assert.Equal(MungeFor.Uid("qrunuser"), record.Uid);
        Assert.Equal(TestFiles.SamplerInput.Length, record.InputBytes);

        using var delete = await user.SendAsync(HttpMethod.Delete, GatewayPaths.Job(final.Id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        // Gone for its owner at once; the Direct Access job and the objects are removed right after the answer.
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(final.Id)).Status);
        var store = gateway.Services.GetRequiredService<GatewayStore>();
        await WaitUntilAsync(async () => (await store.FindAsync(final.Id, default))!.DeletedTime is not null, NothingLeftBehind);
        // The results' size is read as they are removed, not on the status answer qrun waits for.
        Assert.Equal(Encoding.UTF8.GetByteCount(results), (await store.FindAsync(final.Id, default))!.ResultsBytes);
        Assert.False(await EmulatorKnowsAsync(final.Id));
        // Its own objects: other tests' jobs may still have theirs until their Slurm jobs' cleanup.
        Assert.DoesNotContain(await environment.S3.ListObjectKeysAsync(GatewayEnvironment.Bucket), key => key.Contains(final.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_DELETE_is_answered_although_the_removal_after_it_fails_and_the_job_is_removed_once_its_Slurm_job_ends()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var job = await gateway.As("qrunuser").RunAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput);
        Assert.Equal(GatewayJobStatus.Completed, (await gateway.As("qrunuser").WaitFinalAsync(job.Id, TimeSpan.FromSeconds(60))).Status);
        // A second instance on the same database whose Direct Access endpoint refuses connections takes the DELETE.
        var refused = environment.ConfigText().Replace($"daapi_endpoint={environment.Emulator.Endpoint}", "daapi_endpoint=http://127.0.0.1:1", StringComparison.Ordinal);
        Assert.Contains("daapi_endpoint=http://127.0.0.1:1", refused, StringComparison.Ordinal);
        await using (var broken = await environment.StartGatewayAsync(refused))
        {
            using var delete = await broken.As("qrunuser").SendAsync(HttpMethod.Delete, GatewayPaths.Job(job.Id));

            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            await WaitUntilAsync(() => Task.FromResult(broken.Log.Lines.Any(l => l.Contains($"job {job.Id}", StringComparison.Ordinal)
                && l.Contains("removing its Direct Access job and objects failed", StringComparison.Ordinal))), TimeSpan.FromSeconds(30));
        }

        var store = gateway.Services.GetRequiredService<GatewayStore>();
        Assert.Null((await store.FindAsync(job.Id, default))!.DeletedTime);
        Assert.True(await EmulatorKnowsAsync(job.Id));

        // The broken instance has stopped (it would keep the ended Slurm job's cleanup claimed); the other one cleans up.
        await SlurmJobs.CancelAsync(slurmJob);
        await WaitUntilAsync(async () => !await EmulatorKnowsAsync(job.Id) && (await store.FindAsync(job.Id, default))!.DeletedTime is not null, NothingLeftBehind);
        Assert.DoesNotContain(await environment.S3.ListObjectKeysAsync(GatewayEnvironment.Bucket), key => key.Contains(job.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_jobs_and_another_users_job_id_is_not_found()
    {
        var first = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var second = await SlurmJobs.SubmitRunningAsync("qrunuser2", "fake_brisbane");
        var owner = gateway.As("qrunuser");
        var other = gateway.As("qrunuser2");
        var job = await owner.RunAsync(first, "fake_brisbane", TestFiles.SamplerInput);
        var final = await owner.WaitFinalAsync(job.Id, TimeSpan.FromSeconds(60));

        var (getStatus, _, getText) = await other.GetAsync(job.Id);
        using var cancel = await other.SendAsync(HttpMethod.Post, GatewayPaths.Cancel(job.Id));
        using var delete = await other.SendAsync(HttpMethod.Delete, GatewayPaths.Job(job.Id));
        using var list = await other.SendAsync(HttpMethod.Get, GatewayPaths.Jobs);
        using var intoOthersSlurmJob = await other.SendAsync(HttpMethod.Post, GatewayPaths.Jobs, new CreateJobRequest
        {
            SlurmJobId = first,
            Backend = "fake_brisbane",
            ProgramId = "sampler",
            InputBytes = 10,
        });
        var listText = await list.Content.ReadAsStringAsync();
        var othersOwn = await other.RunAsync(second, "fake_brisbane", TestFiles.SamplerInput);

        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal($"job {job.Id} not found", ErrorText.Message(getText));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.DoesNotContain(job.Id, listText, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz", listText, StringComparison.OrdinalIgnoreCase);
        var refusal = await intoOthersSlurmJob.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, intoOthersSlurmJob.StatusCode);
        Assert.Contains($"does not belong to uid {MungeFor.Uid("qrunuser2")}", ErrorText.Message(refusal), StringComparison.Ordinal);
        Assert.Contains("-> 403", Assert.Single(gateway.Log.Lines, l => l.Contains(ErrorText.Trace(refusal), StringComparison.Ordinal)), StringComparison.Ordinal);
        var ownersView = await owner.GetAsync(job.Id);
        Assert.Equal(HttpStatusCode.OK, ownersView.Status);
        Assert.Contains(job.Id, final.ResultsUrl!, StringComparison.Ordinal);
        var othersView = await other.WaitFinalAsync(othersOwn.Id, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(job.Id, othersView.ResultsUrl!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_with_another_backend_or_a_job_without_binding_is_refused_with_a_clear_message()
    {
        var bound = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var unbound = await SlurmJobs.SubmitRunningAsync("qrunuser", null);
        var user = gateway.As("qrunuser");

        using var wrong = await user.SendAsync(HttpMethod.Post, GatewayPaths.Jobs, new CreateJobRequest
        {
            SlurmJobId = bound,
            Backend = "slow_brisbane",
            ProgramId = "sampler",
            InputBytes = 10,
        });
        using var none = await user.SendAsync(HttpMethod.Post, GatewayPaths.Jobs, new CreateJobRequest
        {
            SlurmJobId = unbound,
            Backend = "fake_brisbane",
            ProgramId = "sampler",
            InputBytes = 10,
        });

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(
            $"Slurm job {bound} was submitted for backend fake_brisbane; --q-backend=slow_brisbane in a step is not allowed: submit a job with --q-backend=slow_brisbane",
            ErrorText.Message(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Contains("was not submitted with --q-backend", ErrorText.Message(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_creation_answers_the_Slurm_jobs_end_time_as_Slurm_has_it_or_none_without_a_limit()
    {
        var limited = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var unlimited = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane", timeLimit: "UNLIMITED");
        var user = gateway.As("qrunuser");

        var createdLimited = await user.CreateAsync(limited, "fake_brisbane", TestFiles.SamplerInput.Length);
        var createdUnlimited = await user.CreateAsync(unlimited, "fake_brisbane", TestFiles.SamplerInput.Length);

        // Slurm's own EndTime, asked here in seconds since the epoch.
        var endTime = await Shell.RunAsync("squeue", ["-h", "-j", limited, "-O", "EndTime"], environment: new Dictionary<string, string?> { ["SLURM_TIME_FORMAT"] = "%s" });
        var expected = DateTimeOffset.FromUnixTimeSeconds(long.Parse(endTime.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(createdLimited.SlurmTimeLimitKnown);
        Assert.Equal(expected, createdLimited.SlurmEndTime);
        Assert.InRange((createdLimited.SlurmEndTime!.Value - DateTimeOffset.UtcNow).TotalMinutes, 9, 10);
        Assert.True(createdUnlimited.SlurmTimeLimitKnown);
        Assert.Null(createdUnlimited.SlurmEndTime);
    }

    [Fact]
    public async Task A_small_input_is_created_and_submitted_in_one_request_under_the_callers_id_with_the_timeout_from_Slurm()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = gateway.As("qrunuser");
        var id = Guid.NewGuid().ToString();

        var (status, created, text) = await user.CreateInlineAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput, id);

        Assert.True(status == HttpStatusCode.Accepted, text);
        Assert.Equal((id, GatewayJobStatus.Queued, TimeoutSources.SlurmTimeLeft), (created!.Id, created.Status, created.TimeoutSource));
        Assert.Null(created.InputUploadUrl);
        // The Slurm job's 10 minutes, less the seconds since it started, plus two minutes' grace.
        Assert.InRange(created.TimeoutSecs!.Value, 660, 720);
        Assert.InRange((created.SlurmEndTime!.Value - DateTimeOffset.UtcNow).TotalSeconds + 120 - created.TimeoutSecs.Value, -3, 3);
        var final = await user.WaitFinalAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal(GatewayJobStatus.Completed, final.Status);
        Assert.Equal(created.TimeoutSecs, final.TimeoutSecs);
        Assert.Contains("\"results\"", await GatewayClient.DownloadAsync(final.ResultsUrl!), StringComparison.Ordinal);
        var record = (await gateway.Services.GetRequiredService<GatewayStore>().FindAsync(id, default))!;
        Assert.Equal(Encoding.UTF8.GetByteCount(TestFiles.SamplerInput), record.InputBytes);
        Assert.Contains(gateway.Log.Lines, l => l.Contains($"job {id} created for Slurm job {slurmJob} step 0", StringComparison.Ordinal)
            && l.Contains("inline, submitted to Direct Access with timeout", StringComparison.Ordinal));
        await DeleteAndWaitRemovedAsync(user, id);
    }

    /// <summary>Deletes a final job as qrun does, and waits until the gateway has removed it and its objects.</summary>
    private async Task DeleteAndWaitRemovedAsync(GatewayClient user, string id)
    {
        using var delete = await user.SendAsync(HttpMethod.Delete, GatewayPaths.Job(id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var store = gateway.Services.GetRequiredService<GatewayStore>();
        await WaitUntilAsync(async () => (await store.FindAsync(id, default))!.DeletedTime is not null, NothingLeftBehind);
    }

    [Fact]
    public async Task An_inline_creation_under_a_taken_id_is_409_whoever_sends_it_and_runs_nothing_more()
    {
        var first = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var second = await SlurmJobs.SubmitRunningAsync("qrunuser2", "fake_brisbane");
        var owner = gateway.As("qrunuser");
        var id = Guid.NewGuid().ToString();
        var (status, _, text) = await owner.CreateInlineAsync(first, "fake_brisbane", TestFiles.SamplerInput, id, timeoutSecs: 600);
        Assert.True(status == HttpStatusCode.Accepted, text);

        // The same request again (a retry whose first answer was lost), and another user trying the same id.
        var again = await owner.CreateInlineAsync(first, "fake_brisbane", TestFiles.SamplerInput, id, timeoutSecs: 600);
        var other = await gateway.As("qrunuser2").CreateInlineAsync(second, "fake_brisbane", TestFiles.SamplerInput, id);

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal($"job id {id} is taken: a job was created with it before", ErrorText.Message(again.Text));
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        var final = await owner.WaitFinalAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal(GatewayJobStatus.Completed, final.Status);
        Assert.Equal(first, final.SlurmJobId);
        Assert.Equal(600, final.TimeoutSecs);
        Assert.Single(gateway.Log.Lines, l => l.Contains($"job {id} created", StringComparison.Ordinal));
        using var list = await gateway.As("qrunuser2").SendAsync(HttpMethod.Get, GatewayPaths.Jobs);
        Assert.DoesNotContain(id, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await DeleteAndWaitRemovedAsync(owner, id);
    }

    [Fact]
    public async Task An_inline_creation_Direct_Access_refuses_is_refused_and_its_job_then_reads_as_failed_with_the_reason()
    {
        await using var withReserved = await environment.StartGatewayAsync(
            environment.ConfigText(backends: $"fake_brisbane,slow_brisbane,{GatewayEnvironment.ReservedBackend}"));
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", GatewayEnvironment.ReservedBackend);
        var user = withReserved.As("qrunuser");
        var id = Guid.NewGuid().ToString();

        var (status, _, text) = await user.CreateInlineAsync(slurmJob, GatewayEnvironment.ReservedBackend, TestFiles.SamplerInput, id);
        // What a client whose first answer was lost then sees: the retry is 409, and the job it reads has ended.
        var again = await user.CreateInlineAsync(slurmJob, GatewayEnvironment.ReservedBackend, TestFiles.SamplerInput, id);
        var (viewStatus, view, viewText) = await user.GetAsync(id);

        Assert.True(status == HttpStatusCode.Locked, text);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.True(viewStatus == HttpStatusCode.OK, viewText);
        Assert.Equal(GatewayJobStatus.Failed, view!.Status);
        Assert.Equal(ErrorText.Message(text), view.ReasonMessage);
        Assert.False(await EmulatorKnowsAsync(id));
        // qrun deletes such a job: its stored input goes with it.
        Assert.Contains(await environment.S3.ListObjectKeysAsync(GatewayEnvironment.Bucket), key => key.Contains(id, StringComparison.Ordinal));
        using var delete = await user.SendAsync(HttpMethod.Delete, GatewayPaths.Job(id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.DoesNotContain(await environment.S3.ListObjectKeysAsync(GatewayEnvironment.Bucket), key => key.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_attempts_of_one_inline_creation_at_once_run_one_job_and_the_other_is_409()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = gateway.As("qrunuser");

        // Twenty rounds of the two attempts at once: the second is refused while the first runs, and never stores the
        // input beside it (on s3rver, a rewrite during Direct Access's read of the input failed the job: 1401/1402).
        for (var round = 0; round < 20; round++)
        {
            var id = Guid.NewGuid().ToString();
            var attempts = await Task.WhenAll(
                user.CreateInlineAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput, id),
                user.CreateInlineAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput, id));

            Assert.True(
                attempts.Count(a => a.Status == HttpStatusCode.Accepted) == 1 && attempts.Count(a => a.Status == HttpStatusCode.Conflict) == 1,
                string.Join("\n", attempts.Select(a => $"{(int)a.Status}: {a.Text}")));
            var final = await user.WaitFinalAsync(id, TimeSpan.FromSeconds(60));
            Assert.True(final.Status == GatewayJobStatus.Completed, $"round {round}: {final.Status} {final.ReasonCode} {final.ReasonMessage}");
            await DeleteAndWaitRemovedAsync(user, id);
        }
    }

    [Fact]
    public async Task The_submit_may_carry_the_timeout_checked_like_the_creations_and_Direct_Access_gets_it()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = gateway.As("qrunuser");
        var created = await user.CreateAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput.Length);
        using (var put = await new HttpClient().PutAsync(created.InputUploadUrl, new StringContent(TestFiles.SamplerInput)))
            Assert.True(put.IsSuccessStatusCode);

        foreach (var (body, message) in new[]
        {
            ("""{"timeout_secs":86401}""", "timeout_secs is 86401: expected 1 to 86400 s"),
            ("""{"timeout_secs":0}""", "timeout_secs is 0: expected 1 to 86400 s"),
            ("""{"timeout_secs":"soon"}""", "the request body is not the expected JSON"),
        })
        {
            using var refused = await user.SendAsync(HttpMethod.Post, GatewayPaths.Submit(created.Id), body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, ErrorText.Message(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(GatewayJobStatus.Uploading, (await user.GetAsync(created.Id)).View!.Status);
        Assert.False(await EmulatorKnowsAsync(created.Id));

        using (var accepted = await user.SendAsync(HttpMethod.Post, GatewayPaths.Submit(created.Id), """{"timeout_secs":777}"""))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var final = await user.WaitFinalAsync(created.Id, TimeSpan.FromSeconds(60));

        // What Direct Access received: the service's log names the timeout it runs the job under (creation said 600).
        Assert.Equal(GatewayJobStatus.Completed, final.Status);
        var serviceLog = await new HttpClient().GetStringAsync(final.LogsUrl);
        Assert.Contains("(timeout 777 s)", serviceLog, StringComparison.Ordinal);
        Assert.Equal(777, (await gateway.Services.GetRequiredService<GatewayStore>().FindAsync(created.Id, default))!.TimeoutSecs);
        Assert.Contains(gateway.Log.Lines, l => l.Contains($"job {created.Id} submitted to Direct Access", StringComparison.Ordinal) && l.Contains("timeout 777 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Slurm_job_that_is_not_running_gets_nothing()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        await SlurmJobs.CancelAsync(slurmJob);
        await Task.Delay(TimeSpan.FromSeconds(2));

        using var response = await gateway.As("qrunuser").SendAsync(HttpMethod.Post, GatewayPaths.Jobs, new CreateJobRequest
        {
            SlurmJobId = slurmJob,
            Backend = "fake_brisbane",
            ProgramId = "sampler",
            InputBytes = 10,
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"Slurm job {slurmJob} is", ErrorText.Message(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scancelled_Slurm_job_leaves_nothing_behind_within_60_s_and_its_usage_is_recorded_once()
    {
        var observer = new RecordingObserver();
        await using var watched = await StartOwnGatewayAsync("watched.db", s => s.AddSingleton<ISlurmJobEndObserver>(observer));
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "slow_brisbane");
        var user = watched.As("qrunuser");
        var running = await user.RunAsync(slurmJob, "slow_brisbane", TestFiles.SamplerInput);
        var uploadedOnly = await user.CreateAsync(slurmJob, "slow_brisbane", 10);
        await WaitUntilAsync(async () => (await user.GetAsync(running.Id)).View?.Status == GatewayJobStatus.Running, TimeSpan.FromSeconds(30));

        await SlurmJobs.CancelAsync(slurmJob);
        var clock = Stopwatch.StartNew();
        await WaitUntilAsync(async () => !await EmulatorKnowsAsync(running.Id) && (await environment.S3.ListObjectKeysAsync(GatewayEnvironment.Bucket)).Count == 0, NothingLeftBehind);
        // The report is logged after the observer ran and the Slurm job was marked reported: past it, a pass has nothing to do.
        bool Reported() => watched.Log.Lines.Any(l => l.Contains($"Slurm job {slurmJob} ended", StringComparison.Ordinal) && l.Contains("nothing left behind", StringComparison.Ordinal));
        await WaitUntilAsync(() => Task.FromResult(Reported()), NothingLeftBehind - clock.Elapsed);

        var store = watched.Services.GetRequiredService<GatewayStore>();
        var record = (await store.FindAsync(running.Id, default))!;
        Assert.Equal(GatewayJobStatus.Cancelled, record.Status);
        Assert.NotNull(record.DeletedTime);
        Assert.NotNull(record.EndTime);
        Assert.Equal(GatewayJobStatus.Cancelled, (await store.FindAsync(uploadedOnly.Id, default))!.Status);
        var call = Assert.Single(observer.CallsFor(slurmJob));
        Assert.Equal(slurmJob, call.SlurmJobId);
        Assert.Equal(2, call.Jobs.Count);
        await watched.Watcher.PassAsync(default);
        Assert.Single(observer.CallsFor(slurmJob));
    }

    [Fact]
    public async Task The_poll_that_sees_the_end_is_answered_before_the_usage_is_written_and_the_DELETE_only_after()
    {
        var observer = new HeldJobEndObserver();
        await using var held = await StartOwnGatewayAsync("held.db", s => s.AddSingleton<IDirectAccessJobEndObserver>(observer));
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = held.As("qrunuser");

        var job = await user.RunAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput);
        var final = await user.WaitFinalAsync(job.Id, TimeSpan.FromSeconds(60));
        await observer.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GatewayJobStatus.Completed, final.Status);
        var delete = user.SendAsync(HttpMethod.Delete, GatewayPaths.Job(job.Id));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(delete.IsCompleted, "the DELETE was answered while the job's end was still being accounted");
        observer.Release.SetResult();
        using var deleted = await delete.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([job.Id], observer.Seen);
    }

    [Fact]
    public async Task A_gateway_restarted_mid_job_loses_nothing_and_still_cleans_up()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "slow_brisbane");
        string id;
        await using (var before = await environment.StartGatewayAsync())
        {
            id = (await before.As("qrunuser").RunAsync(slurmJob, "slow_brisbane", TestFiles.SamplerInput)).Id;
        }

        await using var after = await environment.StartGatewayAsync();
        var (status, view, _) = await after.As("qrunuser").GetAsync(id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(view!.Status, new[] { GatewayJobStatus.Queued, GatewayJobStatus.Running });

        await SlurmJobs.CancelAsync(slurmJob);
        // The deletion is recorded after the Direct Access job and the objects are gone: wait for both.
        var store = after.Services.GetRequiredService<GatewayStore>();
        await WaitUntilAsync(async () => !await EmulatorKnowsAsync(id) && (await store.FindAsync(id, default))!.DeletedTime is not null, NothingLeftBehind);
        Assert.DoesNotContain(await environment.S3.ListObjectKeysAsync(GatewayEnvironment.Bucket), key => key.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_PostgreSQL_two_instances_serve_one_job_and_the_password_is_never_logged()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var config = environment.ConfigText(database: "postgresql:" + postgres.ConnectionString);
        await using var first = await environment.StartGatewayAsync(config);
        await using var second = await environment.StartGatewayAsync(config);
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");

        var job = await first.As("qrunuser").RunAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput);
        var final = await second.As("qrunuser").WaitFinalAsync(job.Id, TimeSpan.FromSeconds(60));
        await SlurmJobs.CancelAsync(slurmJob);
        await WaitUntilAsync(async () => !await EmulatorKnowsAsync(job.Id), NothingLeftBehind);

        Assert.Equal(GatewayJobStatus.Completed, final.Status);
        Assert.DoesNotContain(PostgresServer.PasswordMarker, first.Log.Text + second.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_PostgreSQL_two_instances_clean_up_an_ended_Slurm_job_once_and_record_its_jobs_as_cancelled()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var config = environment.ConfigText(database: "postgresql:" + postgres.ConnectionString);
        await using var first = await environment.StartGatewayAsync(config);
        await using var second = await environment.StartGatewayAsync(config);
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "slow_brisbane");
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
            ids.Add((await (i % 2 == 0 ? first : second).As("qrunuser").RunAsync(slurmJob, "slow_brisbane", TestFiles.SamplerInput)).Id);

        await SlurmJobs.CancelAsync(slurmJob);
        await WaitUntilAsync(async () => (await Task.WhenAll(ids.Select(EmulatorKnowsAsync))).All(known => !known), NothingLeftBehind);
        string[] Lines(string text) => [.. first.Log.Lines.Concat(second.Log.Lines).Where(l => l.Contains(text, StringComparison.Ordinal))];
        await WaitUntilAsync(() => Task.FromResult(Lines($"Slurm job {slurmJob} ended").Length > 0), TimeSpan.FromSeconds(10));
        await Task.WhenAll(first.Watcher.PassAsync(default), second.Watcher.PassAsync(default));

        var store = second.Services.GetRequiredService<GatewayStore>();
        foreach (var id in ids)
        {
            var record = (await store.FindAsync(id, default))!;
            Assert.Equal(GatewayJobStatus.Cancelled, record.Status);
            Assert.NotNull(record.DeletedTime);
            Assert.Single(Lines($"job {id} of Slurm job {slurmJob} uid {record.Uid}: cancel sent"));
            Assert.Single(Lines($"job {id} of Slurm job {slurmJob} uid {record.Uid}: Cancelled; Direct Access job and objects deleted"));
        }

        Assert.Single(Lines($"Slurm job {slurmJob} ended"));
        Assert.DoesNotContain(Lines(slurmJob), l => l.Contains("-> Failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_Direct_Access_is_down_the_gateway_retries_a_bounded_number_of_times_logs_it_and_answers_503()
    {
        // Nothing listens on port 9 (discard): Direct Access is down for this gateway; S3 and Slurm are up.
        var unreachable = environment.ConfigText(database: "sqlite:" + Path.Combine(environment.Directory, "state", "down.db"))
            .Replace($"daapi_endpoint={environment.Emulator.Endpoint}", "daapi_endpoint=http://127.0.0.1:9/", StringComparison.Ordinal);
        await using var down = await environment.StartGatewayAsync(unreachable);
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = down.As("qrunuser");
        var created = await user.CreateAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput.Length);
        using (var put = await new HttpClient().PutAsync(created.InputUploadUrl, new StringContent(TestFiles.SamplerInput)))
            Assert.True(put.IsSuccessStatusCode);
        var clock = Stopwatch.StartNew();

        using var submit = await user.SendAsync(HttpMethod.Post, GatewayPaths.Submit(created.Id));

        var body = await submit.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, submit.StatusCode);
        Assert.Contains(GatewayErrorCodes.DirectAccessUnavailable, body, StringComparison.Ordinal);
        Assert.StartsWith("Direct Access could not be reached after retries", ErrorText.Message(body), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        // daapi_attempts=2 in the test configuration: one retry, logged, then the answer.
        var retries = down.Log.Lines.Where(l => l.Contains("Direct Access for backend fake_brisbane did not answer; retrying", StringComparison.Ordinal)).ToList();
        Assert.Single(retries);
        Assert.Contains($"POST {GatewayPaths.Submit(created.Id)} -> 503", Assert.Single(down.Log.Lines, l => l.Contains(ErrorText.Trace(body), StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayEnvironment.AppIdSecret, down.Log.Text + body, StringComparison.Ordinal);
        var (status, view, _) = await user.GetAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(GatewayJobStatus.Uploading, view!.Status);
    }

    [Fact]
    public async Task No_secret_token_credential_or_presigned_query_reaches_the_log()
    {
        var slurmJob = await SlurmJobs.SubmitRunningAsync("qrunuser", "fake_brisbane");
        var user = gateway.As("qrunuser");
        var job = await user.RunAsync(slurmJob, "fake_brisbane", TestFiles.SamplerInput);
        var final = await user.WaitFinalAsync(job.Id, TimeSpan.FromSeconds(60));
        using (await user.SendAsync(HttpMethod.Delete, GatewayPaths.Job(job.Id)))
        {
        }

        var log = gateway.Log.Text + environment.Emulator.Output;
        Assert.NotEmpty(gateway.Log.Lines);
        Assert.DoesNotContain(GatewayEnvironment.AppIdSecret, gateway.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Amz-Credential", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MUNGE:", gateway.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", gateway.Log.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(new Uri(final.ResultsUrl!).Query, gateway.Log.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A gateway of its own, on its own database beside the shared one, with extra services: the class's shared
    /// gateway must not clean up or observe the same jobs at the same moment.
    /// </summary>
    private Task<RunningGateway> StartOwnGatewayAsync(string databaseFile, Action<IServiceCollection> configure) =>
        environment.StartGatewayAsync(
            environment.ConfigText(database: "sqlite:" + Path.Combine(Path.GetDirectoryName(environment.DatabasePath)!, databaseFile)), configure);

    private async Task<bool> EmulatorKnowsAsync(string id)
    {
        using var http = new HttpClient { BaseAddress = environment.Emulator.Endpoint };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "v1/token");
        tokenRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("demo:" + GatewayEnvironment.AppIdSecret)));
        using var token = await http.SendAsync(tokenRequest);
        var bearer = System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/jobs/{id}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {timeout.TotalSeconds:0} s");
            await Task.Delay(500);
        }
    }

    private sealed class RecordingObserver : ISlurmJobEndObserver
    {
        public List<SlurmJobUsage> Calls { get; } = [];

        public List<SlurmJobUsage> CallsFor(string slurmJob)
        {
            lock (Calls)
                return Calls.Where(c => c.SlurmJobId == slurmJob).ToList();
        }

        public Task OnSlurmJobEndedAsync(SlurmJobUsage usage, CancellationToken cancellationToken)
        {
            lock (Calls)
                Calls.Add(usage);
            return Task.CompletedTask;
        }
    }
}
