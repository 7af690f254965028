// The tests share munged, the one Slurm cluster and a few real services: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
