using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Told when one Direct Access job reaches a final status and its usage is recorded, beside the request that saw it
/// and before the job's removal (qrun's DELETE, the cleanup) is answered (<see cref="JobEndNotifier"/>): its Slurm job
/// usually still runs. Failures are logged, not thrown; the Slurm job's end observers see the job again.
/// </summary>
public interface IDirectAccessJobEndObserver
{
    Task OnDirectAccessJobEndedAsync(GatewayJob job, CancellationToken cancellationToken);
}
