using SpankQrun.DirectAccess.Storage;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// The deletions of a job's objects, each started as soon as nothing needs its object any more (for a completed job:
/// the input once the results are read, the results and the log once the results are saved), so that they run while
/// the rest of the run goes on; cleanup starts the others and waits for all. A deletion started early has its own budget from its
/// start, the others share cleanup's, so the S3 part of cleanup still ends within one budget; none uses the
/// interrupted token, so a signal never cuts one short.
/// </summary>
internal sealed class ObjectDeletions(JobStorage storage, TimeSpan budget)
{
    private readonly Dictionary<string, Task<string?>> started = new(StringComparer.Ordinal);

    /// <summary>Starts deleting <paramref name="key"/>, unless that has started already.</summary>
    public void Start(string key) => StartAfter(Task.CompletedTask, key);

    /// <summary>
    /// Deletes every key of <paramref name="keys"/> not deleted yet within <paramref name="bound"/> and waits for all:
    /// why each one that is not gone is not, in their order.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Reason)>> FinishAsync(IReadOnlyList<string> keys, CancellationToken bound)
    {
        Task<string?>[] deletions;
        lock (started)
        {
            foreach (var key in keys)
            {
                if (!started.ContainsKey(key))
                {
                    started[key] = DeleteAsync(key, bound);
                }
            }

            deletions = keys.Select(key => started[key]).ToArray();
        }

        var reasons = await Task.WhenAll(deletions).ConfigureAwait(false);
        return keys.Select((key, index) => (Key: key, Reason: reasons[index]))
            .Where(left => left.Reason is not null)
            .Select(left => (left.Key, left.Reason!))
            .ToList();
    }

    /// <summary>
    /// Starts deleting <paramref name="key"/> once <paramref name="reader"/> has ended, however it ended (a read that
    /// failed leaves nothing to wait for), unless that deletion has started already.
    /// </summary>
    public void StartAfter(Task reader, string key)
    {
        lock (started)
        {
            if (!started.ContainsKey(key))
            {
                started[key] = DeleteAfterAsync(reader, key);
            }
        }
    }

    /// <summary>The budget runs from the call, as cleanup's runs over its log copy and its deletions together.</summary>
    private async Task<string?> DeleteAfterAsync(Task reader, string key)
    {
        using var own = new CancellationTokenSource(budget);
        await reader.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
            .ConfigureAwait(false);
        return await DeleteAsync(key, own.Token).ConfigureAwait(false);
    }

    /// <summary>Null when the object is gone, else why it is not.</summary>
    private async Task<string?> DeleteAsync(string key, CancellationToken bound)
    {
        try
        {
            await storage.DeleteAsync(key, bound).ConfigureAwait(false);
            return null;
        }
        catch (StorageException exception)
        {
            return exception.Message;
        }
        catch (OperationCanceledException)
        {
            return QrunMessages.TimedOutAfter(budget);
        }
    }
}
