namespace SpankQrun.DirectAccess.Storage;

/// <summary>The object names of one job, as the contract fixes them.</summary>
public static class JobObjectKeys
{
    /// <summary><c>input_{id}.json</c>.</summary>
    public static string Input(string jobId) => $"input_{jobId}.json";

    /// <summary><c>results_{id}.json</c>.</summary>
    public static string Results(string jobId) => $"results_{jobId}.json";

    /// <summary><c>logs_{id}.json</c>.</summary>
    public static string Logs(string jobId) => $"logs_{jobId}.json";

    /// <summary>All three, for cleanup.</summary>
    public static IReadOnlyList<string> All(string jobId) => [Input(jobId), Results(jobId), Logs(jobId)];
}
