namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of GET /v1/backends/{name}/lanes.</summary>
public sealed record BackendLanesResponse(LaneConfiguration HpcWorkloadManager, LaneConfiguration IbmQuantumCompute);

/// <summary>How many jobs may exist at once through one interface.</summary>
public sealed record LaneConfiguration(int Lanes);
