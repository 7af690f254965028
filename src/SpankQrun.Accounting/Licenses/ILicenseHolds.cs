namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// Holds a backend's licenses while it cannot run jobs. A license count of 0 would make slurmctld refuse new
/// jobs at submit time ("Invalid license specification"); a reservation holding every license keeps them
/// queued instead, and they start when it is deleted.
/// </summary>
public interface ILicenseHolds
{
    /// <summary>The backends whose licenses are held now.</summary>
    Task<IReadOnlySet<string>> ReadHeldAsync(CancellationToken cancellationToken);

    Task HoldAsync(string backend, int count, string why, CancellationToken cancellationToken);

    Task ReleaseAsync(string backend, CancellationToken cancellationToken);
}
