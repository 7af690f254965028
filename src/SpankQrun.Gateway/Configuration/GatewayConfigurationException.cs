namespace SpankQrun.Gateway.Configuration;

/// <summary>The configuration cannot be used; the message lists every problem and names no secret value.</summary>
public sealed class GatewayConfigurationException(string message) : Exception(message);
