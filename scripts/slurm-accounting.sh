#!/usr/bin/env bash
# Slurm's accounting database for the local cluster: MariaDB (Debian's mariadb-server) and slurmdbd,
# then the cluster, its accounts, users and the QPU licenses registered in it. Idempotent, as root,
# without systemd. scripts/slurm-cluster.sh calls it for `up --accounting`; see docs/accounting.md.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: scripts/slurm-accounting.sh up --cluster NAME [--licenses NAME:COUNT,...] [--user USER:ACCOUNT]...
       scripts/slurm-accounting.sh down|status

  up          start MariaDB and slurmdbd (each only if not running; slurmdbd restarted when its
              configuration changed), then register, each only if missing:
              the cluster NAME, the accounts and users of --user, and one remote license per
              --licenses entry (NAME@SERVER, count COUNT; an existing license gets COUNT again)
  down        stop slurmdbd and MariaDB
  stop-dbd    stop slurmdbd only (scripts/slurm-cluster.sh does, before it stops munged)
  status      print their pids and the registered clusters, associations and licenses

  --cluster NAME         ClusterName of slurm.conf
  --licenses SPEC        comma separated NAME:COUNT, e.g. fake_brisbane:5,fake_cairo:5
  --license-server S     the licenses' server name (default qrun: licenses are NAME@qrun)
  --user USER:ACCOUNT    an association; repeatable. Default: root:physics qrunuser:physics
                         qrunuser2:chemistry (users that do not exist on this host are skipped)
EOF
}

readonly CONF_DIR=/etc/slurm
readonly DBD_CONF="$CONF_DIR/slurmdbd.conf"
readonly RUN_DIR=/run/spank-qrun
readonly LOG_DIR=/var/log/spank-qrun
readonly DBD_PID_FILE="$RUN_DIR/slurmdbd.pid"
readonly DBD_PORT=6819
readonly DB_NAME=slurm_acct_db
readonly DB_USER=slurm
readonly MARIADB_PID_FILE=/run/mysqld/mysqld.pid

log() { printf 'slurm-accounting: %s\n' "$*"; }
die() { printf 'slurm-accounting: error: %s\n' "$*" >&2; exit 1; }

pid_alive() {
    [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
    local state
    state="$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)"
    [[ -n "$state" && "$state" != Z ]]
}

pid_of() { [[ -f "$1" ]] && tr -dc '0-9' <"$1" || true; }

mariadb_running() { mariadb-admin --no-defaults -u root --socket=/run/mysqld/mysqld.sock ping >/dev/null 2>&1; }

sql() { mariadb -u root --batch --skip-column-names -e "$1"; }

start_mariadb() {
    if mariadb_running; then
        log "MariaDB running (pid $(pid_of "$MARIADB_PID_FILE"))"
        return
    fi
    # Debian's init script; without systemd it starts mysqld_safe in the background.
    /etc/init.d/mariadb start >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 60))
    until mariadb_running; do
        ((SECONDS < deadline)) || { tail -n 20 /var/log/mysql/error.log >&2 2>/dev/null || true; die "MariaDB did not start within 60 s (/etc/init.d/mariadb start)"; }
        sleep 0.5
    done
    log "MariaDB started (pid $(pid_of "$MARIADB_PID_FILE"))"
}

# The SQL password lives only in slurmdbd.conf (root, 0600); a new one is made when there is none.
storage_password() {
    local existing=""
    [[ -f "$DBD_CONF" ]] && existing="$(sed -n 's/^StoragePass=//p' "$DBD_CONF" | head -n1)"
    if [[ -n "$existing" ]]; then
        printf '%s' "$existing"
    else
        head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32
    fi
}

setup_database() {
    local password="$1"
    sql "CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$password';
         ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$password';
         CREATE DATABASE IF NOT EXISTS $DB_NAME;
         GRANT ALL ON $DB_NAME.* TO '$DB_USER'@'localhost';
         FLUSH PRIVILEGES;" || die "could not create the SQL user $DB_USER and database $DB_NAME"
}

