namespace SpankQrun.Plugin.Core;

/// <summary>Checks the value of one option, as the user typed it.</summary>
public static class OptionValidator
{
    /// <summary>The longest backend name accepted.</summary>
    public const int MaxBackendLength = 128;

    /// <summary>The primitive names, in the form handed to tasks.</summary>
    public static readonly IReadOnlyList<string> Primitives = ["sampler", "estimator"];

    /// <summary>Returns why <paramref name="value"/> is not acceptable for <paramref name="option"/>, or null.</summary>
    public static string? Check(QrunOption option, string? value) => option switch
    {
        QrunOption.Backend => CheckBackend(value),
        QrunOption.Primitive => TryNormalizePrimitive(value, out _) ? null : Messages.PrimitiveUnknown(value ?? string.Empty),
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, "unknown option"),
    };

    /// <summary>Returns why <paramref name="value"/> is not a valid backend name, or null.</summary>
    public static string? CheckBackend(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return Messages.BackendEmpty();
        if (value.Length > MaxBackendLength)
            return Messages.BackendTooLong(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsBackendCharacter(value[i]))
                return Messages.BackendInvalidCharacter(value, i);
        }

        return null;
    }

    /// <summary>Accepts <c>sampler</c> or <c>estimator</c> in any letter case and gives it in lower case.</summary>
    public static bool TryNormalizePrimitive(string? value, out string normalized)
    {
        foreach (var primitive in Primitives)
        {
            if (string.Equals(value, primitive, StringComparison.OrdinalIgnoreCase))
            {
                normalized = primitive;
                return true;
            }
        }

        normalized = string.Empty;
        return false;
    }

    private static bool IsBackendCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}
