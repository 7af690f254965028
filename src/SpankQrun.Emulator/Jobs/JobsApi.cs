using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SpankQrun.Emulator.Auth;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Errors;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Jobs;

/// <summary>POST /v1/jobs, GET /v1/jobs, GET /v1/jobs/{id}, POST /v1/jobs/{id}/cancel and DELETE /v1/jobs/{id}.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/jobs");
        group.AddEndpointFilter<BearerTokenFilter>();

        group.MapPost("", SubmitAsync);
        group.MapGet("", (JobStore store) => TypedResults.Ok(new JobListResponse([.. store.List().Select(job => job.ToResponse())])));
        group.MapGet("/{id}", Results<Ok<JobResponse>, JsonHttpResult<ApiErrorBody>> (string id, JobStore store) =>
            store.Find(id) is { } job ? TypedResults.Ok(job.ToResponse()) : ApiErrors.JobNotFound(id));
        group.MapPost("/{id}/cancel", Cancel);
        group.MapDelete("/{id}", Delete);
        return group;
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiErrorBody>>> SubmitAsync(
        HttpRequest request, EmulatorSettings settings, JobStore store, JobQueue queue, TimeProvider clock,
        ILogger<JobStore> logger, CancellationToken cancellationToken)
    {
        // The body is read by hand so that malformed JSON gets the API's error body, not an empty 400.
        JobSubmission? submission;
        try
        {
            submission = await JsonSerializer.DeserializeAsync(request.Body, EmulatorJsonContext.Default.JobSubmission, cancellationToken);
        }
        catch (JsonException exception)
        {
            return ApiErrors.InvalidRequest(exception.Path ?? "$", EmulatorMessages.JobBodyNotJson(exception.Path, exception.LineNumber, exception.BytePositionInLine));
        }

        if (submission is null)
            return ApiErrors.InvalidRequest("$", EmulatorMessages.JobBodyNotJson("$", 0, 0));

        if (!JobSubmissionValidator.TryCreateJob(submission, settings, clock.GetUtcNow(), out var job, out var error))
        {
            return error.UnknownBackend
                ? ApiErrors.BackendNotFound(error.Message)
                : ApiErrors.InvalidRequest(error.Location, error.Message);
        }

        // A valid job for a reserved backend is refused before it can take a lane.
        if (settings.FindBackend(job.Backend) is { Reserved: true })
            return ApiErrors.BackendReserved(job.Backend);

        switch (store.TrySubmit(job))
        {
            case SubmitOutcome.DuplicateId:
                return ApiErrors.DuplicateJobId(job.Id);
            case SubmitOutcome.LanesFull:
                return ApiErrors.LanesFull(store.Lanes);
            case SubmitOutcome.BackendLanesFull:
                return ApiErrors.BackendLanesFull(job.Backend, settings.FindBackend(job.Backend)!.Lanes);
        }

        queue.Enqueue(job.Id);
        logger.LogInformation("Job {JobId} submitted: {Program} on {Backend}", job.Id, job.Program, job.Backend);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, JsonHttpResult<ApiErrorBody>> Cancel(string id, JobStore store) =>
        store.TryCancel(id, out var job) switch
        {
            JobCommandOutcome.Done => TypedResults.NoContent(),
            JobCommandOutcome.NotFound => ApiErrors.JobNotFound(id),
            _ => ApiErrors.JobNotCancellable(id, job!.Status.ToString()),
        };

    private static Results<NoContent, JsonHttpResult<ApiErrorBody>> Delete(string id, JobStore store) =>
        store.TryDelete(id, out var job) switch
        {
            JobCommandOutcome.Done => TypedResults.NoContent(),
            JobCommandOutcome.NotFound => ApiErrors.JobNotFound(id),
            _ => ApiErrors.JobNotFinal(id, job!.Status.ToString()),
        };
}
