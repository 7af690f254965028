namespace SpankQrun.Gateway.Contract;

/// <summary>The gateway's routes, relative to the gateway URL (<c>IBMQRUN_GATEWAY</c>).</summary>
public static class GatewayPaths
{
    /// <summary>Prefix of every route.</summary>
    public const string Root = "/gateway/v1";

    /// <summary><c>GET</c>, no authentication.</summary>
    public const string Health = Root + "/health";

    /// <summary><c>POST</c> creates a job, <c>GET</c> lists the caller's jobs.</summary>
    public const string Jobs = Root + "/jobs";

    /// <summary><c>GET</c> one job, <c>DELETE</c> removes it.</summary>
    public static string Job(string id) => $"{Jobs}/{Uri.EscapeDataString(id)}";

    /// <summary><c>POST</c> submits an uploaded job to Direct Access.</summary>
    public static string Submit(string id) => Job(id) + "/submit";

    /// <summary><c>POST</c> cancels a job.</summary>
    public static string Cancel(string id) => Job(id) + "/cancel";
}
