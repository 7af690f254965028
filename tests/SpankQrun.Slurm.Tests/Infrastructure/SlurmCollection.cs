using SpankQrun.TestSupport;
namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>All end-to-end tests: one cluster, one plugstack.conf, run one after the other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    public const string Name = "real Slurm cluster";
}
