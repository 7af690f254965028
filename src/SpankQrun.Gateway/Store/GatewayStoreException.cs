namespace SpankQrun.Gateway.Store;

/// <summary>The database could not be used; the message names it without its password.</summary>
public sealed class GatewayStoreException(string message) : Exception(message);
