namespace SpankQrun.Plugin.Core;

/// <summary>How secret values appear in logs.</summary>
public static class Redaction
{
    /// <summary>What is logged in place of a secret. Its length says nothing about the secret's.</summary>
    public const string Mask = "********";

    /// <summary>The value as it may be logged.</summary>
    public static string Show(string value, bool isSecret) => isSecret ? Mask : value;
}
