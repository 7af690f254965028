using SpankQrun.DirectAccess.Backends;

namespace SpankQrun.Accounting.Licenses;

/// <summary>Where a backend's status, lock and lanes come from (the Direct Access API).</summary>
public interface IBackendStateSource
{
    Task<BackendState> GetAsync(string backend, CancellationToken cancellationToken);
}
