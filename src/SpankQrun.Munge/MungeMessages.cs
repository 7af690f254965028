namespace SpankQrun.Munge;

/// <summary>Every message this project writes.</summary>
internal static class MungeMessages
{
    public static string LibraryMissing(string detail) =>
        $"MUNGE is not available: libmunge.so.2 could not be loaded ({detail}); install Debian's libmunge2 and run munged";

    public static string EncodeFailed(string mungeMessage) =>
        $"MUNGE could not make a credential: {mungeMessage} (is munged running?)";

    public static string CredentialTooLong(int max) =>
        $"MUNGE credential longer than {max} characters";

    public static string CredentialNotAscii => "MUNGE credential contains characters that are not printable ASCII";

    public static string ContextFailed => "MUNGE context could not be created";
}
