using System.Runtime.InteropServices;

namespace SpankQrun.Plugin.Interop;

/// <summary>Reads strings the C glue hands over (NUL-terminated UTF-8, owned by the caller).</summary>
internal static unsafe class NativeStrings
{
    /// <summary>The string, or null for a null pointer.</summary>
    public static string? Read(byte* utf8) => utf8 is null ? null : Marshal.PtrToStringUTF8((nint)utf8);

    /// <summary>The first <paramref name="count"/> strings of an argv array; null entries become empty strings.</summary>
    public static string[] ReadArray(int count, byte** values)
    {
        if (count <= 0 || values is null)
            return [];
        var result = new string[count];
        for (var i = 0; i < count; i++)
            result[i] = Read(values[i]) ?? string.Empty;
        return result;
    }
}
