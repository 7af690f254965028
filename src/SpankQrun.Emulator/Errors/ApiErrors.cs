using Microsoft.AspNetCore.Http.HttpResults;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Errors;

/// <summary>Builds the error responses of the API, one method per situation.</summary>
public static class ApiErrors
{
    private const string MoreInfo = "docs/emulator.md";
    private const string Field = "field";
    private const string Parameter = "parameter";
    private const string Header = "header";

    public static JsonHttpResult<ApiErrorBody> InvalidRequest(string location, string message) =>
        Create(StatusCodes.Status400BadRequest, "Bad Request", ApiErrorCodes.InvalidRequest, message, location, Field,
            EmulatorMessages.InvalidRequestSolution);

    public static JsonHttpResult<ApiErrorBody> InvalidHeader(string header, string message) =>
        Create(StatusCodes.Status400BadRequest, "Bad Request", ApiErrorCodes.InvalidRequest, message, header, Header,
            EmulatorMessages.InvalidHeaderSolution);

    public static JsonHttpResult<ApiErrorBody> Unauthorized(string message) =>
        Create(StatusCodes.Status401Unauthorized, "Unauthorized", ApiErrorCodes.Unauthorized, message, "Authorization", Header,
            EmulatorMessages.UnauthorizedSolution);

    public static JsonHttpResult<ApiErrorBody> BackendNotFound(string name) =>
        Create(StatusCodes.Status404NotFound, "Not Found", ApiErrorCodes.BackendNotFound, EmulatorMessages.BackendNotFound(name),
            "backend", Field, EmulatorMessages.BackendNotFoundSolution);

    public static JsonHttpResult<ApiErrorBody> BackendPathNotFound(string name) =>
        Create(StatusCodes.Status404NotFound, "Not Found", ApiErrorCodes.BackendNotFound, EmulatorMessages.BackendNotFound(name),
            "backend_name", Parameter, EmulatorMessages.BackendNotFoundSolution);

    public static JsonHttpResult<ApiErrorBody> DuplicateJobId(string id) =>
        Create(StatusCodes.Status409Conflict, "Conflict", ApiErrorCodes.DuplicateJobId, EmulatorMessages.DuplicateJobId(id),
            "id", Field, EmulatorMessages.DuplicateJobIdSolution);

    public static JsonHttpResult<ApiErrorBody> LanesFull(int lanes) =>
        Create(StatusCodes.Status429TooManyRequests, "Too Many Requests", ApiErrorCodes.LanesFull, EmulatorMessages.LanesFull(lanes),
            "jobs", Field, EmulatorMessages.LanesFullSolution);

    public static JsonHttpResult<ApiErrorBody> BackendLanesFull(string backend, int lanes) =>
        Create(StatusCodes.Status429TooManyRequests, "Too Many Requests", ApiErrorCodes.LanesFull, EmulatorMessages.BackendLanesFull(backend, lanes),
            "backend", Field, EmulatorMessages.LanesFullSolution);

    public static JsonHttpResult<ApiErrorBody> BackendReserved(string name) =>
        Create(StatusCodes.Status423Locked, "Locked", ApiErrorCodes.BackendReserved, EmulatorMessages.BackendReserved(name),
            "backend", Field, EmulatorMessages.BackendReservedSolution);

    public static JsonHttpResult<ApiErrorBody> JobNotFound(string id) =>
        Create(StatusCodes.Status404NotFound, "Not Found", ApiErrorCodes.JobNotFound, EmulatorMessages.JobNotFound(id),
            "id", Parameter, EmulatorMessages.JobNotFoundSolution);

    public static JsonHttpResult<ApiErrorBody> JobNotCancellable(string id, string status) =>
        Create(StatusCodes.Status409Conflict, "Conflict", ApiErrorCodes.JobNotCancellable, EmulatorMessages.JobNotCancellable(id, status),
            "id", Parameter, EmulatorMessages.JobNotCancellableSolution);

    public static JsonHttpResult<ApiErrorBody> JobNotFinal(string id, string status) =>
        Create(StatusCodes.Status409Conflict, "Conflict", ApiErrorCodes.JobNotFinal, EmulatorMessages.JobNotFinal(id, status),
            "id", Parameter, EmulatorMessages.JobNotFinalSolution);

    public static JsonHttpResult<ApiErrorBody> PayloadTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", ApiErrorCodes.PayloadTooLarge, EmulatorMessages.BodyTooLarge(limit),
            "body", Field, EmulatorMessages.BodyTooLargeSolution);

    /// <summary>The error body as bytes, for places outside endpoint results (middleware).</summary>
    public static ApiErrorBody Body(int status, string title, string code, string message, string location, string type, string solution)
    {
        var trace = Guid.NewGuid().ToString("N");
        return new ApiErrorBody(status, title, trace, trace, [new ApiErrorDetail(code, message, MoreInfo, location, solution, new ApiErrorTarget(location, type))]);
    }

    private static JsonHttpResult<ApiErrorBody> Create(int status, string title, string code, string message, string location, string type, string solution) =>
        TypedResults.Json(Body(status, title, code, message, location, type, solution), EmulatorJsonContext.Default.ApiErrorBody, statusCode: status);
}
