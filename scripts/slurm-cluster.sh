#!/usr/bin/env bash
# Brings up (or down) a real local Slurm cluster for spank-qrun's end-to-end tests and benchmarks:
# munged, slurmctld and three slurmd nodes n1 n2 n3 on this host (Debian's multiple-slurmd build).
# Runs as root, without systemd. Overwrites /etc/slurm/slurm.conf and /etc/slurm/plugstack.conf.
# See docs/cluster.md.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: scripts/slurm-cluster.sh up|restart [--plugin SO [--plugin-args "ARGS"] [--required]] [--no-plugin]
                                           [--timeout SECONDS] [--no-check]
                                           [--accounting] [--licenses NAME:COUNT,...] [--job-submit LUA]
       scripts/slurm-cluster.sh down|status

  up, restart       (re)start munged, slurmctld and slurmd n1 n2 n3 from a clean job state, then wait until
                    every node is idle and `srun -N3 hostname` works (bounded by --timeout, default 60 s)
  down              cancel all jobs and stop every daemon this script started
  status            print the daemons' pids and sinfo

  --plugin SO       write "optional SO ARGS" to /etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf
  --plugin-args A   plugstack arguments for --plugin (one string, split on whitespace by Slurm)
  --required        use "required" instead of "optional" for --plugin
  --no-plugin       remove every *.conf from /etc/slurm/plugstack.conf.d
                    (without --plugin/--no-plugin the directory's content is left as it is)
  --no-check        do not run the `srun -N3 hostname` check after the nodes are idle
  --accounting      also start MariaDB and slurmdbd (scripts/slurm-accounting.sh), register the cluster,
                    accounts, users and licenses in it, and have slurmctld store accounting there
                    (sacct, sreport); licenses are then remote: NAME@qrun, counts changeable live
  --licenses SPEC   one license per QPU backend, e.g. fake_brisbane:5,fake_cairo:5: remote (slurmdbd,
                    NAME@qrun, listed in AccountingStorageTRES) with --accounting, otherwise local
                    (Licenses= in slurm.conf, NAME)
  --job-submit LUA  install LUA as /etc/slurm/job_submit.lua and set JobSubmitPlugins=lua
                    (without it, an existing job_submit.lua is removed)

environment: SLURMD_DEBUG or SPANK_QRUN_SLURMD_DEBUG, SLURMCTLD_DEBUG (log levels, default debug2),
             SPANK_QRUN_CLUSTER_NAME (default spankqrun)
EOF
}

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly CLUSTER_NAME="${SPANK_QRUN_CLUSTER_NAME:-spankqrun}"
readonly SLURMD_DEBUG_LEVEL="${SPANK_QRUN_SLURMD_DEBUG:-${SLURMD_DEBUG:-debug2}}"
# srun reads SLURMD_DEBUG as --slurmd-debug (slurmstepd then copies its log to srun's stderr): the
# check below must not inherit it.
unset SLURMD_DEBUG
readonly SLURMCTLD_DEBUG_LEVEL="${SLURMCTLD_DEBUG:-debug2}"
readonly CONF_DIR=/etc/slurm
readonly SLURM_CONF="$CONF_DIR/slurm.conf"
readonly PLUGSTACK_CONF="$CONF_DIR/plugstack.conf"
readonly PLUGSTACK_DIR="$CONF_DIR/plugstack.conf.d"
readonly PLUGIN_CONF="$PLUGSTACK_DIR/spank_ibm_qrun.conf"
readonly JOB_SUBMIT_LUA="$CONF_DIR/job_submit.lua"
readonly STATE_DIR=/var/spool/spank-qrun
readonly CTLD_STATE_DIR="$STATE_DIR/ctld"
readonly LOG_DIR=/var/log/spank-qrun
readonly RUN_DIR=/run/spank-qrun
readonly MUNGE_RUN_DIR=/run/munge
readonly MUNGE_PID_FILE="$MUNGE_RUN_DIR/munged.pid"
readonly MUNGE_KEY=/etc/munge/munge.key
readonly CTLD_PID_FILE="$RUN_DIR/slurmctld.pid"
readonly NODES=(n1 n2 n3)
readonly FIRST_NODE_PORT=17001
readonly CTLD_PORT=6817

log() { printf 'slurm-cluster: %s\n' "$*"; }

# The daemons must not inherit the caller's open files: run as `flock LOCK scripts/slurm-cluster.sh up`, munged
# (which keeps every descriptor it is given) would hold the lock's descriptor, and so the lock, for as long as it
# runs. The caller's flock keeps its own descriptor, so the lock itself stays held until this script ends.
close_inherited_fds() {
    local fd
    for fd in /proc/$$/fd/*; do
        fd="${fd##*/}"
        [[ "$fd" =~ ^[0-9]+$ ]] && ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
    done
    return 0
}
die() { printf 'slurm-cluster: error: %s\n' "$*" >&2; exit 1; }

