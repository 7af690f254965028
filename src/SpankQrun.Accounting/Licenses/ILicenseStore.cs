namespace SpankQrun.Accounting.Licenses;

/// <summary>Where Slurm keeps the backends' license counts (slurmdbd's remote licenses).</summary>
public interface ILicenseStore
{
    /// <summary>Each registered license of the server: backend name -> count.</summary>
    Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(CancellationToken cancellationToken);

    /// <summary>Sets a license's count; slurmctld learns it at once and starts waiting jobs that now fit.</summary>
    Task SetCountAsync(string backend, int count, string description, CancellationToken cancellationToken);
}
