using System.Globalization;
using System.Text;
using System.Text.Json;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Usage;

/// <summary>Totals of the usage records per user, account or backend, printed as a table, CSV or JSON.</summary>
public static class UsageReport
{
    public static readonly string[] Groupings = ["user", "account", "backend"];
    public static readonly string[] Formats = ["table", "csv", "json"];

    public static IReadOnlyList<UsageRow> Totals(IEnumerable<GatewayJob> jobs, string by) =>
        jobs.GroupBy(j => by switch { "account" => j.Account, "backend" => j.Backend, _ => j.UserName }, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UsageRow(
                g.Key,
                g.Count(),
                g.Count(j => j.Status == GatewayJobStatus.Completed),
                g.Count(j => j.Status == GatewayJobStatus.Failed),
                g.Count(j => j.Status == GatewayJobStatus.Cancelled),
                g.Sum(j => j.QuantumNanoseconds ?? 0),
                g.Sum(j => j.IsSubmitted ? j.InputBytes : 0),
                g.Sum(j => j.ResultsBytes ?? 0)))
            .ToList();

    public static string Format(IReadOnlyList<UsageRow> rows, string by, string format, DateTimeOffset since, DateTimeOffset until) => format switch
    {
        "csv" => Csv(rows, by),
        "json" => Json(rows, by, since, until),
        _ => Table(rows, by, since, until),
    };

    private static readonly string[] Headers = ["jobs", "completed", "failed", "cancelled", "quantum_seconds", "bytes_in", "bytes_out"];

    private static string[] Cells(UsageRow row) =>
    [
        row.Jobs.ToString(CultureInfo.InvariantCulture), row.Completed.ToString(CultureInfo.InvariantCulture),
        row.Failed.ToString(CultureInfo.InvariantCulture), row.Cancelled.ToString(CultureInfo.InvariantCulture),
        (row.QuantumNanoseconds / 1e9).ToString("0.000000", CultureInfo.InvariantCulture),
        row.BytesIn.ToString(CultureInfo.InvariantCulture), row.BytesOut.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Table(IReadOnlyList<UsageRow> rows, string by, DateTimeOffset since, DateTimeOffset until)
    {
        string[] header = [by, .. Headers];
        var all = new List<string[]> { header };
        all.AddRange(rows.Select(r => (string[])[r.Key, .. Cells(r)]));
        if (rows.Count > 0)
            all.Add(["TOTAL", .. Cells(new UsageRow("", rows.Sum(r => r.Jobs), rows.Sum(r => r.Completed), rows.Sum(r => r.Failed), rows.Sum(r => r.Cancelled), rows.Sum(r => r.QuantumNanoseconds), rows.Sum(r => r.BytesIn), rows.Sum(r => r.BytesOut)))]);
        var widths = Enumerable.Range(0, all[0].Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"usage {GatewayStore.Time(since)} to {GatewayStore.Time(until)} by {by}\n");
        foreach (var row in all)
            text.Append(string.Join("  ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])))).Append('\n');
        if (rows.Count == 0)
            text.Append("(no jobs in this period)\n");
        return text.ToString();
    }

    private static string Csv(IReadOnlyList<UsageRow> rows, string by)
    {
        var text = new StringBuilder();
        text.Append(by).Append(',').Append(string.Join(',', Headers)).Append('\n');
        foreach (var row in rows)
            text.Append(CsvCell(row.Key)).Append(',').Append(string.Join(',', Cells(row))).Append('\n');
        return text.ToString();
    }

    private static string CsvCell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Json(IReadOnlyList<UsageRow> rows, string by, DateTimeOffset since, DateTimeOffset until)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("since", since);
            writer.WriteString("until", until);
            writer.WriteString("by", by);
            writer.WriteStartArray("rows");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString(by, row.Key);
                writer.WriteNumber("jobs", row.Jobs);
                writer.WriteNumber("completed", row.Completed);
                writer.WriteNumber("failed", row.Failed);
                writer.WriteNumber("cancelled", row.Cancelled);
                writer.WriteNumber("quantum_nanoseconds", row.QuantumNanoseconds);
                writer.WriteNumber("bytes_in", row.BytesIn);
                writer.WriteNumber("bytes_out", row.BytesOut);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
