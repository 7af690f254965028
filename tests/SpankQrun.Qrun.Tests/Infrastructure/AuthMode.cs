namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>Which credentials qrun is given.</summary>
public enum AuthMode
{
    AppId,
    Iam,
}
