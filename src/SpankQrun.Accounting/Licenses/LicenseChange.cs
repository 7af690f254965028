namespace SpankQrun.Accounting.Licenses;

/// <summary>One count the synchronizer changed.</summary>
public sealed record LicenseChange(string Backend, int? From, int To, string Why);
