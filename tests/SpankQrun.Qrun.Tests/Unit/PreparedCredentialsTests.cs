using SpankQrun.Munge;
using SpankQrun.Qrun.Gateway;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class PreparedCredentialsTests
{
    private readonly ManualTimeProvider clock = new();
    private readonly List<string> encoded = [];

    private string Encode(string payload)
    {
        lock (encoded)
        {
            encoded.Add(payload);
            return $"credential {encoded.Count} for {payload}";
        }
    }

    private int Encodes
    {
        get
        {
            lock (encoded)
            {
                return encoded.Count;
            }
        }
    }

    [Fact]
    public void APreparedCredential_ServesOneRequestOnly_TheNextOneGetsANewCredential()
    {
        var credentials = new PreparedCredentials(Encode, clock);

        credentials.Prepare("GET /job");
        var first = credentials.Take("GET /job");
        var second = credentials.Take("GET /job");

        Assert.Equal("credential 1 for GET /job", first);
        Assert.Equal("credential 2 for GET /job", second);
        Assert.Equal(2, Encodes);
    }

    [Fact]
    public void WithoutPreparation_TheCredentialIsMadeForTheRequest_AndAPreparationForAnotherRequestIsNotUsed()
    {
        var credentials = new PreparedCredentials(Encode, clock);

        credentials.Prepare("DELETE /job");
        SpinWait.SpinUntil(() => Encodes == 1, TimeSpan.FromSeconds(10));
        var taken = credentials.Take("GET /job");

        Assert.Equal("credential 2 for GET /job", taken);
    }

    [Fact]
    public void PreparingTwice_MakesOneCredential()
    {
        var credentials = new PreparedCredentials(Encode, clock);

        credentials.Prepare("POST /jobs");
        credentials.Prepare("POST /jobs");
        credentials.Take("POST /jobs");

        Assert.Equal(1, Encodes);
    }

    [Fact]
    public void ACredentialPreparedLongerAgoThanMaxAge_IsNotUsed()
    {
        var credentials = new PreparedCredentials(Encode, clock);

        credentials.Prepare("GET /job");
        SpinWait.SpinUntil(() => Encodes == 1, TimeSpan.FromSeconds(10));
        clock.Advance(PreparedCredentials.MaxAge + TimeSpan.FromSeconds(1));
        var taken = credentials.Take("GET /job");

        Assert.Equal("credential 2 for GET /job", taken);
    }

    [Fact]
    public void AFailedPreparation_IsMadeAgainForTheRequest_WhoseOwnFailureIsTheOneThrown()
    {
        var attempts = 0;
        var credentials = new PreparedCredentials(
            payload => Interlocked.Increment(ref attempts) == 1
                ? throw new MungeException(MungeStatus.Socket, "munged is not running (prepared)")
                : throw new MungeException(MungeStatus.Socket, "munged is not running (request)"),
            clock);

        credentials.Prepare("POST /jobs");
        var failure = Assert.Throws<MungeException>(() => credentials.Take("POST /jobs"));

        Assert.Equal("munged is not running (request)", failure.Message);
        Assert.Equal(2, attempts);
    }
}
