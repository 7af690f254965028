using Microsoft.AspNetCore.Http.HttpResults;
using SpankQrun.Emulator.Auth;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Errors;

namespace SpankQrun.Emulator.Backends;

/// <summary>GET /v1/backends, /v1/backends/{name}, .../configuration, .../properties and .../lanes.</summary>
public static class BackendsApi
{
    public static RouteGroupBuilder MapBackends(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/backends");
        group.AddEndpointFilter<BearerTokenFilter>();

        group.MapGet("", (EmulatorSettings settings) =>
            TypedResults.Ok(new BackendListResponse([.. settings.Backends.Select(BackendDocuments.Summary)])));

        group.MapGet("/{name}", Results<Ok<BackendSummaryResponse>, JsonHttpResult<ApiErrorBody>> (string name, EmulatorSettings settings) =>
            settings.FindBackend(name) is { } backend
                ? TypedResults.Ok(BackendDocuments.Summary(backend))
                : ApiErrors.BackendPathNotFound(name));

        group.MapGet("/{name}/configuration", Results<Ok<BackendConfigurationResponse>, JsonHttpResult<ApiErrorBody>> (string name, EmulatorSettings settings) =>
            settings.FindBackend(name) is { } backend
                ? TypedResults.Ok(BackendDocuments.Configuration(backend, settings.MaxSimulatedQubits))
                : ApiErrors.BackendPathNotFound(name));

        group.MapGet("/{name}/properties", Results<Ok<BackendPropertiesResponse>, JsonHttpResult<ApiErrorBody>> (string name, EmulatorSettings settings, TimeProvider clock) =>
            settings.FindBackend(name) is { } backend
                ? TypedResults.Ok(BackendDocuments.Properties(backend, clock.GetUtcNow()))
                : ApiErrors.BackendPathNotFound(name));

        group.MapGet("/{name}/lanes", Results<Ok<BackendLanesResponse>, JsonHttpResult<ApiErrorBody>> (string name, EmulatorSettings settings) =>
            settings.FindBackend(name) is { } backend
                ? TypedResults.Ok(BackendDocuments.Lanes(backend))
                : ApiErrors.BackendPathNotFound(name));

        return group;
    }
}
