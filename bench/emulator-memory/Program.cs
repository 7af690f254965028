using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SpankQrun.TestSupport;

// Peak resident memory of the emulator while it runs one job, for state vectors of growing size.
var qubitCounts = args.Length > 0 ? args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray() : [20, 22, 24, 25];
const long MiB = 1024 * 1024;

await using var s3 = await S3Server.StartAsync();
await s3.CreateBucketAsync("bench");
using var client = new AmazonS3Client(new BasicAWSCredentials(s3.AccessKeyId, s3.SecretAccessKey), new AmazonS3Config
{
    ServiceURL = s3.Endpoint.ToString(),
    ForcePathStyle = true,
    AuthenticationRegion = s3.Region,
    RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
    ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
});
var config = new JsonObject
{
    ["execution_lanes"] = 1,
    ["simulator_seed"] = 1,
    ["max_simulated_qubits"] = 30,
    ["backends"] = new JsonArray { new JsonObject { ["name"] = "bench", ["num_qubits"] = 64 } },
}.ToJsonString();
await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(config));
var pid = emulator.ProcessId!.Value;
using var http = new HttpClient { BaseAddress = emulator.Endpoint, Timeout = TimeSpan.FromMinutes(30) };
var token = await TokenAsync();

Console.WriteLine("case                    qubits  state_MiB  peak_over_idle_MiB  target_MiB  peak/target  after_minus_idle_MiB");
var failures = 0;
foreach (var qubits in qubitCounts)
{
    foreach (var (name, program, input) in Cases(qubits))
    {
        await RunAsync("warm-up", "sampler", Sampler(Layers(4, 1, terminal: true), 8));
        await Task.Delay(1000);
        var idle = Memory().Rss;
        File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        await RunAsync(name, program, input);
        var peak = Memory().Peak - idle;
        await Task.Delay(1500);
        var after = Memory().Rss - idle;
        var state = 16L << qubits;
        var target = (long)(1.2 * state) + (64 * MiB);
        var ratio = (double)peak / target;
        if (ratio > 1)
            failures++;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-23} {qubits,6}  {state / MiB,9}  {peak / MiB,18}  {target / MiB,10}  {ratio,11:F2}  {after / MiB,20}"));
    }
}

Console.WriteLine(failures == 0 ? "every job within 1.2 x state + 64 MiB" : $"{failures} job(s) above 1.2 x state + 64 MiB");
return 0;

IEnumerable<(string Name, string Program, string Input)> Cases(int qubits)
{
    yield return ("sampler_terminal", "sampler", Sampler(Layers(qubits, 2, terminal: true), 1000));
    yield return ("sampler_midcircuit", "sampler", Sampler(Layers(qubits, 2, terminal: false), 20));
    yield return ("estimator", "estimator", Estimator(Layers(qubits, 2, terminal: true), qubits));
}

static string Layers(int qubits, int rounds, bool terminal)
{
    var qasm = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\n");
    for (var round = 0; round < rounds; round++)
    {
        for (var qubit = 0; qubit < qubits; qubit++)
            qasm.Append(CultureInfo.InvariantCulture, $"sx ${qubit};\nrz(0.3) ${qubit};\n");
        for (var qubit = 0; qubit + 1 < qubits; qubit += 2)
            qasm.Append(CultureInfo.InvariantCulture, $"cx ${qubit}, ${qubit + 1};\n");
        if (!terminal && round == 0)
            qasm.Append("c[1] = measure $1;\n");
    }

    qasm.Append("c[0] = measure $0;\n");
    return qasm.ToString();
}

static string Sampler(string qasm, int shots) => new JsonObject
{
    ["pubs"] = new JsonArray { new JsonArray { qasm, new JsonArray(), shots } },
    ["version"] = 2,
}.ToJsonString();

static string Estimator(string qasm, int qubits) => new JsonObject
{
    ["pubs"] = new JsonArray { new JsonArray { qasm.Replace("c[0] = measure $0;\n", "", StringComparison.Ordinal), new JsonObject { [new string('Z', qubits)] = 1.0 } } },
    ["version"] = 2,
}.ToJsonString();

async Task RunAsync(string name, string program, string input)
{
    var id = Guid.NewGuid().ToString();
    await client.PutObjectAsync(new PutObjectRequest { BucketName = "bench", Key = $"input_{id}.json", ContentBody = input, UseChunkEncoding = false });
    var job = new JsonObject
    {
        ["id"] = id,
        ["backend"] = "bench",
        ["program_id"] = program,
        ["timeout_secs"] = 3600,
        ["storage"] = new JsonObject
        {
            ["input"] = Location(Presign($"input_{id}.json", HttpVerb.GET)),
            ["results"] = Location(Presign($"results_{id}.json", HttpVerb.PUT)),
        },
    };
    using (var submitted = await SendAsync(HttpMethod.Post, "v1/jobs", job.ToJsonString()))
    {
        if (!submitted.IsSuccessStatusCode)
            throw new InvalidOperationException($"{name}: submit answered {(int)submitted.StatusCode}: {await submitted.Content.ReadAsStringAsync()}");
    }

    while (true)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/jobs/{id}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var status = (string)body["status"]!;
        if (status != "Running")
        {
            if (status != "Completed")
                throw new InvalidOperationException($"{name}: {status}: {body["reason_message"]}");
            break;
        }

        await Task.Delay(200);
    }

    using var deleted = await SendAsync(HttpMethod.Delete, $"v1/jobs/{id}");
}

JsonObject Location(string url) => new() { ["type"] = "s3_compatible", ["presigned_url"] = url };

string Presign(string key, HttpVerb verb) => client.GetPreSignedURL(new GetPreSignedUrlRequest
{
    BucketName = "bench",
    Key = key,
    Verb = verb,
    Protocol = Protocol.HTTP,
    Expires = DateTime.UtcNow.AddHours(2),
});

async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
{
    using var request = new HttpRequestMessage(method, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    request.Headers.Add("Service-CRN", "crn:v1:local:quantum-computing:emulator::");
    if (json is not null)
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
    return await http.SendAsync(request);
}

async Task<string> TokenAsync()
{
    using var response = await http.PostAsync("identity/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "urn:ibm:params:oauth:grant-type:apikey",
        ["apikey"] = "demo-apikey",
    }));
    return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
}

(long Rss, long Peak) Memory()
{
    long rss = 0, peak = 0;
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts[0] == "VmRSS:")
            rss = long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
        else if (parts[0] == "VmHWM:")
            peak = long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
    }

    return (rss, peak);
}
