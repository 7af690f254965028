using System.Text;
using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Primitives;

public sealed class PubsValidatorTests
{
    private const string Bell = "\"OPENQASM 3.0; include \\\"stdgates.inc\\\"; bit[2] c; h $0; cx $0, $1; c[0] = measure $0; c[1] = measure $1;\"";

    [Fact]
    public void Validate_UpstreamSamplerInputAsSampler_IsValid()
    {
        Assert.Empty(PubsValidator.Validate(UpstreamDemo.SamplerInput, PrimitiveKind.Sampler));
    }

    [Fact]
    public void Validate_UpstreamEstimatorInputAsEstimator_IsValid()
    {
        Assert.Empty(PubsValidator.Validate(UpstreamDemo.EstimatorInput, PrimitiveKind.Estimator));
    }

    [Fact]
    public void Validate_UpstreamEstimatorInputAsSampler_RejectsPubShape()
    {
        var error = Assert.Single(PubsValidator.Validate(UpstreamDemo.EstimatorInput, PrimitiveKind.Sampler));
        Assert.Equal("$.pubs[0][1][0]", error.JsonPath);
    }

    [Fact]
    public void Validate_UpstreamSamplerInputAsEstimator_RejectsPubLength()
    {
        var error = Assert.Single(PubsValidator.Validate(UpstreamDemo.SamplerInput, PrimitiveKind.Estimator));
        Assert.Equal("$.pubs[0]", error.JsonPath);
        Assert.Contains("1 element", error.Message);
    }

