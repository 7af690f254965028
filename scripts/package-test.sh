#!/usr/bin/env bash
# Installs the Debian packages of build/packages/ (from `make package`) on this machine with dpkg -i,
# checks their files, modes and man pages, runs a job through the installed plugin and qrun on the local
# Slurm cluster (against the emulator installed from its package and s3rver), checks the configuration
# with the installed qrun-admin, then starts the installed qrun-gateway as its systemd unit would and runs
# a job through it in gateway mode, then purges the packages and checks that nothing is left. The
# cluster's plugstack.conf.d (and any /etc/qrun-gateway or /var/lib/qrun-gateway found) is restored on
# every exit.
# Usage: scripts/package-test.sh   (as root, with the cluster up and running etc/job_submit.lua:
#        scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua; wrap in
#        flock -o /tmp/spank-qrun-cluster.lock). Prints one line per check; exits non-zero on the first failure.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly PACKAGES_DIR="$REPO_ROOT/build/packages"
readonly NAMES=(spank-qrun-plugin qrun qrun-emulator qrun-gateway)
readonly MULTIARCH="$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)"
readonly PLUGIN="/usr/lib/$MULTIARCH/slurm-wlm/spank_ibm_qrun.so"
readonly PLUGSTACK_FILE=/etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf
readonly SECRETS_FILE=/etc/slurm/qrun-package-test-secrets.conf
readonly BUCKET=qrun-package-test
# Paths the qrun-gateway package owns (its purge removes them); a copy found here is kept aside meanwhile.
readonly GATEWAY_PATHS=(/etc/qrun-gateway /var/lib/qrun-gateway)
VERSION="$(tr -d '[:space:]' <"$REPO_ROOT/VERSION")"
readonly VERSION

work="$(mktemp -d /tmp/qrun-package-test.XXXXXX)"
chmod 0755 "$work"
saved_plugstack=""
saved_paths=()
pids=()

step() { printf 'package-test: %s\n' "$*"; }
fail() { printf 'package-test: FAILED: %s\n' "$*" >&2; exit 1; }

cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n "$saved_plugstack" ]]; then
        cp -p "$saved_plugstack" "$PLUGSTACK_FILE"
    else
        rm -f "$PLUGSTACK_FILE"
    fi
    rm -f "$SECRETS_FILE"
    # Purge whatever this run installed, also after a failure, so the machine is as it was.
    dpkg --purge "${NAMES[@]}" >/dev/null 2>&1 || true
    local path
    for path in "${saved_paths[@]}"; do
        rm -rf "$path"
        mv "$work/saved${path//\//_}" "$path"
    done
    rm -rf "$work"
}

[[ $(id -u) -eq 0 ]] || fail "must run as root (dpkg -i); current uid is $(id -u)"
for name in "${NAMES[@]}"; do
    ls "$PACKAGES_DIR/${name}_${VERSION}_"*.deb >/dev/null 2>&1 || fail "no $PACKAGES_DIR/${name}_${VERSION}_*.deb: run make package in build/"
    if dpkg-query -W -f='${db:Status-Abbrev}' "$name" 2>/dev/null | grep '^i' >/dev/null; then
        fail "$name is already installed on this machine; this test installs and purges it, so it refuses to touch it"
    fi
done
# Gateway mode needs munged (MUNGE credentials) and the job_submit.lua that binds each job to its backend.
munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 || fail "munged does not answer (munge -n | unmunge): scripts/slurm-cluster.sh up starts it"
scontrol show config 2>/dev/null | grep -E '^JobSubmitPlugins[[:space:]]*=.*lua' >/dev/null \
    || fail "the cluster does not run job_submit.lua: bring it up with scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua"
if [[ -f "$PLUGSTACK_FILE" ]]; then
    saved_plugstack="$work/plugstack.saved"
    cp -p "$PLUGSTACK_FILE" "$saved_plugstack"
fi
trap cleanup EXIT
for path in "${GATEWAY_PATHS[@]}"; do
    if [[ -e "$path" ]]; then
        mv "$path" "$work/saved${path//\//_}"
        saved_paths+=("$path")
    fi
done

step "dpkg -i ${NAMES[*]}"
debs=()
for name in "${NAMES[@]}"; do debs+=("$(ls "$PACKAGES_DIR/${name}_${VERSION}_"*.deb)"); done
dpkg -i "${debs[@]}" >"$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; fail "dpkg -i"; }
for name in "${NAMES[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev} ${Version}' "$name")"
    [[ "$status" == "ii  $VERSION" ]] || fail "$name: dpkg status '$status', expected 'ii  $VERSION'"
