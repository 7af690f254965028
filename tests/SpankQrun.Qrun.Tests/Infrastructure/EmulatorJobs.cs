using System.Text.RegularExpressions;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.TestSupport;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>Looks at the emulator's job list the way qrun does, and finds job ids in qrun's stderr.</summary>
internal static partial class EmulatorJobs
{
    public static async Task<IReadOnlyList<JobInfo>> ListAsync(EmulatorServer emulator)
    {
        using var client = new DirectAccessClient(new DirectAccessClientOptions(
            emulator.Endpoint,
            new AppIdCredentials(EmulatorCredentials.AppIdClientId, EmulatorCredentials.AppIdSecret)));
        return await client.ListJobsAsync(CancellationToken.None);
    }

    public static async Task<JobInfo?> FindAsync(EmulatorServer emulator, string id) =>
        (await ListAsync(emulator)).FirstOrDefault(job => job.Id == id);

    /// <summary>The id from qrun's "submitted job ID" line.</summary>
    public static string SubmittedId(string error)
    {
        var match = SubmittedLine().Match(error);
        return match.Success ? match.Groups["id"].Value : throw new InvalidOperationException($"no \"submitted job\" line in:\n{error}");
    }

    [GeneratedRegex("submitted job (?<id>[0-9a-f-]{36})")]
    private static partial Regex SubmittedLine();
}
