namespace SpankQrun.Gateway.Configuration;

/// <summary>Which database holds the gateway's state.</summary>
public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>The database; the connection string may hold a password and is never printed.</summary>
public sealed record DatabaseSettings(DatabaseKind Kind, string ConnectionString)
{
    /// <summary>Default: an SQLite file under /var/lib/qrun-gateway.</summary>
    public const string DefaultSqlitePath = "/var/lib/qrun-gateway/gateway.db";

    /// <summary>Safe description for logs and messages.</summary>
    public string Description => Kind == DatabaseKind.Sqlite ? $"SQLite {ConnectionString}" : "PostgreSQL";

    /// <inheritdoc />
    public override string ToString() => Description;
}
