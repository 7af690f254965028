#!/usr/bin/env bash
# Installs what spank-qrun's build, tests, end-to-end cluster and benchmarks need on a fresh Debian 12
# machine. Idempotent and quiet: one line per step, the failing command's output only when it fails.
# Runs as root. See docs/cluster.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
# Two non-root users: the tests check that one user never sees the other's work.
readonly TEST_USERS=(qrunuser qrunuser2)
readonly PACKAGES=(
    slurm-wlm slurmctld slurmd slurm-client munge libslurm-dev
    slurmdbd mariadb-server lua5.1
    cmake gcc make
    procps ca-certificates jq curl strace
    binutils man-db
    python3-numpy
    libmunge2 postgresql
)
export DEBIAN_FRONTEND=noninteractive

step() { printf 'install-prerequisites: %s\n' "$*"; }
die() { printf 'install-prerequisites: error: %s\n' "$*" >&2; exit 1; }

# Runs a command quietly; on failure prints its captured output and stops.
quiet() {
    local out
    if ! out="$("$@" 2>&1)"; then
        printf '%s\n' "$out" | tail -n 40 >&2
        die "failed: $*"
    fi
}

[[ $(id -u) -eq 0 ]] || die "must run as root (apt-get install, useradd); current uid is $(id -u)"

missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || printf '%s\n' "$p"
    done
}

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        step "apt packages: all ${#PACKAGES[@]} present"
        return
    fi
    step "apt packages: installing ${missing[*]}"
    quiet apt-get update -q
    # The daemons' postinst scripts try to start services; without systemd that must not fail the install.
    quiet apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}"
    mapfile -t missing < <(missing_packages)
    ((${#missing[@]} == 0)) || die "still missing after apt-get install: ${missing[*]}"
}

create_test_users() {
    local user
    for user in "${TEST_USERS[@]}"; do
        if id "$user" >/dev/null 2>&1; then
            step "user $user: present (uid $(id -u "$user"))"
            continue
        fi
        quiet useradd --create-home --shell /bin/bash "$user"
        step "user $user: created (uid $(id -u "$user"))"
    done
}

install_node_modules() {
    if [[ -x "$REPO_ROOT/node_modules/.bin/s3rver" ]]; then
        step "npm: node_modules/.bin/s3rver present"
        return
    fi
    command -v npm >/dev/null 2>&1 || die "npm not found: node 20 and npm are expected on this machine"
    (cd "$REPO_ROOT" && quiet npm ci --no-audit --no-fund)
    [[ -x "$REPO_ROOT/node_modules/.bin/s3rver" ]] || die "npm ci ran but $REPO_ROOT/node_modules/.bin/s3rver is missing"
    step "npm: installed (s3rver $(cd "$REPO_ROOT" && node -p 'require("s3rver/package.json").version' 2>/dev/null || echo '?'))"
}

check_dotnet() {
    command -v dotnet >/dev/null 2>&1 || die "dotnet not found: the .NET SDK is expected on this machine"
    local version
    version="$(cd "$REPO_ROOT" && dotnet --version 2>&1)" || { printf '%s\n' "$version" >&2; die "dotnet --version failed in $REPO_ROOT"; }
    step "dotnet: SDK $version"
}

install_packages
step "slurm: $(dpkg-query -W -f='${Version}' slurmd) (slurm.h: $(test -f /usr/include/slurm/spank.h && echo present || echo MISSING))"
create_test_users
install_node_modules
check_dotnet
