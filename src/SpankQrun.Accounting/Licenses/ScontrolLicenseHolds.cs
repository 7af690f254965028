using System.Globalization;
using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// Holds with Slurm reservations named <c>qrun_hold_BACKEND</c>: licenses only (Flags=LICENSE_ONLY), no nodes,
/// from now on, for user root. An empty <c>server</c> means local licenses (slurm.conf Licenses=NAME:N). A job uses a reservation only when it asks for it (--reservation), so every
/// job of the backend waits, root's included.
/// </summary>
public sealed class ScontrolLicenseHolds(string server, ICommandRunner runner, string scontrol = "scontrol") : ILicenseHolds
{
    public const string Prefix = "qrun_hold_";

    public static string ReservationOf(string backend) => Prefix + backend;

    public async Task<IReadOnlySet<string>> ReadHeldAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(scontrol, ["show", "reservation", "-o"], cancellationToken).ConfigureAwait(false);
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (!result.Succeeded)
        {
            // "No reservations in the system" is not an error for us.
            if (result.Stdout.Contains("No reservations", StringComparison.Ordinal) || result.Stderr.Contains("No reservations", StringComparison.Ordinal))
            {
                return held;
            }

            throw new InvalidOperationException(AccountingMessages.ScontrolFailed("show reservation", result.Describe()));
        }

        foreach (var token in result.Stdout.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("ReservationName=" + Prefix, StringComparison.Ordinal))
            {
                held.Add(token[("ReservationName=" + Prefix).Length..]);
            }
        }

        return held;
    }

    public async Task HoldAsync(string backend, int count, string why, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            scontrol,
            ["create", "reservation", $"ReservationName={ReservationOf(backend)}", $"Licenses={(server.Length == 0 ? backend : $"{backend}@{server}")}:{Math.Max(count, 1).ToString(CultureInfo.InvariantCulture)}",
             "StartTime=now", "Duration=UNLIMITED", "Users=root", "Flags=LICENSE_ONLY"],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(AccountingMessages.ScontrolFailed($"create reservation {ReservationOf(backend)} ({why})", result.Describe()));
        }
    }

    public async Task ReleaseAsync(string backend, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(scontrol, ["delete", $"ReservationName={ReservationOf(backend)}"], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(AccountingMessages.ScontrolFailed($"delete reservation {ReservationOf(backend)}", result.Describe()));
        }
    }
}
