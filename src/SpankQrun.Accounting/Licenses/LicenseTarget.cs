namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// What a backend's license should be: available with <see cref="Count"/> licenses, or held (jobs wait);
/// and why, for the log and <c>sacctmgr show resource</c>.
/// </summary>
public sealed record LicenseTarget(bool Available, int Count, string Why);
