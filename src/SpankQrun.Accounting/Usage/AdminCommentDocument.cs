using System.Text;
using System.Text.Json;

namespace SpankQrun.Accounting.Usage;

/// <summary>
/// The JSON written into a finished Slurm job's AdminComment (which only root and Slurm administrators may
/// change), keeping the backend binding job_submit.lua wrote:
/// <code>{"qrun":{"backend":"B","quantum_nanoseconds":T,"jobs":[{"id":"...","step":"0","status":"Completed","reason_code":null,"quantum_nanoseconds":N}]}}</code>
/// T is the sum over every Direct Access job (a job the service reported no usage for counts 0). At most
/// <see cref="MaxListedJobs"/> jobs are listed; "jobs_omitted" counts the others, which T still includes.
/// Compact and without a space (written as \u0020 inside strings), so that it stays one field in <c>scontrol show job -o</c>.
/// </summary>
public static class AdminCommentDocument
{
    public const int MaxListedJobs = 32;

    public static string Build(string backend, IReadOnlyList<DirectAccessJobUsage> jobs)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(jobs);
        var ordered = jobs.OrderBy(j => j.SlurmStepId, StringComparer.Ordinal).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("qrun");
            json.WriteString("backend", backend);
            json.WriteNumber("quantum_nanoseconds", ordered.Sum(j => j.QuantumNanoseconds ?? 0));
            json.WriteStartArray("jobs");
            foreach (var job in ordered.Take(MaxListedJobs))
            {
                json.WriteStartObject();
                json.WriteString("id", job.Id);
                WriteStringOrNull(json, "step", job.SlurmStepId);
                json.WriteString("status", job.Status);
                WriteStringOrNull(json, "reason_code", job.ReasonCode);
                if (job.QuantumNanoseconds is { } nanoseconds)
                {
                    json.WriteNumber("quantum_nanoseconds", nanoseconds);
                }
                else
                {
                    json.WriteNull("quantum_nanoseconds");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (ordered.Count > MaxListedJobs)
            {
                json.WriteNumber("jobs_omitted", ordered.Count - MaxListedJobs);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        // Compact JSON has spaces only inside strings, where \u0020 means the same: the document then holds no
        // space at all and stays one field of `scontrol show job -o`.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace(" ", "\\u0020", StringComparison.Ordinal);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
