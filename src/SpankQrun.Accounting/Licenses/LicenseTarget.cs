namespace SpankQrun.Accounting.Licenses;

/// <summary>The count a backend's license should have, and why (shown in <c>sacctmgr show resource</c>).</summary>
public sealed record LicenseTarget(int Count, string Why);
