namespace SpankQrun.Plugin.Core.Tests;

public sealed class OptionValidatorTests
{
    [Theory]
    [InlineData("ibm_torino")]
    [InlineData("fake-brisbane")]
    [InlineData("backend.v2")]
    [InlineData("A")]
    [InlineData("0123456789")]
    public void CheckBackend_WellFormedName_IsAccepted(string name) =>
        Assert.Null(OptionValidator.CheckBackend(name));

    [Fact]
    public void CheckBackend_NameOfMaximumLength_IsAccepted() =>
        Assert.Null(OptionValidator.CheckBackend(new string('b', OptionValidator.MaxBackendLength)));

    [Fact]
    public void CheckBackend_NameOneCharacterTooLong_IsRefusedWithLengthAndLimit()
    {
        var error = OptionValidator.CheckBackend(new string('b', OptionValidator.MaxBackendLength + 1));

        Assert.NotNull(error);
        Assert.Contains("--q-backend=", error);
        Assert.Contains("129 characters", error);
        Assert.Contains("at most 128", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CheckBackend_Empty_IsRefusedWithAnExample(string? name)
    {
        var error = OptionValidator.CheckBackend(name);

        Assert.NotNull(error);
        Assert.Contains("--q-backend needs a backend name", error);
        Assert.Contains("letters, digits", error);
    }

    [Theory]
    [InlineData("ibm torino", "U+0020", 4)]
    [InlineData("ibm/torino", "'/'", 4)]
    [InlineData("a;rm -rf", "';'", 2)]
    [InlineData("caf\u00e9", "'\u00e9'", 4)]
    [InlineData("x\ny", "U+000A", 2)]
    public void CheckBackend_ForbiddenCharacter_NamesTheValueTheCharacterAndWhatIsAllowed(string name, string shown, int position)
    {
        var error = OptionValidator.CheckBackend(name);

        Assert.NotNull(error);
        Assert.StartsWith("--q-backend='", error);
        Assert.Contains(shown, error);
        Assert.Contains($"position {position}", error);
        Assert.Contains("only letters, digits, '_', '-' and '.'", error);
    }

    [Fact]
    public void CheckBackend_ControlCharacterInValue_IsEscapedInTheMessage()
    {
        var error = OptionValidator.CheckBackend("bad\nname");

        Assert.DoesNotContain("\n", error);
        Assert.Contains("\\u{000a}", error);
    }

    [Theory]
    [InlineData("sampler", "sampler")]
    [InlineData("Sampler", "sampler")]
    [InlineData("ESTIMATOR", "estimator")]
    [InlineData("eStImAtOr", "estimator")]
    public void TryNormalizePrimitive_AnyLetterCase_GivesLowerCase(string value, string expected)
    {
        Assert.True(OptionValidator.TryNormalizePrimitive(value, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sample")]
    [InlineData("sampler ")]
    [InlineData("qasm")]
    public void Check_UnknownPrimitive_NamesTheValueAndBothPrimitives(string value)
    {
        var error = OptionValidator.Check(QrunOption.Primitive, value);

        Assert.NotNull(error);
        Assert.Contains($"--q-primitive='{value}'", error);
        Assert.Contains("--q-primitive=sampler or --q-primitive=estimator", error);
    }

    [Fact]
    public void Check_VeryLongValue_IsShortenedInTheMessage()
    {
        var error = OptionValidator.Check(QrunOption.Primitive, new string('x', 5000));

        Assert.NotNull(error);
        Assert.True(error.Length < 300, $"message is {error.Length} characters long");
        Assert.Contains("...'", error);
    }

    [Theory]
    [InlineData("ibm\u202Etorino", "\\u{202e}")]
    [InlineData("ibm\u200Btorino", "\\u{200b}")]
    [InlineData("ibm\uD800torino", "\\u{fffd}")]
    public void CheckBackend_CharacterThatCouldDisguiseTheLogLine_IsEscapedInTheMessage(string name, string escaped)
    {
        var error = OptionValidator.CheckBackend(name);

        Assert.NotNull(error);
        Assert.Contains(escaped, error);
        Assert.DoesNotContain(name, error);
    }
}
