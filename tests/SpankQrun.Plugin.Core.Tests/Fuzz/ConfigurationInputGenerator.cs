using System.Text;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests.Fuzz;

/// <summary>
/// Generates plugstack.conf lines and secrets files from a fixed seed: near-valid words and lines from a
/// small grammar, mutations of them, and random text and bytes. Secrets are planted only where a value
/// must never be shown (values of secret keys, whole words or lines, text before '='); each starts with
/// <see cref="SecretMarker"/>, so a message that shows one is found by searching for the marker.
/// </summary>
internal sealed class ConfigurationInputGenerator(int seed)
{
    public const string SecretMarker = "SECRETzq81";

    public const string SecretsPath = "/etc/slurm/qrun-secrets.conf";

    public static readonly string[] OfferedBackends = ["ibm_torino", "ibm_fez", "fake-x.2"];

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Keys =
    [
        .. SiteSettings.All.Select(s => s.Key), SettingKeys.Backends, SettingKeys.Secrets,
        "apikey", "IAM_APIKEY", "iam-apikey", "s3_bucket ", " s3_bucket", "", " ", "x", "k_1", "_k", "1k", ".s3_bucket",
        "ibm fez.s3_bucket", "a/b.s3_region", "ibm_fez.", "ibm_fez.backends", "ibm_x.secrets",
    ];

    private static readonly string[] SecretKeys = [.. SiteSettings.All.Where(s => s.IsSecret).Select(s => s.Key)];

    private static readonly string[] BackendPrefixes = [.. OfferedBackends, "ibm_gone", "IBM_Fez", "a.b", "-", new string('b', 130)];

    private static readonly string[] SectionNames = [.. OfferedBackends, "ibm_gone", "", " ", "a b", "a/b", "[x]", new string('b', 130)];

    private static readonly string[] Values =
    [
        "http://127.0.0.1:8290", "https://iam.example", "https://h.example:9/p?q=1", "http://[::1]:80", "ftp://h/", "http://",
        "http://u:p@h.example", "localhost:1", "b", "us-east-1", "crn:v1:bluemix:public:x", SecretsPath, "relative/path", "~/x",
        "", " ", "=", "a=b", "[", "]", "#", "[x]", "# not a comment", "\0", "\n", "\t", "\r", "\u00e9", "\u202e", "\ud800", "\ufffd",
        "ibm_torino,ibm_fez", "ibm_torino,ibm_fez,fake-x.2", "a,,b", "a,a", ",", "ibm torino",
    ];

    private static readonly string[] Pieces = ["=", "[", "]", "#", ".", ",", "_", "-", "/", ":", " ", "\t", "\r", "\0", "\u0001", "\u007f", "\u00e9", "\u202e", "\ud800", "\udc00", "\ufffd", "\u2028"];

    private static readonly byte[] InterestingBytes = [(byte)'=', (byte)'[', (byte)']', (byte)'#', (byte)'\n', (byte)'\r', (byte)' ', 0, 1, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFE, 0xFF];

    private readonly Random random = new(seed);

    /// <summary>A plugstack.conf argument list.</summary>
    public string[] PlugstackWords()
    {
        return random.Next(5) switch
        {
            0 => NearValidLine(),
            1 => [.. SiteArguments.Valid().Select(w => random.Next(6) == 0 ? PlugstackWord() : w)],
            _ => [.. Enumerable.Range(0, random.Next(13)).Select(_ => PlugstackWord())],
        };
    }

    /// <summary>A secrets file's content.</summary>
    public byte[] SecretsFile()
    {
        var lines = random.Next(4) == 0
            ? [.. NearValidFileLines().Select(l => random.Next(5) == 0 ? FileLine() : l)]
            : Enumerable.Range(0, random.Next(12)).Select(_ => FileLine()).ToList();
        var separator = random.Next(4) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        var content = new List<byte>();
        if (random.Next(10) == 0)
            content.AddRange([0xEF, 0xBB, 0xBF]);
        foreach (var line in lines)
        {
            content.AddRange(line);
            content.AddRange(separator);
        }

        return [.. content];
    }

    /// <summary>What root found: mostly the file read, sometimes refused, sometimes another path.</summary>
    public SecretsFileSnapshot Snapshot()
    {
        var path = random.Next(10) == 0 ? "/tmp/other.conf" : SecretsPath;
        if (random.Next(3) != 0)
            return new SecretsFileSnapshot(path, SecretsFileStatus.Read, string.Empty, 0, 0x8180, SecretsFile());
        var status = (SecretsFileStatus)random.Next(0, 10);
        return new SecretsFileSnapshot(path, status, Pick(["", "No such file or directory", "Permission denied"]), (uint)random.Next(0, 70000), (uint)random.Next(0, 0x10000), []);
    }

    /// <summary>The backend a job asks for.</summary>
    public string Backend() => Pick([.. OfferedBackends, "ibm_gone", "fake_brisbane"]);

