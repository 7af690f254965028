using System.Text;
using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Core.Configuration;
using SpankQrun.Plugin.Core.Tests.Fakes;

namespace SpankQrun.Plugin.Core.Tests.Fuzz;

/// <summary>
/// Randomized runs over generated inputs (fixed seeds, so a failure is reproducible): no exception escapes,
/// a rejection always says why and where, and no message shows a planted secret.
/// </summary>
public sealed class ConfigurationFuzzTests
{
    private const string Marker = ConfigurationInputGenerator.SecretMarker;
    private const string Path = ConfigurationInputGenerator.SecretsPath;

    [Fact]
    public void PlugstackParser_GeneratedLines_RejectionsSayWhereAndWhyAndShowNoSecret()
    {
        var generator = new ConfigurationInputGenerator(20261126);
        var (accepted, rejectedWithSecret) = (0, 0);
        for (var round = 0; round < 6000; round++)
        {
            var words = generator.PlugstackWords();
            var context = $"round {round}: {Describe(words)}";

            IReadOnlyList<string> problems = [];

            var configuration = Run(() => PlugstackParser.Parse(words, out problems), context);

            Assert.True(configuration is null == problems.Count > 0, context);
            foreach (var problem in problems)
            {
                Assert.False(string.IsNullOrWhiteSpace(problem), context);
                Assert.True(ProblemLocations.NamesPlugstackPlace(problem), $"{context}\nproblem does not say where: {problem}");
                Assert.DoesNotContain(Marker, problem);
            }

            accepted += configuration is null ? 0 : 1;
            rejectedWithSecret += configuration is null && words.Any(w => w.Contains(Marker, StringComparison.Ordinal)) ? 1 : 0;
        }

        Assert.InRange(accepted, 300, 5700);
        Assert.True(rejectedWithSecret >= 1000, $"{rejectedWithSecret} rejected lines held a secret");
    }

    [Fact]
    public void PlugstackParser_GeneratedLines_ShownMasksEverySecretTheTraceMustNotShow()
    {
        var generator = new ConfigurationInputGenerator(7);
        for (var round = 0; round < 6000; round++)
        {
            var words = generator.PlugstackWords();
            var seedLine = words.Length == SiteSettings.Positional.Count && words.All(w => !SettingKeys.IsKeyed(w));
            for (var i = 0; i < words.Length; i++)
            {
                var shown = Run(() => PlugstackParser.Shown(words, i), $"round {round} index {i}: {Describe(words)}");

                // The seed's trace shows its non-secret positions as they are, whatever they contain.
                if (!(seedLine && !SiteSettings.Positional[i].IsSecret))
                    Assert.DoesNotContain(Marker, shown);
            }
        }
    }

    [Fact]
    public void SecretsFileParser_GeneratedFiles_ProblemsSayWhichLineAndShowNoSecret()
    {
        var generator = new ConfigurationInputGenerator(424242);
        var problemsBesideSecrets = 0;
        for (var round = 0; round < 6000; round++)
        {
            var content = generator.SecretsFile();
            var context = $"round {round}: {Convert.ToBase64String(content)}";
            var problems = new List<string>();

            var entries = Run(() => SecretsFileParser.Parse(Path, content, problems), context);

            var lines = content.Count(b => b == (byte)'\n') + 1;
            foreach (var problem in problems)
            {
                Assert.True(ProblemLocations.NamesFileLine(problem, Path), $"{context}\nproblem does not say where: {problem}");
                Assert.InRange(LineNumber(problem), 1, lines);
                Assert.DoesNotContain(Marker, problem);
            }

            Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), context));
            problemsBesideSecrets += problems.Count > 0 && content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker)) >= 0 ? 1 : 0;
        }

        Assert.True(problemsBesideSecrets >= 1000, $"{problemsBesideSecrets} files with problems held a secret");
    }

    [Fact]
    public void SiteConfigurationLoader_GeneratedSites_GiveExactlyOneOutcomeThatShowsNoSecret()
    {
        var generator = new ConfigurationInputGenerator(31337);
        var (ready, broken, notOffered) = (0, 0, 0);
        for (var round = 0; round < 4000; round++)
        {
            var words = generator.PlugstackWords();
            var snapshot = generator.Snapshot();
            var backend = generator.Backend();
            var context = $"round {round}: {Describe(words)} / {snapshot.Status} / {backend}";

            var result = Run(() => SiteConfigurationLoader.Load(words, snapshot, backend), context);

            var outcomes = (result.Settings is null ? 0 : 1) + (result.Problems.Count == 0 ? 0 : 1) + (result.NotOfferedMessage is null ? 0 : 1);
            Assert.True(outcomes == 1, context);
            if (result.NotOfferedMessage is { } refusal)
                Assert.StartsWith($"unknown backend '{backend}'; available: ", refusal);
            foreach (var problem in result.Problems)
            {
                Assert.True(
                    ProblemLocations.NamesPlugstackPlace(problem) || ProblemLocations.NamesFileLine(problem, Path) || ProblemLocations.NamesFileOrBackend(problem),
                    $"{context}\nproblem does not say where: {problem}");
                Assert.DoesNotContain(Marker, problem);
            }

            if (result.Settings is { } settings)
                Assert.All(SiteSettings.Required, s => Assert.Contains(settings.Values, v => v.Key == s));
            ready += result.Settings is null ? 0 : 1;
            broken += result.Problems.Count == 0 ? 0 : 1;
            notOffered += result.NotOfferedMessage is null ? 0 : 1;
        }

        Assert.True(ready >= 50 && broken >= 1000 && notOffered >= 50, $"ready {ready}, broken {broken}, not offered {notOffered}");
    }

    [Fact]
    public void TaskInitCallback_GeneratedSites_LogNoSecretAtInfoOrError()
    {
        var generator = new ConfigurationInputGenerator(99);
        for (var round = 0; round < 1500; round++)
        {
            var words = generator.PlugstackWords();
            var snapshot = generator.Snapshot();
            var host = new RecordingSpankHost();

            var rc = Run(() => TaskInitCallback.Run(host, words, generator.Backend(), "sampler", snapshot), $"round {round}: {Describe(words)}");

            Assert.Contains(rc, new[] { SpankResult.Success, SpankResult.Failure });
            Assert.All(host.Errors.Concat(host.Infos), line => Assert.DoesNotContain(Marker, line));
            if (rc == SpankResult.Failure)
                Assert.Single(host.Errors);
        }
    }

    private static T Run<T>(Func<T> action, string context)
    {
        try
        {
            return action();
        }
        catch (Exception exception)
        {
            Assert.Fail($"{exception.GetType().Name} escaped for {context}\n{exception}");
            throw;
        }
    }

    private static int LineNumber(string problem)
    {
        var rest = problem[(Path.Length + " line ".Length)..];
        return int.Parse(new string([.. rest.TakeWhile(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Describe(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => Convert.ToBase64String(Encoding.UTF8.GetBytes(w))));
}
