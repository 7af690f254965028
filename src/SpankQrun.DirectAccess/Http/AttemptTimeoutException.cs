using System.Globalization;

namespace SpankQrun.DirectAccess.Http;

/// <summary>An attempt got no answer within <see cref="RetrySettings.AttemptTimeout"/> (see <see cref="RetryHandler"/>).</summary>
public sealed class AttemptTimeoutException : TimeoutException
{
    public AttemptTimeoutException()
    {
    }

    public AttemptTimeoutException(string message)
        : base(message)
    {
    }

    public AttemptTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AttemptTimeoutException(TimeSpan timeout)
        : base(string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.###} s"))
    {
    }
}
