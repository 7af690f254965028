using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Contract;

namespace SpankQrun.Gateway.Store;

/// <summary>
/// The gateway's state: jobs (also the usage records), Slurm jobs already reported to the end observer, and
/// the hashes of MUNGE credentials seen (replay across instances). SQLite or PostgreSQL, same SQL.
/// </summary>
public sealed class GatewayStore
{
    private const string Columns =
        "id, uid, user_name, account, slurm_job_id, slurm_step_id, backend, program_id, timeout_secs, log_level, input_bytes, status, " +
        "created_time, submitted_time, started_time, end_time, reason_code, reason_message, reason_solution, quantum_nanoseconds, " +
        "results_bytes, cleanup_started_time, deleted_time";

    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS gateway_jobs (id VARCHAR(64) PRIMARY KEY, uid BIGINT NOT NULL, user_name VARCHAR(256) NOT NULL, " +
        "account VARCHAR(256) NOT NULL, slurm_job_id VARCHAR(32) NOT NULL, slurm_step_id VARCHAR(32), backend VARCHAR(128) NOT NULL, " +
        "program_id VARCHAR(32) NOT NULL, timeout_secs INTEGER NOT NULL, log_level VARCHAR(16) NOT NULL, input_bytes BIGINT NOT NULL, " +
        "status VARCHAR(16) NOT NULL, created_time VARCHAR(40) NOT NULL, submitted_time VARCHAR(40), started_time VARCHAR(40), " +
        "end_time VARCHAR(40), reason_code VARCHAR(64), reason_message TEXT, reason_solution TEXT, quantum_nanoseconds BIGINT, " +
        "results_bytes BIGINT, cleanup_started_time VARCHAR(40), deleted_time VARCHAR(40))",
        "CREATE INDEX IF NOT EXISTS gateway_jobs_uid ON gateway_jobs (uid)",
        "CREATE INDEX IF NOT EXISTS gateway_jobs_slurm ON gateway_jobs (slurm_job_id)",
        "CREATE INDEX IF NOT EXISTS gateway_jobs_created ON gateway_jobs (created_time)",
        "CREATE TABLE IF NOT EXISTS slurm_jobs_ended (slurm_job_id VARCHAR(32) PRIMARY KEY, reported_time VARCHAR(40) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS munge_seen (credential_hash VARCHAR(64) PRIMARY KEY, expires_time VARCHAR(40) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS cleanup_claims (slurm_job_id VARCHAR(32) PRIMARY KEY, owner VARCHAR(64) NOT NULL, lease_until VARCHAR(40) NOT NULL)",
    ];

    // A final status is never replaced by another one, and the cleanup and deletion times, once set, stay.
    private static readonly string UpdateSql =
        "UPDATE gateway_jobs SET " +
        string.Join(", ", Columns.Split(", ").Skip(1).Select(c => c switch
        {
            "cleanup_started_time" or "deleted_time" => $"{c} = COALESCE({c}, @{c})",
            _ => $"{c} = @{c}",
        })) +
        $" WHERE id = @id AND (status NOT IN ('{GatewayJobStatus.Completed}', '{GatewayJobStatus.Failed}', '{GatewayJobStatus.Cancelled}') OR status = @status)";

    /// <summary>The advisory lock key that serialises schema creation ("qrungtwy" in ASCII).</summary>
    private const long SchemaLockKey = 0x7172756E67747779;

    private static readonly TimeSpan CredentialPurgeInterval = TimeSpan.FromSeconds(30);

    private readonly DatabaseSettings database;
    private readonly NpgsqlDataSource? postgres;
    private long nextCredentialPurge;

    public GatewayStore(DatabaseSettings database)
    {
        this.database = database;
        if (database.Kind == DatabaseKind.PostgreSql)
            postgres = NpgsqlDataSource.Create(database.ConnectionString);
    }

    /// <summary>Creates the tables if needed. Throws <see cref="GatewayStoreException"/> naming the database (never its password).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (database.Kind == DatabaseKind.Sqlite)
        {
            var directory = Path.GetDirectoryName(database.ConnectionString);
            try
            {
                if (!string.IsNullOrEmpty(directory))
                    Directory.CreateDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new GatewayStoreException(GatewayMessages.DatabaseUnusable(database.Description, e.Message));
            }
        }

        await RunAsync(async connection =>
        {
            if (database.Kind == DatabaseKind.Sqlite)
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
            // PostgreSQL's CREATE TABLE IF NOT EXISTS fails (unique violation in pg_type) when another session
            // creates the same table at that moment: instances started together take turns on a session lock.
            var postgreSql = database.Kind == DatabaseKind.PostgreSql;
            if (postgreSql)
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var statement in Schema)
                    await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (postgreSql)
                    await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        if (database.Kind == DatabaseKind.Sqlite)
            RestrictSqliteFiles();
    }