done

# path, mode, owning package
expect_file() {
    local path="$1" mode="$2" package="$3" actual
    [[ -e "$path" || -L "$path" ]] || fail "$path is not installed"
    actual="$(stat -c '%a %U:%G' "$path")"
    [[ "$actual" == "$mode root:root" ]] || fail "$path: mode and owner '$actual', expected '$mode root:root'"
    dpkg -L "$package" | grep -xF "$path" >/dev/null || fail "dpkg -L $package does not list $path"
}
step "files, modes and dpkg -L"
expect_file "$PLUGIN" 644 spank-qrun-plugin
expect_file /usr/sbin/qrun-admin 755 spank-qrun-plugin
expect_file /usr/share/man/man8/spank_ibm_qrun.8.gz 644 spank-qrun-plugin
expect_file /usr/share/man/man8/qrun-admin.8.gz 644 spank-qrun-plugin
expect_file /usr/share/doc/spank-qrun-plugin/examples/spank_ibm_qrun.conf 644 spank-qrun-plugin
expect_file /usr/share/doc/spank-qrun-plugin/copyright 644 spank-qrun-plugin
expect_file /usr/bin/qrun 755 qrun
expect_file /usr/share/man/man1/qrun.1.gz 644 qrun
expect_file /usr/lib/qrun-emulator/qrun-emulator 755 qrun-emulator
expect_file /usr/sbin/qrun-emulator 777 qrun-emulator
expect_file /etc/qrun-emulator/emulator.json 644 qrun-emulator
expect_file /lib/systemd/system/qrun-emulator.service 644 qrun-emulator
expect_file /usr/share/man/man8/qrun-emulator.8.gz 644 qrun-emulator
dpkg-query -W -f='${Conffiles}\n' qrun-emulator | grep '/etc/qrun-emulator/emulator.json' >/dev/null \
    || fail "qrun-emulator does not register /etc/qrun-emulator/emulator.json as a conffile"
expect_file /usr/lib/qrun-gateway/qrun-gateway 755 qrun-gateway
expect_file /usr/sbin/qrun-gateway 777 qrun-gateway
expect_file /etc/qrun-gateway/gateway.conf 600 qrun-gateway
expect_file /lib/systemd/system/qrun-gateway.service 644 qrun-gateway
expect_file /usr/share/man/man8/qrun-gateway.8.gz 644 qrun-gateway
expect_file /usr/share/doc/qrun-gateway/examples/job_submit.lua 644 qrun-gateway
dpkg-query -W -f='${Conffiles}\n' qrun-gateway | grep '/etc/qrun-gateway/gateway.conf' >/dev/null \
    || fail "qrun-gateway does not register /etc/qrun-gateway/gateway.conf as a conffile"
cmp -s /usr/share/doc/qrun-gateway/examples/job_submit.lua "$REPO_ROOT/etc/job_submit.lua" \
    || fail "the packaged examples/job_submit.lua differs from etc/job_submit.lua"
grep -q '^#optional /usr/lib/'"$MULTIARCH"'/slurm-wlm/spank_ibm_qrun.so ' /usr/share/doc/spank-qrun-plugin/examples/spank_ibm_qrun.conf \
    || fail "the example plugstack line does not name the installed plugin (or is not commented out)"
[[ ! -e "$PLUGSTACK_FILE" || -n "$saved_plugstack" ]] || fail "installing the plugin package enabled it"
strings "$PLUGIN" | grep -xF "spank_ibm_qrun version $VERSION" >/dev/null || fail "strings $PLUGIN shows no 'spank_ibm_qrun version $VERSION'"

step "man pages render without warnings"
for page in /usr/share/man/man1/qrun.1.gz /usr/share/man/man8/spank_ibm_qrun.8.gz /usr/share/man/man8/qrun-admin.8.gz \
    /usr/share/man/man8/qrun-emulator.8.gz /usr/share/man/man8/qrun-gateway.8.gz; do
    warnings="$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)"
    [[ -z "$warnings" ]] || fail "man -l $page: $warnings"
    MANWIDTH=80 man -l "$page" 2>/dev/null | grep "spank-qrun $VERSION" >/dev/null || fail "man -l $page does not show the release $VERSION"
