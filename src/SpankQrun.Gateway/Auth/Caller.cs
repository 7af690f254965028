namespace SpankQrun.Gateway.Auth;

/// <summary>Who made the request, as MUNGE proved it.</summary>
public sealed record Caller(uint Uid, uint Gid);