    [Theory]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":2}")]
    [InlineData("{\"pubs\":[[" + Bell + ",[]]],\"version\":2}")]
    [InlineData("{\"pubs\":[[" + Bell + ",null,100]],\"version\":2,\"shots\":7}")]
    [InlineData("{\"pubs\":[[" + Bell + ",[[0.1,0.2],[0.3,0.4]],100]],\"version\":2}")]
    [InlineData("{\"pubs\":[[\"// comment\\nOPENQASM 3;\"]],\"version\":2}")]
    public void Validate_WellFormedSamplerDocument_IsValid(string json)
    {
        Assert.Empty(Validate(json, PrimitiveKind.Sampler));
    }

    [Theory]
    [InlineData("{\"pubs\":[[" + Bell + ",{\"ZZ\":1.0}]],\"version\":2}")]
    [InlineData("{\"pubs\":[[" + Bell + ",\"XX\",[],0.01]],\"version\":2,\"precision\":0.1}")]
    [InlineData("{\"pubs\":[[" + Bell + ",[[{\"ZZ\":1}],[{\"XY\":-0.5,\"IZ\":2}]],[[0.5],[1.5]],null]],\"version\":2}")]
    public void Validate_WellFormedEstimatorDocument_IsValid(string json)
    {
        Assert.Empty(Validate(json, PrimitiveKind.Estimator));
    }

    [Theory]
    [InlineData("", "$", "not valid JSON")]
    [InlineData("{\"pubs\":[", "$", "not valid JSON")]
    [InlineData("{} {}", "$", "not valid JSON")]
    [InlineData("[]", "$", "expected a JSON object")]
    [InlineData("{\"pubs\":[[" + Bell + "]]}", "$.version", "missing \"version\"")]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":1}", "$.version", "expected 2 (version), found 1")]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":\"2\"}", "$.version", "found \"2\"")]
    [InlineData("{\"version\":2}", "$.pubs", "missing \"pubs\"")]
    [InlineData("{\"pubs\":{},\"version\":2}", "$.pubs", "found an object")]
    [InlineData("{\"pubs\":[],\"version\":2}", "$.pubs", "found an empty array")]
    [InlineData("{\"pubs\":[" + Bell + "],\"version\":2}", "$.pubs[0]", "expected a sampler PUB array")]
    [InlineData("{\"pubs\":[[]],\"version\":2}", "$.pubs[0]", "found an array of 0 elements")]
    [InlineData("{\"pubs\":[[" + Bell + ",[],1,2]],\"version\":2}", "$.pubs[0]", "found an array of 4 elements")]
    [InlineData("{\"pubs\":[[42]],\"version\":2}", "$.pubs[0][0]", "expected an OpenQASM 3 circuit string")]
    [InlineData("{\"pubs\":[[\"OPENQASM 2.0; qreg q[1];\"]],\"version\":2}", "$.pubs[0][0]", "starting with \"OPENQASM 3\"")]
    [InlineData("{\"pubs\":[[\"OPENQASM 30;\"]],\"version\":2}", "$.pubs[0][0]", "starting with \"OPENQASM 3\"")]
    [InlineData("{\"pubs\":[[" + Bell + ",[],\"abc\"]],\"version\":2}", "$.pubs[0][2]", "expected a positive integer (shots), found \"abc\"")]
    [InlineData("{\"pubs\":[[" + Bell + ",[],0]],\"version\":2}", "$.pubs[0][2]", "found 0")]
    [InlineData("{\"pubs\":[[" + Bell + ",[],1.5]],\"version\":2}", "$.pubs[0][2]", "found 1.5")]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":2,\"shots\":-3}", "$.shots", "found -3")]
    [InlineData("{\"pubs\":[[" + Bell + ",{\"a\":1}]],\"version\":2}", "$.pubs[0][1]", "parameter values")]
    [InlineData("{\"pubs\":[[" + Bell + ",[0.1,\"x\"]]],\"version\":2}", "$.pubs[0][1][1]", "found \"x\"")]
    [InlineData("{\"pubs\":[[" + Bell + ",[[0.1],[0.2,0.3]]]],\"version\":2}", "$.pubs[0][1][1]", "same shape (1,)")]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":2,\"options\":[]}", "$.options", "expected an object (options)")]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":2,\"options\":{\"default_shots\":\"many\"}}", "$.options.default_shots", "found \"many\"")]
    public void Validate_MalformedSamplerDocument_ReportsPathAndProblem(string json, string path, string message)
    {
        var error = Assert.Single(Validate(json, PrimitiveKind.Sampler));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("{\"pubs\":[[" + Bell + "]],\"version\":2}", "$.pubs[0]", "expected an estimator PUB")]
    [InlineData("{\"pubs\":[[" + Bell + ",42]],\"version\":2}", "$.pubs[0][1]", "Pauli map")]
    [InlineData("{\"pubs\":[[" + Bell + ",{}]],\"version\":2}", "$.pubs[0][1]", "at least one Pauli term")]
    [InlineData("{\"pubs\":[[" + Bell + ",[]]],\"version\":2}", "$.pubs[0][1]", "found an empty array")]
    [InlineData("{\"pubs\":[[" + Bell + ",{\"ZA\":1}]],\"version\":2}", "$.pubs[0][1]['ZA']", "made of I, X, Y and Z, found \"ZA\"")]
    [InlineData("{\"pubs\":[[" + Bell + ",{\"ZZ\":\"one\"}]],\"version\":2}", "$.pubs[0][1]['ZZ']", "Pauli coefficient")]
    [InlineData("{\"pubs\":[[" + Bell + ",[{\"ZZ\":1},{\"ZZZ\":1}]]],\"version\":2}", "$.pubs[0][1][1]['ZZZ']", "to have 2 characters")]
    [InlineData("{\"pubs\":[[" + Bell + ",[[\"ZZ\"],\"XX\"]]],\"version\":2}", "$.pubs[0][1][1]", "same shape")]
    [InlineData("{\"pubs\":[[" + Bell + ",\"ZZ\",[],0]],\"version\":2}", "$.pubs[0][3]", "expected a positive number (precision), found 0")]
    [InlineData("{\"pubs\":[[" + Bell + ",\"ZZ\"]],\"version\":2,\"precision\":\"fine\"}", "$.precision", "found \"fine\"")]
    [InlineData("{\"pubs\":[[" + Bell + ",\"ZZ\"]],\"version\":2,\"resilience_level\":-1}", "$.resilience_level", "non-negative integer")]
    [InlineData("{\"pubs\":[[" + Bell + ",\"ZZ\"]],\"version\":2,\"options\":{\"default_precision\":-0.1}}", "$.options.default_precision", "found -0.1")]
    public void Validate_MalformedEstimatorDocument_ReportsPathAndProblem(string json, string path, string message)
    {
        var error = Assert.Single(Validate(json, PrimitiveKind.Estimator));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Validate_SeveralBadPubs_ReportsEveryOne()
    {
        var errors = Validate("{\"pubs\":[[1],[" + Bell + "],[2]],\"version\":2}", PrimitiveKind.Sampler);
        Assert.Equal(["$.pubs[0][0]", "$.pubs[2][0]"], errors.Select(error => error.JsonPath));
    }

    [Fact]
    public void Validate_DeeplyNestedJson_ReportsInvalidJsonWithoutThrowing()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        var error = Assert.Single(Validate(json, PrimitiveKind.Sampler));
        Assert.Equal("$", error.JsonPath);
    }

    private static IReadOnlyList<PubsError> Validate(string json, PrimitiveKind kind) =>
        PubsValidator.Validate(Encoding.UTF8.GetBytes(json), kind);
}
