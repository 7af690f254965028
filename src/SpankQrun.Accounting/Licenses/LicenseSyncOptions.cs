namespace SpankQrun.Accounting.Licenses;

/// <summary>What the license synchronizer keeps in step, and how often.</summary>
public sealed record LicenseSyncOptions(IReadOnlyList<string> Backends)
{
    /// <summary>Time between two checks of every backend.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Checks in a row that must fail before a backend is treated as unavailable (count 0): one blip changes nothing.</summary>
    public int FailuresBeforeUnavailable { get; init; } = 3;
}
