using System.Text.Json;

namespace SpankQrun.Gateway.Slurm;

/// <summary>
/// Reads the backend job_submit.lua bound a job to from <c>scontrol show job ID</c> (multi-line form), where
/// AdminComment, if set, is the line right after WorkDir. Users control other text of that output (job name,
/// command, work directory, comment, output paths), so the AdminComment is trusted only when it appears exactly
/// once and on the line right after the WorkDir line whose value Slurm gave separately (squeue).
/// </summary>
public static class AdminCommentBinding
{
    private const string Key = "AdminComment=";
    private const string WorkDirKey = "WorkDir=";

    /// <summary>(backend, problem): both null when the job has no AdminComment.</summary>
    public static (string? Backend, string? Problem) Read(string scontrolOutput, string workDir)
    {
        var count = Count(scontrolOutput, Key);
        if (count == 0)
            return (null, null);
        if (count > 1 || workDir.Contains(Key, StringComparison.Ordinal))
            return (null, GatewayMessages.AdminCommentAmbiguous);

        var lines = scontrolOutput.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(Key, StringComparison.Ordinal));
        if (index < 1 || lines[index - 1].Trim() != WorkDirKey + workDir.Trim())
            return (null, GatewayMessages.AdminCommentAmbiguous);

        var value = lines[index].TrimStart()[Key.Length..].TrimEnd();
        return ParseValue(value);
    }

    /// <summary>The backend of <c>{"qrun":{"backend":"NAME",...},...}</c>.</summary>
    public static (string? Backend, string? Problem) ParseValue(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("qrun", out var qrun)
                && qrun.ValueKind == JsonValueKind.Object
                && qrun.TryGetProperty("backend", out var backend)
                && backend.ValueKind == JsonValueKind.String)
            {
                return (backend.GetString(), null);
            }
        }
        catch (JsonException)
        {
            // Not the job_submit script's JSON: the job carries no binding the gateway can use.
        }

        return (null, null);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
