using System.Text.RegularExpressions;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

[Collection(SlurmCollection.Name)]
public sealed class HelpTextTests
{
    [Theory]
    [InlineData("sbatch")]
    [InlineData("salloc")]
    [InlineData("srun")]
    public async Task Help_ListsBothOptionsUnderOptionsProvidedByPlugins(string command)
    {
        var help = await Shell.RunAsync(command, ["--help"]);

        var plugins = help.Output[help.Output.IndexOf("Options provided by plugins:", StringComparison.Ordinal)..];
        Assert.Matches(new Regex(@"\n\s+--q-backend=name\s+Name of Qiskit backend\.\n"), plugins);
        Assert.Matches(new Regex(@"\n\s+--q-primitive=type\s+Qiskit primitive type\(sampler or estimator\)\.\n"), plugins);
    }
}
