using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Primitives;

public sealed class PrimitiveKindsTests
{
    [Theory]
    [InlineData("sampler", PrimitiveKind.Sampler)]
    [InlineData("Sampler", PrimitiveKind.Sampler)]
    [InlineData("ESTIMATOR", PrimitiveKind.Estimator)]
    public void TryParse_KnownProgramIdInAnyCase_ReturnsKind(string programId, PrimitiveKind expected)
    {
        Assert.True(PrimitiveKinds.TryParse(programId, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("circuit-runner")]
    public void TryParse_UnknownProgramId_ReturnsFalse(string? programId)
    {
        Assert.False(PrimitiveKinds.TryParse(programId, out _));
    }

    [Theory]
    [InlineData(PrimitiveKind.Sampler, "sampler")]
    [InlineData(PrimitiveKind.Estimator, "estimator")]
    public void ToProgramId_Kind_ReturnsLowerCaseProgramId(PrimitiveKind kind, string expected)
    {
        Assert.Equal(expected, kind.ToProgramId());
    }
}