done
if command -v systemd-analyze >/dev/null 2>&1; then
    for unit in qrun-emulator qrun-gateway; do
        step "systemd-analyze verify $unit.service"
        systemd-analyze verify "/lib/systemd/system/$unit.service" >"$work/verify.out" 2>&1 \
            || { cat "$work/verify.out" >&2; fail "systemd-analyze verify $unit.service"; }
    done
fi

step "services: the packaged emulator and s3rver on free ports"
# Port 0: the kernel picks a free port; each server's start-up line names it.
wait_for_port() {
    local log="$1" pattern="$2" port=""
    for _ in $(seq 150); do
        port="$(grep -oE "$pattern" "$log" 2>/dev/null | head -n1 | grep -oE '[0-9]+$' || true)"
        [[ -n "$port" ]] && { printf '%s' "$port"; return; }
        sleep 0.2
    done
    cat "$log" >&2
    fail "no '$pattern' in $log"
}
/usr/sbin/qrun-emulator --config /etc/qrun-emulator/emulator.json --state-dir "$work/emulator" --urls http://127.0.0.1:0 \
    >"$work/emulator.log" 2>&1 </dev/null &
pids+=($!)
mkdir -p "$work/s3"
# s3rver's log holds presigned URLs: it stays in $work, which is removed.
"$REPO_ROOT/node_modules/.bin/s3rver" -d "$work/s3" -a 127.0.0.1 -p 0 --configure-bucket "$BUCKET" \
    >"$work/s3rver.log" 2>&1 </dev/null &
pids+=($!)
emulator_url="http://127.0.0.1:$(wait_for_port "$work/emulator.log" 'Now listening on: http://127\.0\.0\.1:[0-9]+')"
s3_url="http://127.0.0.1:$(wait_for_port "$work/s3rver.log" 'S3rver listening on 127\.0\.0\.1:[0-9]+')"
for url in "$emulator_url/version" "$s3_url/"; do
    for _ in $(seq 100); do curl -sf -o /dev/null "$url" && break; sleep 0.2; done
    curl -sf -o /dev/null "$url" || { cat "$work/emulator.log" >&2; fail "$url does not answer"; }
done

step "site configuration through the installed plugin: $PLUGSTACK_FILE, $SECRETS_FILE"
install -o root -g root -m 0600 /dev/stdin "$SECRETS_FILE" <<'SECRETS'
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER
iam_apikey = demo-apikey
SECRETS
mkdir -p "$(dirname "$PLUGSTACK_FILE")"
printf 'optional %s backends=fake_brisbane,fake_cairo secrets=%s daapi_endpoint=%s s3_endpoint=%s s3_bucket=%s s3_region=us-east-1 iam_endpoint=%s service_crn=crn:v1:local:quantum-computing:emulator::\n' \
    "$PLUGIN" "$SECRETS_FILE" "$emulator_url" "$s3_url" "$BUCKET" "$emulator_url" >"$PLUGSTACK_FILE.tmp"
mv "$PLUGSTACK_FILE.tmp" "$PLUGSTACK_FILE"

step "qrun-admin check --online (installed)"
qrun-admin check --online >"$work/check.out" 2>&1 || { cat "$work/check.out" >&2; fail "qrun-admin check --online"; }
grep -qF "plugin: $PLUGIN: spank_ibm_qrun version $VERSION" "$work/check.out" || { cat "$work/check.out" >&2; fail "qrun-admin did not read the installed plugin's version"; }
grep -q 'online: ok' "$work/check.out" || fail "qrun-admin check --online did not end with 'online: ok'"
if grep -q 'demo-apikey\|S3RVER' "$work/check.out"; then fail "qrun-admin printed a secret"; fi

step "a job through the installed plugin and qrun"
job_dir="$work/job"
mkdir -p "$job_dir"
chmod 0777 "$job_dir"
cp "$REPO_ROOT/tests/data/upstream-demo/sampler_input.json" "$job_dir/"
chmod 0644 "$job_dir/sampler_input.json"
declare -A log_lines=()
for log in /var/log/spank-qrun/slurmd-n*.log; do log_lines[$log]="$(wc -l <"$log")"; done
if ! (cd "$job_dir" && timeout 180 runuser -u qrunuser -- srun --q-backend=fake_brisbane --q-primitive=sampler \
    /usr/bin/qrun sampler_input.json --results sampler_output.json) >"$work/job.out" 2>&1; then
    cat "$work/job.out" >&2
    fail "srun --q-backend=fake_brisbane --q-primitive=sampler /usr/bin/qrun failed"
