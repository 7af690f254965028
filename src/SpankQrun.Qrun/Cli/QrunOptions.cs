using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SpankQrun.Qrun.Cli;

/// <summary>qrun's arguments and options, each with a parser whose error is one sentence naming the option and the fix.</summary>
internal sealed class QrunOptions
{
    public static readonly string[] LogLevels = ["debug", "info", "warning", "error", "critical"];

    public QrunOptions(long maxTimeoutSeconds)
    {
        Input = new Argument<string?>("INPUT") { Description = QrunMessages.InputArgumentHelp, Arity = ArgumentArity.ZeroOrOne };
        Results = new Option<string?>("--results", "-r") { Description = QrunMessages.ResultsOptionHelp, HelpName = "FILE" };
        HttpTimeout = new Option<double?>("--http-timeout")
        {
            Description = QrunMessages.HttpTimeoutOptionHelp,
            HelpName = "SECONDS",
            CustomParser = result => ParseSeconds(result, "--http-timeout", 86400, wholeSeconds: false),
        };
        Timeout = new Option<double?>("--timeout")
        {
            Description = QrunMessages.TimeoutOptionHelp(maxTimeoutSeconds),
            HelpName = "SECONDS",
            CustomParser = result => ParseSeconds(result, "--timeout", maxTimeoutSeconds, wholeSeconds: true),
        };
        LogLevel = new Option<string?>("--log-level")
        {
            Description = QrunMessages.LogLevelOptionHelp,
            HelpName = "LEVEL",
            CustomParser = ParseLogLevel,
        };
        Check = new Option<bool>("--check") { Description = QrunMessages.CheckOptionHelp };
    }

    public Argument<string?> Input { get; }

    public Option<string?> Results { get; }

    public Option<double?> HttpTimeout { get; }

    public Option<double?> Timeout { get; }

    public Option<string?> LogLevel { get; }

    public Option<bool> Check { get; }

    /// <summary>The options qrun defines (help and version come with the root command).</summary>
    public IEnumerable<Option> All => [Results, Timeout, HttpTimeout, LogLevel, Check];

    private static double? ParseSeconds(ArgumentResult result, string name, long max, bool wholeSeconds)
    {
        if (result.Tokens is not [var token])
        {
            result.AddError(QrunMessages.OptionNeedsValue(name, "SECONDS"));
            return null;
        }

        if (!double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || double.IsNaN(seconds) || seconds <= 0 || seconds > max || (wholeSeconds && seconds != Math.Floor(seconds)))
        {
            result.AddError(QrunMessages.SecondsInvalid(name, token.Value, max, wholeSeconds));
            return null;
        }

        return seconds;
    }

    private static string? ParseLogLevel(ArgumentResult result)
    {
        if (result.Tokens is not [var token])
        {
            result.AddError(QrunMessages.OptionNeedsValue("--log-level", "LEVEL"));
            return null;
        }

        var level = token.Value.ToLowerInvariant();
        if (level == "warn")
        {
            level = "warning";
        }

        if (!LogLevels.Contains(level))
        {
            result.AddError(QrunMessages.LogLevelInvalid(token.Value, LogLevels));
            return null;
        }

        return level;
    }
}
