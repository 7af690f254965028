using Microsoft.AspNetCore.Http.HttpResults;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Errors;

/// <summary>Builds the error responses of the API, one method per situation.</summary>
public static class ApiErrors
{
    private const string MoreInfo = "docs/emulator.md";

    public static JsonHttpResult<ApiErrorBody> InvalidRequest(string location, string message) =>
        Create(StatusCodes.Status400BadRequest, "Bad Request", ApiErrorCodes.InvalidRequest, message, location,
            EmulatorMessages.InvalidRequestSolution);

    public static JsonHttpResult<ApiErrorBody> Unauthorized(string message) =>
        Create(StatusCodes.Status401Unauthorized, "Unauthorized", ApiErrorCodes.Unauthorized, message, "Authorization",
            EmulatorMessages.UnauthorizedSolution);

    public static JsonHttpResult<ApiErrorBody> BackendNotFound(string name) =>
        Create(StatusCodes.Status404NotFound, "Not Found", ApiErrorCodes.BackendNotFound, EmulatorMessages.BackendNotFound(name),
            "backend", EmulatorMessages.BackendNotFoundSolution);

    public static JsonHttpResult<ApiErrorBody> DuplicateJobId(string id) =>
        Create(StatusCodes.Status409Conflict, "Conflict", ApiErrorCodes.DuplicateJobId, EmulatorMessages.DuplicateJobId(id),
            "id", EmulatorMessages.DuplicateJobIdSolution);

    public static JsonHttpResult<ApiErrorBody> LanesFull(int lanes) =>
        Create(StatusCodes.Status429TooManyRequests, "Too Many Requests", ApiErrorCodes.LanesFull, EmulatorMessages.LanesFull(lanes),
            "jobs", EmulatorMessages.LanesFullSolution);

    public static JsonHttpResult<ApiErrorBody> BackendReserved(string name) =>
        Create(StatusCodes.Status423Locked, "Locked", ApiErrorCodes.BackendReserved, EmulatorMessages.BackendReserved(name),
            "backend", EmulatorMessages.BackendReservedSolution);

    public static JsonHttpResult<ApiErrorBody> JobNotFound(string id) =>
        Create(StatusCodes.Status404NotFound, "Not Found", ApiErrorCodes.JobNotFound, EmulatorMessages.JobNotFound(id),
            "id", EmulatorMessages.JobNotFoundSolution);

    public static JsonHttpResult<ApiErrorBody> JobNotCancellable(string id, string status) =>
        Create(StatusCodes.Status409Conflict, "Conflict", ApiErrorCodes.JobNotCancellable, EmulatorMessages.JobNotCancellable(id, status),
            "id", EmulatorMessages.JobNotCancellableSolution);

    public static JsonHttpResult<ApiErrorBody> JobNotFinal(string id, string status) =>
        Create(StatusCodes.Status409Conflict, "Conflict", ApiErrorCodes.JobNotFinal, EmulatorMessages.JobNotFinal(id, status),
            "id", EmulatorMessages.JobNotFinalSolution);

    private static JsonHttpResult<ApiErrorBody> Create(int status, string title, string code, string message, string location, string solution) =>
        TypedResults.Json(
            new ApiErrorBody(status, title, "", [new ApiErrorDetail(code, message, MoreInfo, location, solution)]),
            EmulatorJsonContext.Default.ApiErrorBody,
            statusCode: status);
}
