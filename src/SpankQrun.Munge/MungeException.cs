namespace SpankQrun.Munge;

/// <summary>A credential could not be made; the message is munge's own.</summary>
public sealed class MungeException : Exception
{
    /// <summary>Creates the exception for <paramref name="status"/>.</summary>
    public MungeException(MungeStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The status libmunge returned.</summary>
    public MungeStatus Status { get; }
}
