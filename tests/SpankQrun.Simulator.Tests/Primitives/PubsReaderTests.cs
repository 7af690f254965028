using System.Text;
using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Primitives;

/// <summary>The typed PUBs model: one parse, defaults resolved, errors with JSON paths and no document.</summary>
public sealed class PubsReaderTests
{
    private const string Circuit = "\"OPENQASM 3.0; input float a; input float b;\"";

    [Theory]
    [InlineData("""{"version":2,"pubs":[[C,null,7]],"shots":9,"options":{"default_shots":11}}""", 7)]
    [InlineData("""{"version":2,"pubs":[[C]],"shots":9,"options":{"default_shots":11}}""", 9)]
    [InlineData("""{"version":2,"pubs":[[C]],"options":{"default_shots":11}}""", 11)]
    [InlineData("""{"version":2,"pubs":[[C]]}""", 4096)]
    public void SamplerShots_ResolveFromPubThenDocumentThenOptionsThenDefault(string json, long shots)
    {
        var document = ReadValid(json, PrimitiveKind.Sampler);

        Assert.Equal(shots, Assert.Single(document.SamplerPubs).Shots);
    }

    [Theory]
    [InlineData("""{"version":2,"pubs":[[C,"Z",null,0.5]],"precision":0.25}""", 0.5)]
    [InlineData("""{"version":2,"pubs":[[C,"Z"]],"precision":0.25,"options":{"default_precision":0.125}}""", 0.25)]
    [InlineData("""{"version":2,"pubs":[[C,"Z"]],"options":{"default_precision":0.125,"default_shots":100}}""", 0.125)]
    [InlineData("""{"version":2,"pubs":[[C,"Z"]],"options":{"default_shots":100}}""", 0.1)]
    [InlineData("""{"version":2,"pubs":[[C,"Z"]]}""", 0.015625)]
    public void EstimatorPrecision_ResolvesLikeQiskitRuntime(string json, double precision)
    {
        var document = ReadValid(json, PrimitiveKind.Estimator);

        Assert.Equal(precision, Assert.Single(document.EstimatorPubs).Precision, 12);
    }

    [Fact]
    public void ParameterValues_KeepTheirShapeAndRowMajorValues()
    {
        var document = ReadValid("""{"version":2,"pubs":[[C,[[[1,2],[3,4],[5,6]]]]]}""", PrimitiveKind.Sampler);

        var values = Assert.Single(document.SamplerPubs).ParameterValues;
        Assert.True(values.Present);
        Assert.Equal([1, 3, 2], values.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], values.Values);
    }

    [Fact]
    public void Observables_KeepTheirShapeAndTerms()
    {
        var document = ReadValid("""{"version":2,"pubs":[[C,[{"ZI":1.5,"IX":-2},"YY"]]]}""", PrimitiveKind.Estimator);

        var observables = Assert.Single(document.EstimatorPubs).Observables;
        Assert.Equal([2], observables.Shape);
        Assert.Equal([new PauliTermValue("ZI", 1.5), new PauliTermValue("IX", -2)], observables.Observables[0]);
        Assert.Equal([new PauliTermValue("YY", 1)], observables.Observables[1]);
    }

    [Fact]
    public void InvalidDocument_GivesErrorsWithPathsAndNoDocument()
    {
        var result = PubsReader.Read(Encoding.UTF8.GetBytes("""{"version":2,"pubs":[["OPENQASM 3.0;",[],-1]]}"""), PrimitiveKind.Sampler);

        Assert.Null(result.Document);
        Assert.Equal("$.pubs[0][2]", Assert.Single(result.Errors).JsonPath);
    }

    [Fact]
    public void UpstreamDemos_ReadIntoOnePubEach()
    {
        var sampler = PubsReader.Read(UpstreamDemo.SamplerInput, PrimitiveKind.Sampler).Document!;
        var estimator = PubsReader.Read(UpstreamDemo.EstimatorInput, PrimitiveKind.Estimator).Document!;

        Assert.Equal(10_000, Assert.Single(sampler.SamplerPubs).Shots);
        Assert.Equal(1 / Math.Sqrt(5000), Assert.Single(estimator.EstimatorPubs).Precision, 12);
        Assert.Equal(6, estimator.EstimatorPubs[0].Observables.Observables.Count);
    }

    private static PubsDocument ReadValid(string json, PrimitiveKind kind)
    {
        var result = PubsReader.Read(Encoding.UTF8.GetBytes(json.Replace("C", Circuit, StringComparison.Ordinal)), kind);
        Assert.Empty(result.Errors);
        return result.Document!;
    }
}
