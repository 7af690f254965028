#!/usr/bin/env bash
# The quick-start demo, on this machine, as root: builds and installs spank-qrun, starts an S3 server
# (s3rver), the Direct Access emulator and qrun-gateway, brings up a local Slurm with the plugin's plugstack
# line and etc/job_submit.lua, and submits example jobs that run upstream's sampler and estimator inputs
# through qrun.
# Usage: scripts/demo.sh            run the demo in gateway mode, the recommended configuration: the site's
#                                   credentials stay in the gateway's root-only configuration; jobs get none
#        scripts/demo.sh --direct   run it in direct mode (the seed's way: jobs get the credentials)
#        scripts/demo.sh stop       stop the services and the cluster
# Either way the cluster and the services keep running to play with.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly DEMO_DIR=/var/lib/spank-qrun-demo
readonly JOB_DIR=/tmp/spank-qrun-demo
readonly EMULATOR_URL=http://127.0.0.1:8290
readonly GATEWAY_URL=http://127.0.0.1:8291
readonly GATEWAY_CONF=/etc/qrun-gateway/gateway.conf
readonly BACKENDS=fake_brisbane,fake_cairo,fake_lagos,fake_torino
readonly S3_PORT=4568
readonly S3_URL="http://127.0.0.1:$S3_PORT"
readonly BUCKET=qrun-demo
readonly SECRETS_FILE=/etc/slurm/qrun-secrets.conf
# Gateway mode (README.md, Gateway mode): the plugstack line names the gateway and the backends, nothing
# else; the credentials live only in the gateway's root-only configuration.
readonly GATEWAY_PLUGIN_ARGS="gateway=$GATEWAY_URL backends=$BACKENDS"
# Direct mode (README.md, Configuration): public settings on the plugstack line, credentials in a root-only
# file that every node holds and every job receives. The emulator's and s3rver's demo credentials are
# nothing secret, but they are handled and masked like real ones.
readonly DIRECT_PLUGIN_ARGS="backends=$BACKENDS secrets=$SECRETS_FILE \
daapi_endpoint=$EMULATOR_URL s3_endpoint=$S3_URL s3_bucket=$BUCKET s3_region=us-east-1 \
iam_endpoint=$EMULATOR_URL service_crn=crn:v1:local:quantum-computing:emulator::"

step() { printf '\n== demo: %s\n' "$*"; }
die() { printf 'demo: error: %s\n' "$*" >&2; exit 1; }

stop_service() {
    local pid_file="$DEMO_DIR/$1.pid" pid
    [[ -f "$pid_file" ]] || return 0
    pid="$(cat "$pid_file")"
    kill "$pid" 2>/dev/null && for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$pid_file"
}

wait_for() {
    local what="$1" url="$2"
    for _ in $(seq 100); do
        curl -s -o /dev/null "$url" && return 0
        sleep 0.2
    done
    die "$what did not answer at $url; see $DEMO_DIR/$what.log"
}

if [[ "${1:-}" == stop ]]; then
    stop_service gateway
    stop_service emulator
    stop_service s3rver
    "$REPO_ROOT/scripts/slurm-cluster.sh" down
    exit 0
fi
mode=gateway
case "${1:-}" in
    "") ;;
    --direct) mode=direct ;;
    *) die "unknown argument '$1'; usage: scripts/demo.sh [--direct | stop]" ;;
esac
[[ $(id -u) -eq 0 ]] || die "run as root: the demo installs packages, the plugin and Slurm's daemons"
cd "$REPO_ROOT"

step "prerequisites"
scripts/install-prerequisites.sh

step "build (mkdir build && cd build && cmake .. && make) and install (make install)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
cmake --install build >/dev/null
echo "installed /usr/lib64/slurm/spank_ibm_qrun.so and /usr/local/bin/qrun"
if [[ $mode == gateway ]]; then
    dotnet publish src/SpankQrun.Gateway -c Release -o build/gateway --nologo -v quiet >/dev/null
    echo "built build/gateway/qrun-gateway"
fi

step "S3 server (s3rver) on $S3_URL and Direct Access emulator on $EMULATOR_URL"
stop_service gateway
stop_service emulator
stop_service s3rver
rm -rf "$DEMO_DIR" && mkdir -p "$DEMO_DIR/s3" "$DEMO_DIR/emulator"
# --silent: s3rver logs every request URL, presigned signatures included.
setsid node_modules/.bin/s3rver --silent -d "$DEMO_DIR/s3" -a 127.0.0.1 -p "$S3_PORT" --configure-bucket "$BUCKET" \
    >"$DEMO_DIR/s3rver.log" 2>&1 </dev/null &
echo $! >"$DEMO_DIR/s3rver.pid"
setsid build/emulator/qrun-emulator --urls "$EMULATOR_URL" --state-dir "$DEMO_DIR/emulator" \
    >"$DEMO_DIR/emulator.log" 2>&1 </dev/null &
echo $! >"$DEMO_DIR/emulator.pid"
wait_for s3rver "$S3_URL/"
wait_for emulator "$EMULATOR_URL/version"
echo "emulator: $(curl -s "$EMULATOR_URL/version"), backends: $(curl -s -u demo:demopass -X POST "$EMULATOR_URL/v1/token" \
    | jq -r .access_token | xargs -I{} curl -s -H 'Authorization: Bearer {}' "$EMULATOR_URL/v1/backends" | jq -r '[.backends[].name] | join(", ")')"

if [[ $mode == gateway ]]; then
    step "qrun-gateway on $GATEWAY_URL: the only holder of the site's credentials ($GATEWAY_CONF, root-only)"
    install -d -m 0700 "$(dirname "$GATEWAY_CONF")" /var/lib/qrun-gateway
    install -o root -g root -m 0600 /dev/stdin "$GATEWAY_CONF" <<GATEWAY
