namespace SpankQrun.Emulator.Auth;

/// <summary>How a bearer token was obtained; IAM tokens must come with a matching Service-CRN header.</summary>
public enum TokenKind
{
    Iam,
    AppId,
}