fi
jq -e '.results | length == 1' "$job_dir/sampler_output.json" >/dev/null || fail "the job's results file has no result"
# The installed plugin logged its version once on the node that ran the step (slurmstepd, info level).
found=""
for log in /var/log/spank-qrun/slurmd-n*.log; do
    if tail -n "+$((${log_lines[$log]:-0} + 1))" "$log" | grep "spank_ibm_qrun: version $VERSION (built for Slurm" >/dev/null; then found="$log"; fi
done
[[ -n "$found" ]] || fail "no slurmd log has the installed plugin's 'spank_ibm_qrun: version $VERSION' line"
if grep -q "spank_ibm_qrun: version" "$work/job.out"; then fail "the version line reached the user's output"; fi

step "qrun-gateway as shipped: the unit's ExecStart refuses the unfilled configuration"
exec_start="$(sed -n 's/^ExecStart=//p' /lib/systemd/system/qrun-gateway.service)"
[[ "$exec_start" == "/usr/sbin/qrun-gateway --config /etc/qrun-gateway/gateway.conf" ]] \
    || fail "the unit's ExecStart is '$exec_start', expected the installed program and configuration"
set +e
$exec_start >"$work/gateway-unfilled.out" 2>&1 </dev/null
unfilled_exit=$?
set -e
[[ $unfilled_exit -eq 2 ]] || { cat "$work/gateway-unfilled.out" >&2; fail "qrun-gateway with the shipped configuration exited $unfilled_exit, expected 2"; }
grep -q 'backends= is missing' "$work/gateway-unfilled.out" || { cat "$work/gateway-unfilled.out" >&2; fail "qrun-gateway did not say that backends= is missing"; }

step "qrun-gateway: the site's configuration in /etc/qrun-gateway/gateway.conf, kept by a reinstall"
# Written into the installed file (as an administrator edits it): it stays root:root 0600.
cat >/etc/qrun-gateway/gateway.conf <<GATEWAY
# package-test: the installed emulator and s3rver; the database is the default one, in the state directory.
listen = http://127.0.0.1:0
backends = fake_brisbane,fake_cairo
slurm_poll_secs = 2
daapi_endpoint = $emulator_url
iam_endpoint = $emulator_url
service_crn = crn:v1:local:quantum-computing:emulator::
iam_apikey = demo-apikey
s3_endpoint = $s3_url
s3_bucket = $BUCKET
s3_region = us-east-1
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER
GATEWAY
cp -p /etc/qrun-gateway/gateway.conf "$work/gateway.conf.site"
dpkg -i "$(ls "$PACKAGES_DIR/qrun-gateway_${VERSION}_"*.deb)" >"$work/dpkg-again.out" 2>&1 </dev/null \
    || { cat "$work/dpkg-again.out" >&2; fail "dpkg -i qrun-gateway over itself"; }
cmp -s /etc/qrun-gateway/gateway.conf "$work/gateway.conf.site" || fail "reinstalling qrun-gateway replaced the administrator's gateway.conf"
expect_file /etc/qrun-gateway/gateway.conf 600 qrun-gateway

step "qrun-gateway: the unit's ExecStart, as root, with its StateDirectory (0700) and UMask (0077)"
install -d -m 0700 /var/lib/qrun-gateway
(umask 0077; exec $exec_start) >"$work/gateway.log" 2>&1 </dev/null &
gateway_pid=$!
pids+=("$gateway_pid")
gateway_url="http://127.0.0.1:$(wait_for_port "$work/gateway.log" 'Now listening on: http://127\.0\.0\.1:[0-9]+')"
health=""
for _ in $(seq 100); do health="$(curl -sf "$gateway_url/gateway/v1/health" || true)"; [[ -n "$health" ]] && break; sleep 0.2; done
jq -e --arg v "$VERSION" '.status == "ok" and .version == $v' <<<"$health" >/dev/null \
    || { cat "$work/gateway.log" >&2; fail "GET /gateway/v1/health answered '$health', expected status ok and version $VERSION"; }
[[ "$(stat -c '%a' /var/lib/qrun-gateway/gateway.db)" == 600 ]] || fail "the gateway's database is not mode 0600"

