using System.Globalization;
using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// Remote licenses NAME@SERVER in slurmdbd, read and changed with sacctmgr (as root or a Slurm administrator):
/// <c>sacctmgr -n -P show resource server=S format=name,count</c> and
/// <c>sacctmgr -i modify resource name=N server=S set count=C description=D</c>.
/// </summary>
public sealed class SacctmgrLicenseStore(string server, ICommandRunner runner, string sacctmgr = "sacctmgr") : ILicenseStore
{
    public string Server { get; } = server;

    public async Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(sacctmgr, ["-n", "-P", "show", "resource", $"server={Server}", "format=name,count"], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(AccountingMessages.SacctmgrFailed("show resource", result.Describe()));
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|');
            if (fields.Length >= 2 && fields[0].Length > 0 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts[fields[0]] = count;
            }
        }

        return counts;
    }

    public async Task SetCountAsync(string backend, int count, string description, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = await runner.RunAsync(
            sacctmgr,
            ["-i", "modify", "resource", $"name={backend}", $"server={Server}", "set", $"count={count.ToString(CultureInfo.InvariantCulture)}", $"description={description}"],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(AccountingMessages.SacctmgrFailed($"modify resource {backend}@{Server}", result.Describe()));
        }
    }
}
