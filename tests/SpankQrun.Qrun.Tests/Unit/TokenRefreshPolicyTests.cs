using SpankQrun.DirectAccess.Auth;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class TokenRefreshPolicyTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RefreshAt_ExpiresIn3600_Is90PercentOfLifetime()
    {
        Assert.Equal(IssuedAt.AddSeconds(3240), TokenRefreshPolicy.RefreshAt(IssuedAt, 3600));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void RefreshAt_NoUsableExpiresIn_UsesDefaultLifetime(double? expiresIn)
    {
        Assert.Equal(IssuedAt + TokenRefreshPolicy.DefaultLifetime * 0.9, TokenRefreshPolicy.RefreshAt(IssuedAt, expiresIn));
    }
}