require_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (it writes $SLURM_CONF and starts the daemons); current uid is $(id -u)"
}

require_binaries() {
    local missing=() b
    for b in munged munge unmunge slurmctld slurmd srun sinfo scontrol squeue scancel; do
        command -v "$b" >/dev/null 2>&1 || [[ -x /usr/sbin/$b ]] || missing+=("$b")
    done
    ((${#missing[@]} == 0)) || die "missing programs: ${missing[*]}; run scripts/install-prerequisites.sh first"
}

# A zombie counts as gone: here PID 1 reaps orphaned daemons only now and then.
pid_alive() {
    [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
    local state
    state="$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)"
    [[ -n "$state" && "$state" != Z ]]
}

# Stops the process whose pid is in $1 (a pid file) if it is still program $2, TERM then KILL after
# $3 seconds. The name check keeps a stale pid file (a reused pid) from hitting an unrelated process.
stop_by_pid_file() {
    local file="$1" name="$2" grace="${3:-10}" pid
    [[ -f "$file" ]] || return 0
    pid="$(tr -dc '0-9' <"$file" || true)"
    if pid_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]]; then
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + grace))
        while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
        if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$file"
}

live_pids() {
    local pid
    for pid in $(pgrep -x "$1" || true); do pid_alive "$pid" && printf '%s ' "$pid"; done
    return 0
}

# Daemons started without our pid files (a by-hand start, a crashed earlier run) still hold the ports:
# on this single-cluster test host every process with one of these exact names is ours to stop.
stop_stale_by_name() {
    local name pids
    for name in "$@"; do
        pids="$(live_pids "$name")"
        [[ -z "$pids" ]] && continue
        log "stopping stale $name (pid ${pids% })"
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
    done
    local deadline=$((SECONDS + 10))
    while ((SECONDS < deadline)); do
        pids=""
        for name in "$@"; do pids+="$(live_pids "$name") "; done
        [[ -z "${pids// /}" ]] && return 0
        sleep 0.2
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
}