# qrun-gateway configuration (root:root 0600). See docs/gateway.md.
listen = $GATEWAY_URL
backends = $BACKENDS
database = sqlite:/var/lib/qrun-gateway/gateway.db
daapi_endpoint = $EMULATOR_URL
iam_endpoint = $EMULATOR_URL
service_crn = crn:v1:local:quantum-computing:emulator::
iam_apikey = demo-apikey
s3_endpoint = $S3_URL
s3_bucket = $BUCKET
s3_region = us-east-1
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER
GATEWAY
    ls -l "$GATEWAY_CONF"
    setsid build/gateway/qrun-gateway --config "$GATEWAY_CONF" >"$DEMO_DIR/gateway.log" 2>&1 </dev/null &
    echo $! >"$DEMO_DIR/gateway.pid"
    wait_for gateway "$GATEWAY_URL/gateway/v1/health"
    echo "gateway: $(curl -s "$GATEWAY_URL/gateway/v1/health")"
    # No node needs a credential any more.
    rm -f "$SECRETS_FILE"
    plugin_args="$GATEWAY_PLUGIN_ARGS"
else
    step "site configuration: root-only secrets file $SECRETS_FILE"
    install -d -m 0755 "$(dirname "$SECRETS_FILE")"
    install -o root -g root -m 0600 /dev/stdin "$SECRETS_FILE" <<'SECRETS'
# spank_ibm_qrun secrets (root:root 0600): the S3 account and the IAM API key, for every backend.
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER
iam_apikey = demo-apikey
SECRETS
    ls -l "$SECRETS_FILE"
    plugin_args="$DIRECT_PLUGIN_ARGS"
fi

step "local Slurm with the plugin (plugstack.conf: optional /usr/lib64/slurm/spank_ibm_qrun.so key=value...), accounting (slurmdbd, MariaDB), licenses and etc/job_submit.lua"
scripts/slurm-cluster.sh up --plugin /usr/lib64/slurm/spank_ibm_qrun.so --plugin-args "$plugin_args" \
    --accounting --licenses fake_brisbane:5,fake_cairo:5,fake_lagos:5,fake_torino:5 --job-submit etc/job_submit.lua
sbatch --help | sed -n '/Options provided by plugins/,+2p'

step "example jobs"
rm -rf "$JOB_DIR" && mkdir -p "$JOB_DIR" && chmod 0777 "$JOB_DIR"
# Upstream's demo inputs, as the tests keep them.
cp "$REPO_ROOT"/tests/data/upstream-demo/{sampler,estimator}_input.json "$JOB_DIR/"
write_job() {
    local name="$1" backend="$2" primitive="$3"
    cat >"$JOB_DIR/$name.sh" <<JOB
#!/bin/bash
#SBATCH --job-name=$name
#SBATCH --q-backend=$backend
#SBATCH --q-primitive=$primitive
#SBATCH --output=$JOB_DIR/$name.out
echo "IBMQRUN_* environment of this job (secrets masked in what it prints):"
env | grep '^IBMQRUN_' | sort | sed -E 's/^(IBMQRUN_(APPID_CLIENT_ID|APPID_SECRET|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|IAM_APIKEY))=.*/\1=********/' | sed 's/^/  /'
srun qrun ${primitive}_input.json --results ${primitive}_output.json
JOB
    cat "$JOB_DIR/$name.sh"
}
write_job sampler-demo fake_brisbane sampler
write_job estimator-demo fake_cairo estimator
cd "$JOB_DIR"
sbatch --wait sampler-demo.sh & sampler=$!
sbatch --wait estimator-demo.sh & estimator=$!
wait $sampler || echo "demo: the sampler job failed (output below)"
wait $estimator || echo "demo: the estimator job failed (output below)"

for name in sampler-demo estimator-demo; do
    step "output of $name"
    cat "$JOB_DIR/$name.out"
done

step "results"
jq -r '.results[0].data | to_entries[] | .key as $reg | .value.samples | group_by(.) | map([.[0], length])
       | sort_by(-.[1]) | .[:8][] | "  sampler \($reg) \(.[0]): \(.[1]) shots"' "$JOB_DIR/sampler_output.json"
# Observable names from the input: the non-identity factors of each Pauli label, with their qubits.
# Values are rounded to 1e-6; `+ 0` turns a rounded -0 into 0.
jq -r --slurpfile input "$JOB_DIR/estimator_input.json" '
       [$input[0].pubs[0][1][] | keys[0] | . as $l
        | [range(0; $l | length) as $i | select($l[$i:$i+1] != "I") | "\($l[$i:$i+1])\($l | length - 1 - $i)"] | join(" ")] as $names
       | .results[0].data.evs as $evs | .results[0].data.stds as $stds
       | range(0; $evs | length) | "  estimator <\($names[.])> = \(($evs[.] * 1e6 | round / 1e6) + 0) (std \($stds[.] * 1e4 | round / 1e4))"' "$JOB_DIR/estimator_output.json"
echo
if [[ $mode == gateway ]]; then
    step "QPU usage on record (qrun-gateway usage --by user)"
    "$REPO_ROOT/build/gateway/qrun-gateway" usage --config "$GATEWAY_CONF" --by user || true
fi
echo
running="the cluster, s3rver and the emulator"
[[ $mode == gateway ]] && running="the cluster, s3rver, the emulator and qrun-gateway"
echo "Still running: $running. Try"
echo "  srun --q-backend=fake_lagos --q-primitive=sampler env | grep IBMQRUN_BACKEND"
echo "and stop everything with: scripts/demo.sh stop"