write_dbd_conf() {
    local password="$1" tmp="$DBD_CONF.tmp"
    install -d -m 0755 "$CONF_DIR" "$RUN_DIR" "$LOG_DIR"
    install -m 0600 -o root -g root /dev/null "$tmp"
    cat >"$tmp" <<EOF
# Written by spank-qrun scripts/slurm-accounting.sh. root:root 0600 (slurmdbd refuses anything else).
AuthType=auth/munge
DbdHost=localhost
DbdPort=$DBD_PORT
SlurmUser=root
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=$DB_USER
StoragePass=$password
StorageLoc=$DB_NAME
LogFile=$LOG_DIR/slurmdbd.log
PidFile=$DBD_PID_FILE
DebugLevel=info
EOF
    if [[ -f "$DBD_CONF" ]] && cmp -s "$tmp" "$DBD_CONF"; then
        rm -f "$tmp"
        return 1
    fi
    mv "$tmp" "$DBD_CONF"
    return 0
}

dbd_answers() { timeout 10 sacctmgr -n -P show cluster format=cluster >/dev/null 2>&1; }

stop_slurmdbd() {
    local pid
    pid="$(pid_of "$DBD_PID_FILE")"
    if pid_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == slurmdbd ]]; then
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + 15))
        while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
        pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$DBD_PID_FILE"
    # One started by hand, without our pid file, would hold the port.
    for pid in $(pgrep -x slurmdbd || true); do
        pid_alive "$pid" && kill -TERM "$pid" 2>/dev/null || true
    done
}

start_slurmdbd() {
    local changed="$1" pid
    pid="$(pid_of "$DBD_PID_FILE")"
    if pid_alive "$pid" && ((changed == 0)) && dbd_answers; then
        log "slurmdbd running (pid $pid)"
        return
    fi
    stop_slurmdbd
    trap '' PIPE
    # slurmdbd reads slurmdbd.conf from the directory of $SLURM_CONF.
    SLURM_CONF="$CONF_DIR/slurm.conf" slurmdbd || { tail -n 20 "$LOG_DIR/slurmdbd.log" >&2 || true; die "slurmdbd failed to start"; }
    trap - PIPE
    local deadline=$((SECONDS + 60))
    until dbd_answers; do
        ((SECONDS < deadline)) || { tail -n 20 "$LOG_DIR/slurmdbd.log" >&2 || true; die "slurmdbd did not answer sacctmgr within 60 s"; }
        sleep 0.5
    done
    log "slurmdbd started (pid $(pid_of "$DBD_PID_FILE"), port $DBD_PORT)"
}

exists() { [[ -n "$(timeout 10 sacctmgr -n -P "$@" 2>/dev/null)" ]]; }

sacctmgr_add() {
    local out
    out="$(timeout 30 sacctmgr -i "$@" 2>&1)" || { printf '%s\n' "$out" >&2; die "sacctmgr $*: failed"; }
}

