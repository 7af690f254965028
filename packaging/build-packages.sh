#!/usr/bin/env bash
# Builds spank-qrun's Debian packages with dpkg-deb from CMake's build outputs (`make package` runs it).
# Each package is a directory packaging/deb/NAME holding `control` (a template) and `files` (what goes
# where); adding a package is adding such a directory. Needs only dpkg-deb, gzip and coreutils.
#
# usage: packaging/build-packages.sh --build-dir DIR --out DIR --version V --slurm MAJOR.MINOR
#                                    --arch DEB_ARCH --multiarch TRIPLET [NAME...]
#
# `files` lines (# comments; @VERSION@ @ARCH@ @MULTIARCH@ @SLURM_MIN@ @SLURM_NEXT@ @PACKAGE@ substituted):
#   file      SRC DEST MODE    one file
#   tree      SRC DEST         a directory, copied whole (directories 0755, executables 0755, others 0644)
#   link      TARGET DEST      a symbolic link DEST -> TARGET
#   conffile  SRC DEST MODE    a configuration file dpkg keeps the admin's changes to
#   unit      SRC NAME         systemd unit /lib/systemd/system/NAME.service, with the maintainer scripts
#                              packaging/maintainer/service.* (installed, not enabled; state /var/lib/NAME)
#   man       SRC              a man page (section from its extension), gzip -9n
#   doc       SRC NAME         /usr/share/doc/PACKAGE/NAME (text, substituted)
# SRC is build:PATH (in the build directory) or repo:PATH (in the repository).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
die() { printf 'build-packages: error: %s\n' "$*" >&2; exit 1; }

build_dir="" out_dir="" version="" slurm="" arch="" multiarch=""
packages=()
while (($#)); do
    case "$1" in
        --build-dir) build_dir="$2"; shift 2 ;;
        --out) out_dir="$2"; shift 2 ;;
        --version) version="$2"; shift 2 ;;
        --slurm) slurm="$2"; shift 2 ;;
        --arch) arch="$2"; shift 2 ;;
        --multiarch) multiarch="$2"; shift 2 ;;
        -*) die "unknown option $1" ;;
        *) packages+=("$1"); shift ;;
    esac
done
[[ -n "$build_dir" && -n "$out_dir" && -n "$version" && -n "$arch" && -n "$multiarch" ]] \
    || die "--build-dir, --out, --version, --arch and --multiarch are required"
[[ "$slurm" =~ ^([0-9]+)\.([0-9]+)$ ]] || die "--slurm must be MAJOR.MINOR, e.g. 22.05 (got '$slurm')"
slurm_next="$(printf '%d.%02d' "${BASH_REMATCH[1]}" $((10#${BASH_REMATCH[2]} + 1)))"
build_dir="$(cd "$build_dir" && pwd)"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
if ((${#packages[@]} == 0)); then
    mapfile -t packages < <(find "$REPO_ROOT/packaging/deb" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
fi

substitute() {
    sed -e "s|@VERSION@|$version|g" -e "s|@ARCH@|$arch|g" -e "s|@MULTIARCH@|$multiarch|g" \
        -e "s|@SLURM_MIN@|$slurm|g" -e "s|@SLURM_NEXT@|$slurm_next|g" -e "s|@PACKAGE@|$package|g" "$@"
}

source_path() {
    case "$1" in
        build:*) printf '%s/%s' "$build_dir" "${1#build:}" ;;
        repo:*) printf '%s/%s' "$REPO_ROOT" "${1#repo:}" ;;
        *) die "$package: source '$1' must start with build: or repo:" ;;
    esac
}

install_unit() {
    local src="$1" name="$2" script
    install -D -m 0644 "$src" "$stage/lib/systemd/system/$name.service"
    for script in postinst prerm postrm; do
        sed -e "s|@UNIT@|$name.service|g" -e "s|@STATE_DIR@|$name|g" \
            "$REPO_ROOT/packaging/maintainer/service.$script" >"$stage/DEBIAN/$script"
        chmod 0755 "$stage/DEBIAN/$script"
    done
}

build_package() {
    local dir="$REPO_ROOT/packaging/deb/$package" kind a b c src section deb
    [[ -f "$dir/control" && -f "$dir/files" ]] || die "$package: $dir needs control and files"
    stage="$(mktemp -d)"
    mkdir -p "$stage/DEBIAN" "$stage/usr/share/doc/$package"
    : >"$stage/DEBIAN/conffiles"
    while read -r kind a b c; do
        [[ -z "$kind" || "$kind" == \#* ]] && continue
        a="$(substitute <<<"$a")" b="$(substitute <<<"${b:-}")"
        case "$kind" in
            file)
                src="$(source_path "$a")"; [[ -f "$src" ]] || die "$package: $src is missing (build it first)"
                install -D -m "$c" "$src" "$stage$b" ;;
            tree)
                src="$(source_path "$a")"; [[ -d "$src" ]] || die "$package: $src is missing (build it first)"
                mkdir -p "$stage$b"
                cp -R "$src/." "$stage$b/"
                find "$stage$b" -type d -exec chmod 0755 {} +
                find "$stage$b" -type f -perm /111 -exec chmod 0755 {} +
                find "$stage$b" -type f ! -perm /111 -exec chmod 0644 {} + ;;
            link)
                mkdir -p "$(dirname "$stage$b")"
                ln -s "$a" "$stage$b" ;;
            conffile)
                src="$(source_path "$a")"; [[ -f "$src" ]] || die "$package: $src is missing"
                install -D -m "$c" "$src" "$stage$b"
                printf '%s\n' "$b" >>"$stage/DEBIAN/conffiles" ;;
            unit)
                src="$(source_path "$a")"; [[ -f "$src" ]] || die "$package: $src is missing"
                install_unit "$src" "$b" ;;
            man)
                src="$(source_path "$a")"; [[ -f "$src" ]] || die "$package: $src is missing (make man)"
                section="${src##*.}"
                mkdir -p "$stage/usr/share/man/man$section"
                gzip -9n <"$src" >"$stage/usr/share/man/man$section/$(basename "$src").gz"
                chmod 0644 "$stage/usr/share/man/man$section/$(basename "$src").gz" ;;
            doc)
                src="$(source_path "$a")"; [[ -f "$src" ]] || die "$package: $src is missing"
                mkdir -p "$(dirname "$stage/usr/share/doc/$package/$b")"
                substitute "$src" >"$stage/usr/share/doc/$package/$b"
                chmod 0644 "$stage/usr/share/doc/$package/$b" ;;
            *) die "$package: unknown kind '$kind' in $dir/files" ;;
        esac
    done <"$dir/files"
    [[ -s "$stage/DEBIAN/conffiles" ]] || rm "$stage/DEBIAN/conffiles"
    substitute "$REPO_ROOT/packaging/copyright" >"$stage/usr/share/doc/$package/copyright"
    chmod 0644 "$stage/usr/share/doc/$package/copyright"
    find "$stage" -type d -exec chmod 0755 {} +

    substitute "$dir/control" >"$stage/DEBIAN/control"
    printf 'Installed-Size: %s\n' "$(du -sk --exclude=DEBIAN "$stage" | cut -f1)" >>"$stage/DEBIAN/control"
    chmod 0644 "$stage/DEBIAN/control"
    deb="$out_dir/${package}_${version}_${arch}.deb"
    dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
    rm -rf "$stage"
    printf 'build-packages: %s\n' "$deb"
}

for package in "${packages[@]}"; do
    build_package
done
