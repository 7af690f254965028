using System.Diagnostics;
using System.Text;
using SpankQrun.Munge;

namespace SpankQrun.Gateway.Tests.Munge;

/// <summary>Encode and decode against the machine's real munged.</summary>
public sealed class MungeCredentialsTests
{
    [Fact]
    public void A_credential_round_trips_with_the_callers_uid_gid_and_payload()
    {
        var credential = MungeCredentials.Encode("qrun-gateway/1 GET /gateway/v1/jobs");

        var result = MungeCredentials.Decode(credential);

        Assert.Equal(MungeStatus.Success, result.Status);
        Assert.Equal(ProcessIds().Uid, result.Uid);
        Assert.Equal(ProcessIds().Gid, result.Gid);
        Assert.Equal("qrun-gateway/1 GET /gateway/v1/jobs", Encoding.UTF8.GetString(result.Payload));
        Assert.NotNull(result.EncodeTime);
        Assert.InRange(result.EncodeTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.NotNull(result.Ttl);
        Assert.True(result.Ttl!.Value > TimeSpan.Zero);
    }

    [Fact]
    public void A_credential_decoded_twice_is_refused_as_replayed()
    {
        var credential = MungeCredentials.Encode("once");

        Assert.Equal(MungeStatus.Success, MungeCredentials.Decode(credential).Status);
        var second = MungeCredentials.Decode(credential);

        Assert.Equal(MungeStatus.Replayed, second.Status);
        Assert.False(second.IsSuccess);
        Assert.Contains("replayed", second.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("MUNGE:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:")]
    [InlineData("MUNGE:not base64 at all:")]
    [InlineData("MUNGE:\u00e9\u00e9:")]
    public void Garbage_is_refused_without_throwing(string garbage)
    {
        var result = MungeCredentials.Decode(garbage);

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Payload);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void A_credential_with_one_character_changed_is_refused()
    {
        var credential = MungeCredentials.Encode("payload that must not be altered");
        var middle = credential.Length / 2;
        var altered = credential[..middle] + (credential[middle] == 'A' ? 'B' : 'A') + credential[(middle + 1)..];

        var result = MungeCredentials.Decode(altered);

        Assert.False(result.IsSuccess);
        Assert.NotEqual(MungeStatus.Replayed, result.Status);
    }

    [Fact]
    public void An_oversized_credential_is_refused_before_munged_sees_it()
    {
        var result = MungeCredentials.Decode("MUNGE:" + new string('A', MungeCredentials.MaxCredentialLength) + ":");

        Assert.Equal(MungeStatus.BadLength, result.Status);
    }

    [Fact]
    public void A_credential_made_by_another_user_decodes_to_that_users_uid()
    {
        var (uid, _) = UserIds("qrunuser");
        var credential = Run("runuser", "-u", "qrunuser", "--", "munge", "-n").Trim();

        var result = MungeCredentials.Decode(credential);

        Assert.Equal(MungeStatus.Success, result.Status);
        Assert.Equal(uid, result.Uid);
    }

    private static (uint Uid, uint Gid) ProcessIds() =>
        (uint.Parse(Run("id", "-u").Trim()), uint.Parse(Run("id", "-g").Trim()));

    internal static (uint Uid, uint Gid) UserIds(string user) =>
        (uint.Parse(Run("id", "-u", user).Trim()), uint.Parse(Run("id", "-g", user).Trim()));

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), $"{file} did not finish");
        Assert.True(process.ExitCode == 0, $"{file} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