register() {
    local cluster="$1" server="$2" licenses="$3"
    shift 3
    if exists show cluster "$cluster" format=cluster; then
        log "cluster $cluster: registered"
    else
        sacctmgr_add add cluster "$cluster"
        log "cluster $cluster: added"
    fi
    local pair user account
    for pair in "$@"; do
        user="${pair%%:*}" account="${pair#*:}"
        [[ -n "$user" && -n "$account" && "$pair" == *:* ]] || die "--user $pair: expected USER:ACCOUNT"
        id "$user" >/dev/null 2>&1 || { log "user $user: not on this host, skipped"; continue; }
        exists show account "$account" format=account || sacctmgr_add add account "$account" cluster="$cluster" description="$account" organization=spank-qrun
        if exists show association where cluster="$cluster" user="$user" account="$account" format=user; then
            log "user $user: account $account"
        else
            sacctmgr_add add user "$user" account="$account" cluster="$cluster"
            log "user $user: added to account $account"
        fi
    done
    [[ -z "$licenses" ]] && return 0
    local entry name count
    IFS=, read -r -a entries <<<"$licenses"
    for entry in "${entries[@]}"; do
        name="${entry%%:*}" count="${entry#*:}"
        [[ "$name" =~ ^[A-Za-z0-9_.-]{1,128}$ && "$entry" == *:* && "$count" =~ ^[0-9]+$ ]] \
            || die "--licenses entry '$entry': expected NAME:COUNT (NAME: letters, digits, _ - .; COUNT: a whole number)"
        if exists show resource "$name" server="$server" format=name; then
            sacctmgr_add modify resource name="$name" server="$server" set count="$count"
            log "license $name@$server: count $count"
        else
            sacctmgr_add add resource name="$name" server="$server" count="$count" cluster="$cluster" \
                percentallowed=100 type=license description="QPU execution lanes of backend $name"
            log "license $name@$server: added, count $count"
        fi
    done
}

cmd_up() {
    local cluster="" licenses="" server=qrun users=()
    while (($#)); do
        case "$1" in
            --cluster) cluster="${2:?--cluster needs a name}"; shift 2 ;;
            --licenses) licenses="${2?--licenses needs NAME:COUNT,...}"; shift 2 ;;
            --license-server) server="${2:?--license-server needs a name}"; shift 2 ;;
            --user) users+=("${2:?--user needs USER:ACCOUNT}"); shift 2 ;;
            -h | --help) usage; exit 0 ;;
            *) usage >&2; die "unknown option for up: $1" ;;
        esac
    done
    [[ -n "$cluster" ]] || die "up needs --cluster NAME (the ClusterName of slurm.conf)"
    [[ "$server" =~ ^[A-Za-z0-9_.-]{1,64}$ ]] || die "--license-server $server: letters, digits, _ - . only"
    ((${#users[@]})) || users=(root:physics qrunuser:physics qrunuser2:chemistry)
    command -v slurmdbd >/dev/null 2>&1 || die "slurmdbd is not installed; run scripts/install-prerequisites.sh first"
    command -v mariadb >/dev/null 2>&1 || die "mariadb is not installed; run scripts/install-prerequisites.sh first"
    timeout 5 bash -c 'munge -n | unmunge' >/dev/null 2>&1 || die "munged is not answering: slurmdbd authenticates with MUNGE"
    start_mariadb
    local password changed=0
    password="$(storage_password)"
    setup_database "$password"
    write_dbd_conf "$password" && changed=1
    start_slurmdbd "$changed"
    register "$cluster" "$server" "$licenses" "${users[@]}"
}

cmd_down() {
    stop_slurmdbd
    log "slurmdbd stopped"
    if mariadb_running; then
        /etc/init.d/mariadb stop >/dev/null 2>&1 || true
        log "MariaDB stopped"
    fi
}

cmd_status() {
    local pid
    pid="$(pid_of "$DBD_PID_FILE")"
    printf 'mariadb    %s\n' "$(mariadb_running && pid_of "$MARIADB_PID_FILE" || echo 'not running')"
    printf 'slurmdbd   %s\n' "$(pid_alive "$pid" && echo "$pid" || echo 'not running')"
    dbd_answers || return 0
    timeout 10 sacctmgr -n -P show association format=cluster,account,user | sed 's/^/association /'
    timeout 10 sacctmgr -n -P show resource format=name,server,count,allocated,description | sed 's/^/license /'
}

main() {
    local cmd="${1:-}"
    (($#)) && shift
    [[ $(id -u) -eq 0 || "$cmd" == status || "$cmd" == -h || "$cmd" == --help ]] || die "must run as root; current uid is $(id -u)"
    case "$cmd" in
        up) cmd_up "$@" ;;
        down) cmd_down ;;
        stop-dbd) stop_slurmdbd ;;
        status) cmd_status ;;
        -h | --help | help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