step "a job in gateway mode: the plugin names only the gateway, qrun goes through it"
printf 'optional %s gateway=%s backends=fake_brisbane,fake_cairo\n' "$PLUGIN" "$gateway_url" >"$PLUGSTACK_FILE.tmp"
mv "$PLUGSTACK_FILE.tmp" "$PLUGSTACK_FILE"
qrun-admin check >"$work/check-gateway.out" 2>&1 || { cat "$work/check-gateway.out" >&2; fail "qrun-admin check refused the gateway-mode line"; }
rm -f "$job_dir/sampler_output.json"
if ! (cd "$job_dir" && timeout 180 runuser -u qrunuser -- srun --q-backend=fake_brisbane --q-primitive=sampler \
    /usr/bin/qrun sampler_input.json --results sampler_output.json) >"$work/gateway-job.out" 2>&1; then
    cat "$work/gateway-job.out" "$work/gateway.log" >&2
    fail "srun --q-backend=fake_brisbane --q-primitive=sampler /usr/bin/qrun failed in gateway mode"
fi
jq -e '.results | length == 1' "$job_dir/sampler_output.json" >/dev/null || fail "the gateway-mode job's results file has no result"
# A small input: created and submitted in one request (202).
grep -qF "POST /gateway/v1/jobs -> 202 uid $(id -u qrunuser) " "$work/gateway.log" \
    || { cat "$work/gateway.log" >&2; fail "the installed gateway logged no job created for qrunuser"; }
if grep -q 'demo-apikey\|S3RVER' "$work/gateway-job.out" "$work/gateway.log"; then fail "a secret reached the job's output or the gateway's log"; fi
# The job deleted its objects through the gateway (s3rver keeps each object as a file).
for _ in $(seq 50); do
    [[ -z "$(find "$work/s3/$BUCKET" -name '*._S3rver_object' 2>/dev/null)" ]] && break
    sleep 0.2
done
[[ -z "$(find "$work/s3/$BUCKET" -name '*._S3rver_object' 2>/dev/null)" ]] || fail "objects are left in bucket $BUCKET after the gateway-mode job"

step "qrun-gateway usage (installed) records the job"
qrun-gateway usage --config /etc/qrun-gateway/gateway.conf --format csv >"$work/usage.csv" 2>&1 \
    || { cat "$work/usage.csv" >&2; fail "qrun-gateway usage"; }
grep -qE '^qrunuser,1,1,0,0,' "$work/usage.csv" || { cat "$work/usage.csv" >&2; fail "qrun-gateway usage does not show qrunuser's one completed job"; }

step "qrun-gateway stops on SIGTERM (the unit's KillSignal) with exit 0"
kill -TERM "$gateway_pid"
gateway_exit=""
for _ in $(seq 150); do kill -0 "$gateway_pid" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$gateway_pid" 2>/dev/null; then fail "qrun-gateway still runs 30 s after SIGTERM"; fi
set +e
wait "$gateway_pid"
gateway_exit=$?
set -e
[[ $gateway_exit -eq 0 ]] || { cat "$work/gateway.log" >&2; fail "qrun-gateway exited $gateway_exit after SIGTERM, expected 0"; }

step "dpkg --purge ${NAMES[*]}"
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
pids=()
rm -f "$PLUGSTACK_FILE"
dpkg --purge "${NAMES[@]}" >"$work/purge.out" 2>&1 || { cat "$work/purge.out" >&2; fail "dpkg --purge"; }
for path in "$PLUGIN" /usr/sbin/qrun-admin /usr/bin/qrun /usr/lib/qrun-emulator /usr/sbin/qrun-emulator /etc/qrun-emulator \
    /lib/systemd/system/qrun-emulator.service /usr/share/doc/spank-qrun-plugin /usr/share/man/man1/qrun.1.gz \
    /usr/lib/qrun-gateway /usr/sbin/qrun-gateway /etc/qrun-gateway /var/lib/qrun-gateway /lib/systemd/system/qrun-gateway.service; do
    [[ ! -e "$path" && ! -L "$path" ]] || fail "$path is still there after dpkg --purge"
done
for name in "${NAMES[@]}"; do
    if dpkg-query -W -f='${db:Status-Abbrev}' "$name" 2>/dev/null | grep '^i' >/dev/null; then fail "$name is still installed"; fi
done
step "ok: installed, checked, ran a job directly and one through the gateway, purged"
