namespace SpankQrun.Accounting.Licenses;

/// <summary>One change the synchronizer made: a new count, a hold, or a released hold.</summary>
public sealed record LicenseChange(string Backend, string What);
