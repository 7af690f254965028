using Microsoft.AspNetCore.Http.HttpResults;

namespace SpankQrun.Emulator.Versioning;

/// <summary>GET /version (the Direct Access API version) and GET /versions (the IBM-API-Version dates served); no authentication.</summary>
public static class VersionApi
{
    public const string ApiVersion = "0.7.0";

    /// <summary>The IBM-API-Version dates the emulator answers to; any well-formed date is accepted and served the same way.</summary>
    public static IReadOnlyList<string> ApiVersionDates { get; } = ["2025-01-01", "2026-01-01"];

    public static RouteGroupBuilder MapVersion(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("");
        group.MapGet("/version", () => TypedResults.Ok(new VersionResponse(ApiVersion)));
        group.MapGet("/versions", () => TypedResults.Ok(new VersionsResponse(ApiVersionDates, ApiVersion)));
        return group;
    }
}
