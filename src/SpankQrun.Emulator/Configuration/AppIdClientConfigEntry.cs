namespace SpankQrun.Emulator.Configuration;

/// <summary>An "app_id_clients" entry of the configuration file.</summary>
public sealed class AppIdClientConfigEntry
{
    public string? ClientId { get; set; }
    public string? Secret { get; set; }
}
