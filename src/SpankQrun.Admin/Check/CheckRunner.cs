using SpankQrun.Plugin.Core;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Admin.Check;

/// <summary>
/// <c>qrun-admin check</c>: finds the plugin's line, checks it and the secrets file with the plugin's own
/// parser and loader (SpankQrun.Plugin.Core), so each problem is reported in the words slurmd's log
/// would use, then optionally reaches the services for each backend.
/// </summary>
internal static class CheckRunner
{
    public static async Task<int> RunAsync(CheckOptions options, CheckReport report, CancellationToken cancellationToken)
    {
        var line = FindLine(options, report);
        if (line is null)
            return AdminExitCodes.Usage;
        if (line.Count > 1)
        {
            report.Failure(AdminMessages.SeveralLines([.. line.Select(l => l.Origin)]));
            return AdminExitCodes.ConfigurationBroken;
        }

        var ours = line[0];
        var shown = string.Join(' ', ours.Arguments.Select((_, i) => PlugstackParser.Shown(ours.Arguments, i)));
        report.Line(AdminMessages.LineFound(ours.Origin, ours.Kind, ours.PluginPath, shown));
        CheckLibrary(ours.PluginPath, report);

        var plugstack = PlugstackParser.Parse(ours.Arguments, out var lineProblems);
        if (plugstack is null)
        {
            foreach (var problem in lineProblems)
                report.Problem(problem);
            report.Line(AdminMessages.Summary(report.Failures));
            return AdminExitCodes.ConfigurationBroken;
        }

        var secrets = SecretsFileSnapshot.None;
        if (plugstack.SecretsPath is { } path)
        {
            secrets = SecretsFileInspector.Inspect(path, out var needsRoot);
            if (needsRoot)
            {
                report.Note(AdminMessages.SecretsNeedRoot(path, LibC.GetEffectiveUid()));
                return CheckIncomplete(report);
            }

            if (secrets.Status == SecretsFileStatus.Read)
                report.Line(AdminMessages.SecretsFound(path, secrets.OwnerUid, secrets.Mode, secrets.Content.Length));
        }

        var ready = CheckBackends(ours.Arguments, plugstack, secrets, options, report);
        if (report.Failures > 0)
        {
            report.Line(AdminMessages.Summary(report.Failures));
            return AdminExitCodes.ConfigurationBroken;
        }

        report.Line(AdminMessages.Summary(0));
        if (!options.Online)
            return AdminExitCodes.Ok;

        var online = new OnlineCheck(report, options.Timeout);
        var failed = 0;
        foreach (var (backend, settings) in ready)
        {
            if (!await online.RunAsync(backend, settings, mustBeListed: plugstack.Backends is not null || options.Backends.Count > 0, cancellationToken).ConfigureAwait(false))
                failed++;
        }

        report.Line(AdminMessages.OnlineSummary(failed));
        return failed == 0 ? AdminExitCodes.Ok : AdminExitCodes.OnlineFailed;
    }

    private static List<PlugstackLine>? FindLine(CheckOptions options, CheckReport report)
    {
        var problems = new List<string>();
        if (options.Line is { } text)
        {
            var line = PlugstackFile.Parse(text, "--line", problems);
            foreach (var problem in problems)
                report.Failure(problem);
            return line is null ? null : [line];
        }

        var found = PlugstackFile.Find(options.PlugstackPath, problems);
        foreach (var problem in problems)
            report.Failure(problem);
        if (found.Count == 0)
        {
            if (problems.Count == 0)
                report.Failure(AdminMessages.NoLine(options.PlugstackPath));
            return null;
        }

        return [.. found];
    }

    private static void CheckLibrary(string path, CheckReport report)
    {
        if (!Path.IsPathRooted(path))
        {
            report.Line(AdminMessages.PluginRelative(path));
            return;
        }

        if (!File.Exists(path))
        {
            report.Failure(AdminMessages.PluginMissing(path));
            return;
        }

        var version = PluginVersionReader.Read(path);
        report.Line(AdminMessages.PluginVersion(path, version));
        var own = PluginVersionReader.Own();
        if (version is not null && version != own)
            report.Note(AdminMessages.VersionDiffers(version, own));
    }

    private static List<(string Backend, BackendSettings Settings)> CheckBackends(
        IReadOnlyList<string> arguments, PlugstackConfiguration plugstack, SecretsFileSnapshot secrets, CheckOptions options, CheckReport report)
    {
        var names = BackendsToCheck(plugstack, options, report);
        var problems = new List<string>();
        var ready = new List<(string, BackendSettings)>();
        foreach (var backend in names)
        {
            var result = SiteConfigurationLoader.Load(arguments, secrets, backend);
            if (result.NotOfferedMessage is { } notOffered)
                report.Failure(notOffered);
            else if (result.Settings is { } settings)
                ready.Add((backend, settings));
            else
                problems.AddRange(result.Problems.Where(p => !problems.Contains(p)));
        }

        foreach (var problem in problems)
            report.Problem(problem);
        if (report.Failures > 0)
            return [];

        foreach (var (backend, settings) in ready)
        {
            var values = settings.Values.ToDictionary(v => v.Key, v => v.Value);
            var authentication = values.ContainsKey(SiteSettings.IamApiKey) ? "IAM" : "App ID";
            report.Line(AdminMessages.BackendReady(backend, authentication, values[SiteSettings.DaapiEndpoint], values[SiteSettings.S3Bucket]));
        }

        return ready;
    }

    private static IReadOnlyList<string> BackendsToCheck(PlugstackConfiguration plugstack, CheckOptions options, CheckReport report)
    {
        foreach (var name in options.Backends)
        {
            if (OptionValidator.CheckBackend(name) is { } invalid)
                report.Failure(invalid);
        }

        if (options.Backends.Count > 0)
            return options.Backends;
        if (plugstack.Backends is { } offered)
            return offered;
        report.Line(AdminMessages.NoBackendList(AdminMessages.AnyBackendName));
        return [AdminMessages.AnyBackendName];
    }

    private static int CheckIncomplete(CheckReport report)
    {
        report.Line(AdminMessages.IncompleteSummary());
        return AdminExitCodes.Incomplete;
    }
}
