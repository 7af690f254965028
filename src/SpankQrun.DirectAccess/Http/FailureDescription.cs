using System.Net.Sockets;

namespace SpankQrun.DirectAccess.Http;

/// <summary>Says in a few words why a request got no answer, without any URL query string.</summary>
internal static class FailureDescription
{
    public static string Of(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => DirectAccessMessages.ConnectionRefused,
                    SocketError.ConnectionReset => DirectAccessMessages.ConnectionReset,
                    SocketError.HostNotFound => DirectAccessMessages.HostNotFound,
                    _ => UrlRedactor.Redact(socket.Message),
                };
            }
        }

        return exception is AttemptTimeoutException or OperationCanceledException
            ? DirectAccessMessages.TimedOut
            : UrlRedactor.Redact(exception.Message);
    }
}