cancel_all_jobs() {
    [[ -f "$CTLD_PID_FILE" ]] && pid_alive "$(tr -dc '0-9' <"$CTLD_PID_FILE")" || return 0
    local jobs
    mapfile -t jobs < <(timeout 10 squeue -h -o %i 2>/dev/null || true)
    ((${#jobs[@]})) || return 0
    log "cancelling jobs: ${jobs[*]}"
    timeout 10 scancel --full "${jobs[@]}" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while ((SECONDS < deadline)) && [[ -n "$(timeout 10 squeue -h -o %i 2>/dev/null || true)" ]]; do sleep 0.5; done
}

stop_all() {
    cancel_all_jobs
    local node
    for node in "${NODES[@]}"; do stop_by_pid_file "$RUN_DIR/slurmd-$node.pid" slurmd 10; done
    stop_by_pid_file "$CTLD_PID_FILE" slurmctld 10
    stop_stale_by_name slurmctld slurmd slurmstepd
    # slurmdbd authenticates with munge: it goes first. MariaDB is left running (down stops it).
    "$SCRIPT_DIR/slurm-accounting.sh" stop-dbd
    stop_by_pid_file "$MUNGE_PID_FILE" munged 5
    stop_stale_by_name munged
}

# The daemons started below must not inherit the caller's descriptors: one holding
# `flock /tmp/spank-qrun-cluster.lock` would keep the lock held for as long as munged runs.
# (fd 255 is bash's own descriptor of this script.)
close_inherited_fds() {
    local fd
    for fd in /proc/$$/fd/*; do
        fd="${fd##*/}"
        if ((fd > 2 && fd < 255)); then
            eval "exec ${fd}>&-" 2>/dev/null || true
        fi
    done
}

# A fresh machine never ran munged: /run/munge may be missing, the key too.
start_munge() {
    local user=root
    id munge >/dev/null 2>&1 && user=munge
    install -d -m 0755 -o "$user" -g "$user" "$MUNGE_RUN_DIR"
    install -d -m 0700 -o "$user" -g "$user" /var/log/munge /var/lib/munge /etc/munge
    if [[ ! -s "$MUNGE_KEY" ]]; then
        log "creating munge key $MUNGE_KEY"
        dd if=/dev/urandom of="$MUNGE_KEY" bs=1 count=1024 status=none
    fi
    chown "$user:$user" "$MUNGE_KEY"
    chmod 0600 "$MUNGE_KEY"
    rm -f "$MUNGE_RUN_DIR/munge.socket.2" "$MUNGE_RUN_DIR/munge.socket.2.lock"
    if [[ $user == root ]]; then
        munged --force
    else
        runuser -u munge -- munged --force
    fi
    local deadline=$((SECONDS + 10))
    until munge -n 2>/dev/null | unmunge >/dev/null 2>&1; do
        ((SECONDS < deadline)) || { tail -n 20 /var/log/munge/munged.log >&2 || true; die "munged did not answer within 10 s"; }
        sleep 0.2
    done
    log "munged up (pid $(cat "$MUNGE_PID_FILE" 2>/dev/null || echo '?'), user $user)"
}

# slurm.conf lines for accounting and licenses: $1 = 1 with slurmdbd, $2 = NAME:COUNT,... or empty.
accounting_conf() {
    local accounting="$1" licenses="$2" entry names=()
    if [[ -n "$licenses" ]]; then
        IFS=, read -r -a entries <<<"$licenses"
        for entry in "${entries[@]}"; do names+=("${entry%%:*}"); done
    fi
    if ((accounting)); then
        echo "AccountingStorageType=accounting_storage/slurmdbd"
        echo "AccountingStorageHost=localhost"
        echo "AccountingStoragePort=6819"
        if ((${#names[@]})); then
            local tres
            tres="$(printf 'license/%s@qrun,' "${names[@]}")"
            echo "AccountingStorageTRES=${tres%,}"
        fi
    else
        echo "AccountingStorageType=accounting_storage/none"
        [[ -n "$licenses" ]] && echo "Licenses=$licenses"
    fi
    return 0
}

# The installed job_submit.lua hands out exactly the licenses this cluster has: the backends of --licenses
# (none without it), remote NAME@qrun with --accounting, local NAME without.
configure_job_submit_licenses() {
    local accounting="$1" licenses="$2" entry set=""
    if [[ -n "$licenses" ]]; then
        IFS=, read -r -a entries <<<"$licenses"
        for entry in "${entries[@]}"; do set+="[\"${entry%%:*}\"] = true, "; done
    fi
    sed -i -e "s/^QRUN_LICENSED_BACKENDS = nil\$/QRUN_LICENSED_BACKENDS = { ${set%, } }/" "$JOB_SUBMIT_LUA"
    ((accounting)) || sed -i -e 's/^QRUN_LICENSE_SERVER = "qrun"$/QRUN_LICENSE_SERVER = ""/' "$JOB_SUBMIT_LUA"
}

write_slurm_conf() {
    local accounting="$1" licenses="$2" job_submit="$3" host last_port
    host="$(hostname -s)"
    last_port=$((FIRST_NODE_PORT + ${#NODES[@]} - 1))
    install -d -m 0755 "$CONF_DIR" "$PLUGSTACK_DIR"
    cat >"$SLURM_CONF.tmp" <<EOF
# Written by spank-qrun scripts/slurm-cluster.sh: a local test cluster. Overwritten at every "up".
ClusterName=$CLUSTER_NAME
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$CTLD_STATE_DIR
SlurmdSpoolDir=$STATE_DIR/slurmd-%n
SlurmctldPidFile=$CTLD_PID_FILE
SlurmdPidFile=$RUN_DIR/slurmd-%n.pid
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd-%n.log
SlurmctldDebug=$SLURMCTLD_DEBUG_LEVEL
SlurmdDebug=$SLURMD_DEBUG_LEVEL
PlugStackConfig=$PLUGSTACK_CONF
$([[ -n "$job_submit" ]] && echo "JobSubmitPlugins=lua")
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
JobAcctGatherType=jobacct_gather/none
$(accounting_conf "$accounting" "$licenses")
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
SlurmdTimeout=30
SlurmctldTimeout=30
MessageTimeout=10
KillWait=5
InactiveLimit=0
MinJobAge=300
TmpFS=/tmp
NodeName=n[1-${#NODES[@]}] NodeHostname=$host NodeAddr=127.0.0.1 Port=$FIRST_NODE_PORT-$last_port CPUs=4 RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=n[1-${#NODES[@]}] Default=YES MaxTime=UNLIMITED State=UP
EOF
    mv "$SLURM_CONF.tmp" "$SLURM_CONF"
    chmod 0644 "$SLURM_CONF"
    if [[ -n "$job_submit" ]]; then
        install -m 0644 -o root -g root "$job_submit" "$JOB_SUBMIT_LUA"
        configure_job_submit_licenses "$accounting" "$licenses"
        log "job_submit.lua: $job_submit"
    else
        rm -f "$JOB_SUBMIT_LUA"
    fi
    printf 'include %s/*.conf\n' "$PLUGSTACK_DIR" >"$PLUGSTACK_CONF"
    chmod 0644 "$PLUGSTACK_CONF"
}

configure_plugin() {
    local mode="$1" so="$2" args="$3" required="$4"
    case "$mode" in
        none) rm -f "$PLUGSTACK_DIR"/*.conf ;;
        set)
            [[ -f "$so" ]] || die "--plugin $so: no such file (build the plugin first, e.g. build/spank_ibm_qrun.so)"
            so="$(readlink -f "$so")"
            printf '%s %s%s\n' "$([[ $required == 1 ]] && echo required || echo optional)" "$so" "${args:+ $args}" >"$PLUGIN_CONF"
            chmod 0644 "$PLUGIN_CONF"
            ;;
    esac
    local f found=0
    for f in "$PLUGSTACK_DIR"/*.conf; do
        [[ -e "$f" ]] || continue
        found=1
        # Arguments are counted, not shown: they hold the site's secrets.
        log "plugstack: $f: $(awk '{ sub(/#.*/, "") } NF { printf "%s%s %s + %d argument(s)", sep, $1, $2, NF - 2; sep = "; " }' "$f")"
    done
    ((found)) || log "plugstack: no plugin configured ($PLUGSTACK_DIR is empty)"
}

prepare_dirs() {
    install -d -m 0755 "$STATE_DIR" "$LOG_DIR" "$RUN_DIR"
    # Changing ClusterName over an existing StateSaveLocation makes slurmctld refuse to start.
    if [[ -f "$CTLD_STATE_DIR/clustername" ]] && [[ "$(cat "$CTLD_STATE_DIR/clustername")" != "$CLUSTER_NAME" ]]; then
        log "ClusterName changed: wiping $CTLD_STATE_DIR"
        rm -rf "$CTLD_STATE_DIR"
    fi
    install -d -m 0755 "$CTLD_STATE_DIR"
    local node
    for node in "${NODES[@]}"; do
        rm -rf "$STATE_DIR/slurmd-$node"
        install -d -m 0755 "$STATE_DIR/slurmd-$node"
    done
}

print_log_tails() {
    local f
    for f in "$LOG_DIR"/slurmctld.log "$LOG_DIR"/slurmd-*.log; do
        [[ -f "$f" ]] || continue
        printf '==> %s (last 25 lines) <==\n' "$f" >&2
        tail -n 25 "$f" >&2
    done
}

fail_with_logs() {
    printf 'slurm-cluster: error: %s\n' "$*" >&2
    print_log_tails
    exit 1
}

start_slurm() {
    # systemd starts Slurm's daemons with SIGPIPE ignored (IgnoreSIGPIPE=yes), and slurmd relies on it:
    # started with the default disposition, a slurmd was seen here to die silently in a burst of step
    # launches, killed by SIGPIPE on a connection its peer had closed. Start them as systemd would.
    trap '' PIPE
    # -c: start from a clean job state; the test cluster never carries jobs over a restart.
    slurmctld -c || fail_with_logs "slurmctld failed to start"
    local node
    for node in "${NODES[@]}"; do
        slurmd -N "$node" || fail_with_logs "slurmd -N $node failed to start"
    done
    trap - PIPE
}

all_nodes_idle() {
    local states
    states="$(timeout 5 sinfo -h -N -o '%N %T' 2>/dev/null)" || return 1
    [[ $(grep -c ' idle$' <<<"$states") -eq ${#NODES[@]} ]]
}

wait_ready() {
    local timeout_s="$1" check="$2"
    local deadline=$((SECONDS + timeout_s))
    until all_nodes_idle; do
        ((SECONDS < deadline)) || { timeout 5 sinfo -N >&2 || true; fail_with_logs "nodes not idle within ${timeout_s} s"; }
        sleep 0.5
    done
    ((check)) || return 0
    local out left=$((deadline - SECONDS))
    ((left < 10)) && left=10
    if ! out="$(timeout "$left" srun -N"${#NODES[@]}" --ntasks-per-node=1 hostname 2>&1)"; then
        printf '%s\n' "$out" >&2
        fail_with_logs "srun -N${#NODES[@]} hostname failed"
    fi
    [[ $(grep -c . <<<"$out") -eq ${#NODES[@]} ]] || { printf '%s\n' "$out" >&2; fail_with_logs "srun -N${#NODES[@]} hostname printed unexpected output"; }
    # The check job leaves the nodes "completing" for a moment: hand back a cluster that is idle.
    until all_nodes_idle; do
        ((SECONDS < deadline + 10)) || { timeout 5 sinfo -N >&2 || true; fail_with_logs "nodes not idle again after the srun check"; }
        sleep 0.2
    done
}

cmd_up() {
    local timeout_s=60 check=1 plugin_mode=keep so="" args="" required=0 accounting=0 licenses="" job_submit=""
    while (($#)); do
        case "$1" in
            --plugin) so="${2:?--plugin needs a path to the .so}"; plugin_mode="set"; shift 2 ;;
            --plugin-args) args="${2?--plugin-args needs a value}"; shift 2 ;;
            --required) required=1; shift ;;
            --no-plugin) plugin_mode=none; shift ;;
            --timeout) timeout_s="${2:?--timeout needs seconds}"; shift 2 ;;
            --no-check) check=0; shift ;;
            --accounting) accounting=1; shift ;;
            --licenses) licenses="${2?--licenses needs NAME:COUNT,...}"; shift 2 ;;
            --job-submit) job_submit="${2:?--job-submit needs a Lua file}"; shift 2 ;;
            -h | --help) usage; exit 0 ;;
            *) usage >&2; die "unknown option for up: $1" ;;
        esac
    done
    [[ "$timeout_s" =~ ^[0-9]+$ ]] || die "--timeout $timeout_s: expected a whole number of seconds"
    [[ -n "$args" && "$plugin_mode" != set ]] && die "--plugin-args needs --plugin SO"
    [[ -z "$job_submit" || -f "$job_submit" ]] || die "--job-submit $job_submit: no such file"
    [[ -z "$job_submit" ]] || job_submit="$(readlink -f "$job_submit")"
    if [[ -n "$licenses" ]] && ! [[ "$licenses" =~ ^[A-Za-z0-9_.-]+:[0-9]+(,[A-Za-z0-9_.-]+:[0-9]+)*$ ]]; then
        die "--licenses $licenses: expected NAME:COUNT[,NAME:COUNT...], e.g. fake_brisbane:5,fake_cairo:5"
    fi
    local start=$SECONDS
    [[ -d /run/systemd/system ]] && log "note: systemd seems present; this script starts the daemons itself anyway"
    stop_all
    close_inherited_fds
    start_munge
    # sacctmgr finds slurmdbd through slurm.conf: write it first.
    write_slurm_conf "$accounting" "$licenses" "$job_submit"
    if ((accounting)); then
        # The cluster and its licenses must be registered before slurmctld starts and reads them.
        "$SCRIPT_DIR/slurm-accounting.sh" up --cluster "$CLUSTER_NAME" ${licenses:+--licenses "$licenses"}
    fi
    configure_plugin "$plugin_mode" "$so" "$args" "$required"
    prepare_dirs
    start_slurm
    wait_ready "$timeout_s" "$check"
    log "up in $((SECONDS - start)) s: cluster $CLUSTER_NAME, nodes ${NODES[*]}, partition debug, logs in $LOG_DIR$( ((accounting)) && echo ", accounting in slurmdbd")"
    timeout 5 sinfo || true
}

cmd_down() {
    (($# == 0)) || die "down takes no options (got: $*)"
    stop_all
    "$SCRIPT_DIR/slurm-accounting.sh" down
    log "down"
}

cmd_status() {
    local node pid
    printf 'munged     %s\n' "$(pid_alive "$(cat "$MUNGE_PID_FILE" 2>/dev/null || true)" && cat "$MUNGE_PID_FILE" || echo 'not running')"
    printf 'slurmctld  %s\n' "$(pid_alive "$(cat "$CTLD_PID_FILE" 2>/dev/null || true)" && cat "$CTLD_PID_FILE" || echo 'not running')"
    for node in "${NODES[@]}"; do
        pid="$(cat "$RUN_DIR/slurmd-$node.pid" 2>/dev/null || true)"
        printf 'slurmd %-3s %s\n' "$node" "$(pid_alive "$pid" && echo "$pid" || echo 'not running')"
    done
    printf 'slurmdbd   %s\n' "$(pid_alive "$(cat "$RUN_DIR/slurmdbd.pid" 2>/dev/null || true)" && cat "$RUN_DIR/slurmdbd.pid" || echo 'not running')"
    timeout 5 sinfo || { log "sinfo failed: slurmctld is not answering"; return 1; }
}

main() {
    close_inherited_fds
    local cmd="${1:-}"
    (($#)) && shift
    case "$cmd" in
        up | restart) require_root; require_binaries; cmd_up "$@" ;;
        down) require_root; cmd_down "$@" ;;
        status) cmd_status ;;
        -h | --help | help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
