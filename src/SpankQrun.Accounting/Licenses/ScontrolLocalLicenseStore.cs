using System.Globalization;
using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// Local licenses (<c>Licenses=NAME:N</c> in slurm.conf), for a site without slurmdbd: read with
/// <c>scontrol show lic -o</c>. Their counts change only with slurm.conf and <c>scontrol reconfigure</c>, so the
/// synchronizer cannot follow the lanes; it still holds an unavailable backend's jobs (<see cref="ScontrolLicenseHolds"/>)
/// and says when the count differs from the lanes.
/// </summary>
public sealed class ScontrolLocalLicenseStore(ICommandRunner runner, string scontrol = "scontrol") : ILicenseStore
{
    public bool CanChangeCounts => false;

    public async Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(scontrol, ["show", "lic", "-o"], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(AccountingMessages.ScontrolFailed("show lic", result.Describe()));
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2))
                .Where(f => f.Length == 2)
                .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
            if (fields.TryGetValue("LicenseName", out var name) && !name.Contains('@', StringComparison.Ordinal)
                && fields.TryGetValue("Total", out var total) && int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts[name] = count;
            }
        }

        return counts;
    }

    public Task SetCountAsync(string backend, int count, string description, CancellationToken cancellationToken) =>
        throw new NotSupportedException(AccountingMessages.LocalCountDiffers(backend, count, description));
}
