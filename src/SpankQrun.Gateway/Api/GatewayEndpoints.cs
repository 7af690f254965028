using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SpankQrun.Gateway.Auth;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Slurm;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Api;

/// <summary>The routes of the contract.</summary>
public static class GatewayEndpoints
{
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapGet(GatewayPaths.Health, HealthAsync);
        app.MapPost(GatewayPaths.Jobs, (HttpContext c, GatewayJobs jobs, MungeAuthenticator auth) =>
            AuthenticatedAsync(c, auth, async caller =>
            {
                var request = await ReadBodyAsync(c, GatewayJsonContext.Default.CreateJobRequest).ConfigureAwait(false);
                var created = await jobs.CreateAsync(caller, request, c.RequestAborted).ConfigureAwait(false);
                // 202 when the job was submitted in this request (its input came inline), 201 when it awaits its input.
                return Results.Json(created, GatewayJsonContext.Default.CreateJobResponse, statusCode: created.Status is null ? 201 : 202);
            }));
        app.MapGet(GatewayPaths.Jobs, (HttpContext c, GatewayJobs jobs, MungeAuthenticator auth) =>
            AuthenticatedAsync(c, auth, async caller =>
                Results.Json(await jobs.ListAsync(caller, c.RequestAborted).ConfigureAwait(false), GatewayJsonContext.Default.JobList)));
        app.MapGet(GatewayPaths.Jobs + "/{id}", (string id, HttpContext c, GatewayJobs jobs, MungeAuthenticator auth) =>
            AuthenticatedAsync(c, auth, async caller =>
                Results.Json(await jobs.GetAsync(caller, id, c.RequestAborted).ConfigureAwait(false), GatewayJsonContext.Default.JobView)));
        app.MapPost(GatewayPaths.Jobs + "/{id}/submit", (string id, HttpContext c, GatewayJobs jobs, MungeAuthenticator auth) =>
            AuthenticatedAsync(c, auth, async caller =>
            {
                // The body is optional: a client that gave the timeout at creation sends none.
                var request = c.Request.ContentLength > 0 || c.Request.Headers.TransferEncoding.Count > 0
                    ? await ReadBodyAsync(c, GatewayJsonContext.Default.SubmitJobRequest).ConfigureAwait(false)
                    : new SubmitJobRequest();
                return Results.Json(await jobs.SubmitAsync(caller, id, request, c.RequestAborted).ConfigureAwait(false), GatewayJsonContext.Default.JobView, statusCode: 202);
            }));
        app.MapPost(GatewayPaths.Jobs + "/{id}/cancel", (string id, HttpContext c, GatewayJobs jobs, MungeAuthenticator auth) =>
            AuthenticatedAsync(c, auth, async caller =>
            {
                await jobs.CancelAsync(caller, id, c.RequestAborted).ConfigureAwait(false);
                return Results.NoContent();
            }));
        app.MapDelete(GatewayPaths.Jobs + "/{id}", (string id, HttpContext c, GatewayJobs jobs, MungeAuthenticator auth) =>
            AuthenticatedAsync(c, auth, async caller =>
            {
                await jobs.DeleteAsync(caller, id, c.RequestAborted).ConfigureAwait(false);
                return Results.NoContent();
            }));
        app.MapFallback((HttpContext c) => Error(c, new GatewayProblem(404, GatewayErrorCodes.NotFound, GatewayMessages.RouteNotFound, GatewayMessages.RouteNotFoundSolution)));
        return app;
    }

    private static async Task<IResult> HealthAsync(HttpContext context, GatewayStore store, SlurmClient slurm)
    {
        var problems = new List<string>();
        if (!await store.IsHealthyAsync(context.RequestAborted).ConfigureAwait(false))
            problems.Add("database unusable");
        try
        {
            await slurm.RunningJobIdsAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (SlurmUnavailableException)
        {
            problems.Add("Slurm unreachable");
        }

        var body = new HealthResponse { Status = problems.Count == 0 ? "ok" : string.Join("; ", problems), Version = GatewayVersion.Text };
        return Results.Json(body, GatewayJsonContext.Default.HealthResponse, statusCode: problems.Count == 0 ? 200 : 503);
    }

    private static async Task<IResult> AuthenticatedAsync(HttpContext context, MungeAuthenticator authenticator, Func<Caller, Task<IResult>> handler)
    {
        try
        {
            var header = context.Request.Headers.Authorization.Count == 1 ? context.Request.Headers.Authorization[0] : null;
            var result = await authenticator.AuthenticateAsync(header, context.Request.Method, PathAsSent(context), context.RequestAborted).ConfigureAwait(false);
            if (result.Caller is null)
            {
                throw result.ServiceUnavailable
                    ? new GatewayProblem(503, GatewayErrorCodes.NotAuthenticated, result.Refusal!, GatewayMessages.AdministratorSolution)
                    : new GatewayProblem(401, GatewayErrorCodes.NotAuthenticated, result.Refusal!, GatewayMessages.NotAuthenticatedSolution);
            }

            context.Items[RequestLogMiddleware.UidItem] = result.Caller.Uid;
            return await handler(result.Caller).ConfigureAwait(false);
        }
        catch (GatewayProblem problem)
        {
            return Error(context, problem);
        }
        catch (GatewayStoreException e)
        {
            return Error(context, new GatewayProblem(503, GatewayErrorCodes.DatabaseUnavailable, e.Message, GatewayMessages.AdministratorSolution));
        }
    }

    // The credential signs the path exactly as the client sent it (percent-encoding included), without the query.
    private static string PathAsSent(HttpContext context)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }

    private static async Task<T> ReadBodyAsync<T>(HttpContext context, JsonTypeInfo<T> type)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false)
                ?? throw new GatewayProblem(400, GatewayErrorCodes.InvalidRequest, GatewayMessages.BodyNotJson("null"), GatewayMessages.InvalidRequestSolution);
        }
        catch (JsonException e)
        {
            throw new GatewayProblem(400, GatewayErrorCodes.InvalidRequest, GatewayMessages.BodyNotJson(e.Message), GatewayMessages.InvalidRequestSolution);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            throw new GatewayProblem(413, GatewayErrorCodes.TooLarge, GatewayMessages.BodyTooLarge(GatewayHosting.MaxBodyBytes), GatewayMessages.InvalidRequestSolution);
        }
    }

    private static IResult Error(HttpContext context, GatewayProblem problem)
    {
        context.Items[RequestLogMiddleware.RefusalItem] = problem.Message;
        var body = new ErrorBody
        {
            StatusCode = problem.StatusCode,
            Title = problem.Message,
            Trace = context.TraceIdentifier,
            Errors = [new ErrorItem { Code = problem.Code, Message = problem.Message, Solution = problem.Solution }],
        };
        return Results.Json(body, GatewayJsonContext.Default.ErrorBody, statusCode: problem.StatusCode);
    }
}
