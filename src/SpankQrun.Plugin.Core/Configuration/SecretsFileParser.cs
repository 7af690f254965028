using System.Text;
using System.Text.Unicode;

namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// Reads the root-only secrets file: UTF-8 lines of <c>key=value</c> (defaults for every backend),
/// <c>[backend]</c> section headers (the lines after one apply to that backend only), blank lines and
/// comments (<c>#</c> as the first character that is not blank; a value may contain <c>#</c>).
/// Keys and values are trimmed. Messages name the file, the line and the key, never a value, and never
/// show a line that could not be understood (it may be a pasted secret).
/// </summary>
public static class SecretsFileParser
{
    /// <summary>The largest file read (the C glue enforces it before reading: QRUN_SECRETS_MAX_BYTES).</summary>
    public const int MaxBytes = 65536;

    /// <summary>Parses <paramref name="content"/>; problems are added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<SettingEntry> Parse(string path, ReadOnlySpan<byte> content, List<string> problems)
    {
        var entries = new List<SettingEntry>();
        var keysSeen = new Dictionary<(string? Section, string Key), int>();
        var sectionsSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? section = null;
        var inInvalidSection = false;
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith(byteOrderMark))
            content = content[byteOrderMark.Length..];

        var number = 0;
        foreach (var rawLine in content.Split((byte)'\n'))
        {
            number++;
            var bytes = content[rawLine];
            if (!Utf8.IsValid(bytes))
            {
                problems.Add(ConfigurationMessages.FileLineNotUtf8(path, number));
                continue;
            }

            var line = Encoding.UTF8.GetString(bytes).Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line[0] == '[')
            {
                section = ReadSection(path, number, line, sectionsSeen, problems);
                inInvalidSection = section is null;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problems.Add(ConfigurationMessages.FileLineNotUnderstood(path, number));
                continue;
            }

            // Settings under a header that was refused already have their problem; their keys are not checked.
            if (inInvalidSection)
                continue;

            var key = line[..equals].TrimEnd();
            var origin = ConfigurationMessages.FileOrigin(path, number, SettingKeys.IsShowable(key) ? key : null);
            if (key is SettingKeys.Backends or SettingKeys.Secrets or SettingKeys.Gateway)
            {
                problems.Add(ConfigurationMessages.FileKeyOnlyOnPlugstack(origin, key));
            }
            else if (!SiteSettings.TryFind(key, out var setting))
            {
                problems.Add(SettingKeys.IsShowable(key)
                    ? ConfigurationMessages.KeyUnknown(origin, key)
                    : ConfigurationMessages.FileKeyUnreadable(origin));
            }
            else if (keysSeen.TryGetValue((section, key), out var first))
            {
                problems.Add(ConfigurationMessages.FileKeyRepeated(origin, key, section, first));
            }
            else
            {
                keysSeen[(section, key)] = number;
                var entry = new SettingEntry(section, setting, line[(equals + 1)..].TrimStart(), origin);
                if (SettingValueCheck.Check(entry) is { } problem)
                    problems.Add(problem);
                else
                    entries.Add(entry);
            }
        }

        return entries;
    }

    private static string? ReadSection(string path, int number, string line, Dictionary<string, int> seen, List<string> problems)
    {
        var name = line.EndsWith(']') ? line[1..^1].Trim() : null;
        if (name is null || OptionValidator.CheckBackend(name) is not null)
        {
            problems.Add(ConfigurationMessages.FileSectionInvalid(path, number));
            return null;
        }

        if (seen.TryGetValue(name, out var first))
            problems.Add(ConfigurationMessages.FileSectionRepeated(path, number, name, first));
        else
            seen[name] = number;
        return name;
    }
}
