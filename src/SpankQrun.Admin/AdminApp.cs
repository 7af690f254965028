using System.CommandLine;
using System.Globalization;
using SpankQrun.Admin.Check;
using SpankQrun.DirectAccess.Http;

namespace SpankQrun.Admin;

/// <summary>Parses and runs one qrun-admin invocation with the given output and error writers.</summary>
internal static class AdminApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Create();
        var parseResult = root.Parse(args);
        // A usage error is one line naming the problem; the full help only with --help.
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
                await error.WriteLineAsync(AdminMessages.Error(parseError.Message)).ConfigureAwait(false);
            await error.WriteLineAsync(AdminMessages.Prefix + "see 'qrun-admin check --help'").ConfigureAwait(false);
            return AdminExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Create()
    {
        var plugstack = new Option<string>("--plugstack") { Description = AdminMessages.PlugstackOptionHelp, HelpName = "FILE", DefaultValueFactory = _ => CheckOptions.DefaultPlugstackPath };
        var line = new Option<string?>("--line") { Description = AdminMessages.LineOptionHelp, HelpName = "LINE" };
        var backend = new Option<string[]>("--backend") { Description = AdminMessages.BackendOptionHelp, HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
        var online = new Option<bool>("--online") { Description = AdminMessages.OnlineOptionHelp };
        var timeout = new Option<string?>("--timeout") { Description = AdminMessages.TimeoutOptionHelp, HelpName = "SECONDS" };
        timeout.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && ParseTimeout(token.Value) is null)
                result.AddError(AdminMessages.TimeoutInvalid(token.Value));
        });

        var check = new Command("check", AdminMessages.CheckDescription) { plugstack, line, backend, online, timeout };
        check.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var report = new CheckReport(configuration.Output, configuration.Error);
            var options = new CheckOptions(
                parseResult.GetRequiredValue(plugstack),
                parseResult.GetValue(line),
                parseResult.GetValue(backend) ?? [],
                parseResult.GetValue(online),
                parseResult.GetValue(timeout) is { } text ? ParseTimeout(text)!.Value : TimeSpan.FromSeconds(30));
            try
            {
                return await CheckRunner.RunAsync(options, report, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await configuration.Error.WriteLineAsync(AdminMessages.InternalError(exception.GetType().Name, UrlRedactor.Redact(exception.Message))).ConfigureAwait(false);
                return AdminExitCodes.ConfigurationBroken;
            }
        });

        return new RootCommand(AdminMessages.CommandDescription) { check };
    }

    private static TimeSpan? ParseTimeout(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
