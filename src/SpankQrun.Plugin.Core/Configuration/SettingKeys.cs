using System.Diagnostics.CodeAnalysis;

namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// The keys of the <c>key=value</c> forms: a setting's key (<c>s3_bucket</c>), a setting for one backend
/// (<c>ibm_fez.s3_bucket</c>, plugstack.conf only), <c>backends</c> and <c>secrets</c>.
/// </summary>
public static class SettingKeys
{
    /// <summary>The backend names the site offers, comma separated (plugstack.conf only: it is public).</summary>
    public const string Backends = "backends";

    /// <summary>The absolute path of the root-only secrets file (plugstack.conf only).</summary>
    public const string Secrets = "secrets";

    /// <summary>
    /// The site gateway's base URL (plugstack.conf only). With it, tasks get no site setting at all: the
    /// gateway holds them and acts for the job.
    /// </summary>
    public const string Gateway = "gateway";

    /// <summary>Every key a site may write, for messages.</summary>
    public static readonly string KnownKeys =
        string.Join(", ", SiteSettings.All.Select(s => s.Key).Append(Backends).Append(Secrets).Append(Gateway));

    /// <summary>
    /// Whether a plugstack word is meant as <c>key=value</c>: a lower-case name, optionally after a
    /// backend name and a dot, then <c>=</c>. A seed positional value (a URL, a bucket, a key with upper
    /// case letters or '+' and '/') does not look like that, so the seed's line keeps its meaning.
    /// </summary>
    public static bool IsKeyed(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            return false;
        var key = word.AsSpan(0, equals);
        var dot = key.LastIndexOf('.');
        var name = dot < 0 ? key : key[(dot + 1)..];
        if (dot == 0 || !IsLowerCaseName(name))
            return false;
        foreach (var c in key[..Math.Max(dot, 0)])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
                return false;
        }

        return true;
    }

    /// <summary>The key of a word for which <see cref="IsKeyed"/> is true.</summary>
    public static string KeyOf(string word) => word[..word.IndexOf('=', StringComparison.Ordinal)];

    /// <summary>
    /// Splits a setting key into its backend (null: a default) and setting. False for <c>backends</c>,
    /// <c>secrets</c>, <c>gateway</c> and unknown keys.
    /// </summary>
    public static bool TrySplit(string key, out string? backend, [NotNullWhen(true)] out SiteSetting? setting)
    {
        var dot = key.LastIndexOf('.');
        backend = dot < 0 ? null : key[..dot];
        return SiteSettings.TryFind(dot < 0 ? key : key[(dot + 1)..], out setting);
    }

    /// <summary>Whether a key may be shown in a message about the secrets file (it could be a pasted secret).</summary>
    public static bool IsShowable(string key) => key.Length <= 32 && IsLowerCaseName(key);

    private static bool IsLowerCaseName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetterLower(name[0]))
            return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
                return false;
        }

        return true;
    }
}
