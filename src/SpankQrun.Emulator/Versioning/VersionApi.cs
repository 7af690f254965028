using Microsoft.AspNetCore.Http.HttpResults;

namespace SpankQrun.Emulator.Versioning;

/// <summary>GET /version: the Direct Access API version the emulator speaks (no authentication).</summary>
public static class VersionApi
{
    public const string ApiVersion = "0.7.0";

    public static RouteGroupBuilder MapVersion(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/version");
        group.MapGet("", () => TypedResults.Ok(new VersionResponse(ApiVersion)));
        return group;
    }
}
