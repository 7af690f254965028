namespace SpankQrun.Emulator.Configuration;

/// <summary>
/// The bounds every outside input is held to: gate calls per circuit, input and request body sizes, the memory that
/// running jobs may take, and the storage hosts the emulator may fetch from or write to.
/// </summary>
public sealed record EmulatorLimits(
    long MaxOperations,
    long MaxInputBytes,
    long MaxRequestBodyBytes,
    long MemoryBudgetBytes,
    IReadOnlyList<Uri> StorageEndpoints,
    bool AllowLoopbackStorage)
{
    public static EmulatorLimits Default { get; } = new(
        EmulatorDefaults.MaxOperations, EmulatorDefaults.MaxInputBytes, EmulatorDefaults.MaxRequestBodyBytes,
        MachineMemory.DefaultBudgetBytes(), [], AllowLoopbackStorage: true);
}
