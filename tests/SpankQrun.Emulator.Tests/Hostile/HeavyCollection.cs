namespace SpankQrun.Emulator.Tests.Hostile;

/// <summary>
/// Tests that time jobs, measure CPU use or fill memory: they run on their own, after the parallel ones, so that
/// other test classes cannot slow them down or be starved by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "Heavy emulator tests";
}