    public string NewSecret()
    {
        var builder = new StringBuilder(SecretMarker);
        var length = random.Next(12, 41);
        for (var i = 0; i < length; i++)
            builder.Append(Alphanumerics[random.Next(Alphanumerics.Length)]);
        if (random.Next(3) == 0)
            builder.Append(Pick(["/", "+", "=", "+/=="]));
        return builder.ToString();
    }

    private string[] NearValidLine()
    {
        List<string> words =
        [
            $"backends={string.Join(',', OfferedBackends)}", $"secrets={SecretsPath}", "daapi_endpoint=http://127.0.0.1:8290",
            "s3_endpoint=http://127.0.0.1:9000", "s3_bucket=qrun-bucket", "s3_region=us-east-1", "ibm_fez.s3_bucket=fez-bucket",
            $"ibm_torino.iam_apikey={NewSecret()}", "service_crn=crn:v1:x", "iam_endpoint=https://iam.example",
        ];
        for (var edits = random.Next(3); edits > 0; edits--)
        {
            var index = random.Next(words.Count);
            switch (random.Next(4))
            {
                case 0: words.RemoveAt(index); break;
                case 1: words.Insert(index, PlugstackWord()); break;
                case 2: words[index] = Mutate(words[index]); break;
                default: words.Add(words[index]); break;
            }
        }

        return [.. words];
    }

    private List<byte[]> NearValidFileLines() =>
    [
        .. new[]
        {
            "# site credentials", $"aws_access_key_id = {NewSecret()}", $"aws_secret_access_key = {NewSecret()}", "",
            "[ibm_fez]", $"appid_client_id={NewSecret()}", $"appid_secret={NewSecret()}",
            "[fake-x.2]", $"iam_apikey={NewSecret()}", "service_crn=crn:v1:y", "iam_endpoint=https://iam.example",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private string PlugstackWord() => random.Next(10) switch
    {
        0 or 1 => KeyedWord(),
        2 => $"{Prefix()}{Pick(SecretKeys)}={NewSecret()}",
        3 => Pick(SiteArguments.Valid()),
        4 => NewSecret(),
        5 => $"{NewSecret()}={Pick(Values)}",
        6 => RandomText(),
        7 => Mutate(KeyedWord()),
        8 => Mutate($"{Pick(SecretKeys)}={NewSecret()}"),
        _ => $"{Pick(Keys)}={Pick(Values)}",
    };

    private string KeyedWord()
    {
        var key = Prefix() + Pick(Keys);
        var isSecretKey = SettingKeys.TrySplit(key, out _, out var setting) && setting.IsSecret;
        return $"{key}={(isSecretKey && random.Next(2) == 0 ? NewSecret() : Pick(Values))}";
    }

    private string Prefix() => random.Next(4) == 0 ? Pick(BackendPrefixes) + "." : string.Empty;

    private byte[] FileLine()
    {
        var text = random.Next(12) switch
        {
            0 or 1 => $"{Spaces()}{Pick(Keys)}{Spaces()}={Spaces()}{Pick(Values)}{Spaces()}",
            2 => $"{Spaces()}{Pick(SecretKeys)}{Spaces()}={Spaces()}{NewSecret()}{Spaces()}",
            3 => $"{Spaces()}[{Pick(SectionNames)}]{Spaces()}",
            4 => $"{Spaces()}# {RandomText()} {NewSecret()}",
            5 => Spaces(),
            6 => Spaces() + NewSecret(),
            7 => $"{NewSecret()}{Spaces()}={Pick(Values)}",
            8 => null,
            9 => RandomText(),
            10 => Mutate($"{Pick(SecretKeys)}={NewSecret()}"),
            _ => $"{Pick(SecretKeys)}={NewSecret()}{Pick(Pieces)}",
        };
        return text is null ? RandomBytes() : Encoding.UTF8.GetBytes(text);
    }

    private string Mutate(string word)
    {
        var builder = new StringBuilder(word);
        for (var edits = random.Next(1, 3); edits > 0; edits--)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(3))
            {
                case 0 when at < builder.Length: builder.Remove(at, 1); break;
                case 1 when at < builder.Length: builder[at] = Pick(Pieces)[0]; break;
                default: builder.Insert(at, Pick(Pieces)); break;
            }
        }

        return builder.ToString();
    }

    private string RandomText()
    {
        var length = random.Next(20) == 0 ? random.Next(1000, 20000) : random.Next(0, 24);
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            if (random.Next(3) == 0)
                builder.Append(Pick(Pieces));
            else
                builder.Append((char)random.Next(0x20, 0x7F));
        }

        return builder.ToString();
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(20) == 0 ? random.Next(1000, 20000) : random.Next(0, 40)];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = random.Next(3) == 0 ? InterestingBytes[random.Next(InterestingBytes.Length)] : (byte)random.Next(256);
        return bytes;
    }

    private string Spaces() => Pick(["", "", " ", "\t", "  \t "]);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
