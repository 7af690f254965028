namespace SpankQrun.Gateway.Store;

/// <summary>Totals for one user, account or backend over a period.</summary>
public sealed record UsageRow(string Key, long Jobs, long Completed, long Failed, long Cancelled, long QuantumNanoseconds, long BytesIn, long BytesOut);