    /// <summary>True when the database answers.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(c => ExecuteAsync(c, "SELECT 1", cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GatewayStoreException)
        {
            return false;
        }
    }

    public Task InsertAsync(GatewayJob job, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO gateway_jobs ({Columns}) VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "@" + c))})";
        Bind(command, job);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    /// <summary>
    /// Writes the job's record unless the stored one already has another final status (status only moves forward:
    /// another instance may have finished the job meanwhile). False when refused: read the stored record again.
    /// </summary>
    public Task<bool> UpdateAsync(GatewayJob job, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = UpdateSql;
        Bind(command, job);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }, cancellationToken);

    /// <summary>The job with this id, deleted or not.</summary>
    public async Task<GatewayJob?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = @a", [id], cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The caller's jobs that are not deleted, newest first.</summary>
    public Task<List<GatewayJob>> ListOfUserAsync(uint uid, CancellationToken cancellationToken) =>
        QueryAsync("WHERE uid = @a AND deleted_time IS NULL ORDER BY created_time DESC", [(long)uid], cancellationToken);

    /// <summary>Jobs whose Direct Access job or objects may still exist.</summary>
    public Task<List<GatewayJob>> ListLiveAsync(CancellationToken cancellationToken) =>
        QueryAsync("WHERE deleted_time IS NULL ORDER BY created_time", [], cancellationToken);

    /// <summary>Every job of the Slurm jobs not yet reported to the end observers (deleted ones included).</summary>
    public Task<List<GatewayJob>> ListOfUnreportedSlurmJobsAsync(CancellationToken cancellationToken) =>
        QueryAsync("WHERE slurm_job_id NOT IN (SELECT slurm_job_id FROM slurm_jobs_ended) ORDER BY created_time", [], cancellationToken);

    /// <summary>Every job of one Slurm job (deleted ones included), oldest first.</summary>
    public Task<List<GatewayJob>> ListOfSlurmJobAsync(string slurmJobId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE slurm_job_id = @a ORDER BY created_time", [slurmJobId], cancellationToken);

    /// <summary>The jobs of one Slurm job, none if it was reported already (by any instance).</summary>
    public Task<List<GatewayJob>> ListOfUnreportedSlurmJobAsync(string slurmJobId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE slurm_job_id = @a AND slurm_job_id NOT IN (SELECT slurm_job_id FROM slurm_jobs_ended) ORDER BY created_time", [slurmJobId], cancellationToken);

    /// <summary>Jobs created in [since, until).</summary>
    public Task<List<GatewayJob>> ListCreatedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        QueryAsync("WHERE created_time >= @a AND created_time < @b ORDER BY created_time", [Time(since), Time(until)], cancellationToken);

    /// <summary>Records that <paramref name="slurmJobId"/> was reported; false if it already was (by any instance).</summary>
    public Task<bool> TryMarkSlurmJobReportedAsync(string slurmJobId, DateTimeOffset now, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO slurm_jobs_ended (slurm_job_id, reported_time) VALUES (@a, @b) ON CONFLICT (slurm_job_id) DO NOTHING";
        Add(command, "a", slurmJobId);
        Add(command, "b", Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }, cancellationToken);

    /// <summary>
    /// Claims the cleanup of an ended Slurm job for <paramref name="owner"/> until <paramref name="leaseUntil"/>, so
    /// that of several gateway instances exactly one acts on it. True when the claim is (still) the owner's: it had
    /// none, held it already (renewal), or the last owner's lease ran out (that instance stopped).
    /// </summary>
    public Task<bool> TryClaimCleanupAsync(string slurmJobId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO cleanup_claims (slurm_job_id, owner, lease_until) VALUES (@a, @b, @c) " +
            "ON CONFLICT (slurm_job_id) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until " +
            "WHERE cleanup_claims.owner = excluded.owner OR cleanup_claims.lease_until < @d";
        Add(command, "a", slurmJobId);
        Add(command, "b", owner);
        Add(command, "c", Time(leaseUntil));
        Add(command, "d", Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }, cancellationToken);

    /// <summary>Forgets the cleanup claim of a Slurm job that is reported (nothing is left to clean up).</summary>
    public Task ReleaseCleanupAsync(string slurmJobId, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM cleanup_claims WHERE slurm_job_id = @a";
        Add(command, "a", slurmJobId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    /// <summary>Records a credential's hash; false if it was seen before (a replay).</summary>
    /// <remarks>
    /// On SQLite this write does not wait for the disk (<c>synchronous=NORMAL</c>; still atomic in WAL mode): the record
    /// only has to outlive the credential's few minutes, which a power loss ends for munged's own replay cache too (it
    /// lives in memory), and it is on every request's path (an fsync took 0.4 ms median, 1.0 ms p90 on the test machine).
    /// Job and usage records keep SQLite's default, <c>synchronous=FULL</c>.
    /// </remarks>
    public Task<bool> TryRecordCredentialAsync(string hash, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        // Expired hashes are purged at most once per interval, not by every request (a table scan each time).
        var due = Interlocked.Read(ref nextCredentialPurge);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref nextCredentialPurge, (now + CredentialPurgeInterval).UtcTicks, due) == due)
        {
            using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM munge_seen WHERE expires_time < @a";
            Add(purge, "a", Time(now));
            await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO munge_seen (credential_hash, expires_time) VALUES (@a, @b) ON CONFLICT (credential_hash) DO NOTHING";
        Add(command, "a", hash);
        Add(command, "b", Time(expires));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }, cancellationToken, durable: false);

    /// <summary>SQLite's <c>PRAGMA synchronous</c> on a connection opened as a write of that durability would be (tests).</summary>
    internal Task<long> SqliteSynchronousAsync(bool durable, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }, cancellationToken, durable);

    private async Task<List<GatewayJob>> QueryAsync(string where, object[] values, CancellationToken cancellationToken) => await RunAsync(async connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM gateway_jobs {where}";
        for (var i = 0; i < values.Length; i++)
            Add(command, ((char)('a' + i)).ToString(), values[i]);
        var jobs = new List<GatewayJob>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            jobs.Add(Read(reader));
        return jobs;
    }, cancellationToken).ConfigureAwait(false);

    private async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> action, CancellationToken cancellationToken, bool durable = true)
    {
        try
        {
            await using var connection = await OpenAsync(durable, cancellationToken).ConfigureAwait(false);
            return await action(connection).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw new GatewayStoreException(GatewayMessages.DatabaseUnusable(database.Description, e.Message));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
        {
            throw new GatewayStoreException(GatewayMessages.DatabaseUnusable(database.Description, e.Message));
        }
    }

    /// <summary>
    /// A connection; on SQLite with its durability set on every open, since pooled connections keep a PRAGMA from their
    /// last use (<paramref name="durable"/>: each commit waits for the disk).
    /// </summary>
    private async Task<DbConnection> OpenAsync(bool durable, CancellationToken cancellationToken)
    {
        if (postgres is not null)
            return await postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database.ConnectionString,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = durable
            ? "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL"
            : "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private void RestrictSqliteFiles()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            var file = database.ConnectionString + suffix;
            if (File.Exists(file) && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Bind(DbCommand command, GatewayJob job)
    {
        Add(command, "id", job.Id);
        Add(command, "uid", (long)job.Uid);
        Add(command, "user_name", job.UserName);
        Add(command, "account", job.Account);
        Add(command, "slurm_job_id", job.SlurmJobId);
        Add(command, "slurm_step_id", job.SlurmStepId);
        Add(command, "backend", job.Backend);
        Add(command, "program_id", job.ProgramId);
        Add(command, "timeout_secs", job.TimeoutSecs);
        Add(command, "log_level", job.LogLevel);
        Add(command, "input_bytes", job.InputBytes);
        Add(command, "status", job.Status);
        Add(command, "created_time", Time(job.CreatedTime));
        Add(command, "submitted_time", Time(job.SubmittedTime));
        Add(command, "started_time", Time(job.StartedTime));
        Add(command, "end_time", Time(job.EndTime));
        Add(command, "reason_code", job.ReasonCode);
        Add(command, "reason_message", job.ReasonMessage);
        Add(command, "reason_solution", job.ReasonSolution);
        Add(command, "quantum_nanoseconds", job.QuantumNanoseconds);
        Add(command, "results_bytes", job.ResultsBytes);
        Add(command, "cleanup_started_time", Time(job.CleanupStartedTime));
        Add(command, "deleted_time", Time(job.DeletedTime));
    }

    private static GatewayJob Read(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        long? Long(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
        return new GatewayJob
        {
            Id = reader.GetString(0),
            Uid = (uint)reader.GetInt64(1),
            UserName = reader.GetString(2),
            Account = reader.GetString(3),
            SlurmJobId = reader.GetString(4),
            SlurmStepId = Text(5),
            Backend = reader.GetString(6),
            ProgramId = reader.GetString(7),
            TimeoutSecs = (int)reader.GetInt64(8),
            LogLevel = reader.GetString(9),
            InputBytes = reader.GetInt64(10),
            Status = reader.GetString(11),
            CreatedTime = ParseTime(Text(12))!.Value,
            SubmittedTime = ParseTime(Text(13)),
            StartedTime = ParseTime(Text(14)),
            EndTime = ParseTime(Text(15)),
            ReasonCode = Text(16),
            ReasonMessage = Text(17),
            ReasonSolution = Text(18),
            QuantumNanoseconds = Long(19),
            ResultsBytes = Long(20),
            CleanupStartedTime = ParseTime(Text(21)),
            DeletedTime = ParseTime(Text(22)),
        };
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    // Fixed-width UTC text: sorts and compares the same way in SQLite and PostgreSQL.
    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    private static DateTimeOffset? ParseTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
