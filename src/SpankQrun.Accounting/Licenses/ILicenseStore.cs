namespace SpankQrun.Accounting.Licenses;

/// <summary>Where Slurm keeps the backends' license counts (slurmdbd's remote licenses, or slurm.conf's local ones).</summary>
public interface ILicenseStore
{
    /// <summary>False when counts change only by hand (local licenses in slurm.conf).</summary>
    bool CanChangeCounts => true;

    /// <summary>Each registered license of the server: backend name -> count.</summary>
    Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(CancellationToken cancellationToken);

    /// <summary>Sets a license's count; slurmctld learns it at once and starts waiting jobs that now fit.</summary>
    Task SetCountAsync(string backend, int count, string description, CancellationToken cancellationToken);
}
