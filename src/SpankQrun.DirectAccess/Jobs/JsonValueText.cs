using System.Text.Json;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>Reads a code that services send as a string or as a number.</summary>
internal static class JsonValueText
{
    public static string? Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
