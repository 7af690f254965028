using SpankQrun.Munge;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>Makes MUNGE credentials as root (in process) or as another user (munge -s, through runuser).</summary>
public static class MungeFor
{
    public static async Task<string> CredentialAsync(string? user, string payload)
    {
        if (user is null)
            return MungeCredentials.Encode(payload);
        var result = await Shell.RunAsync("runuser", ["-u", user, "--", "munge", "-s", payload]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim();
    }

    public static uint Uid(string user) => uint.Parse(Shell.RunAsync("id", ["-u", user]).GetAwaiter().GetResult().Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
