# Summarises the raw figures of bench/srun-launch/steps.sh (portable awk: mawk has no asort).
# Input lines: "time CONFIG MS" and "mem CONFIG RSS_KB SIZE_KB HWM_KB".

function sort_numeric(a, n,    i, j, v) {
    for (i = 2; i <= n; i++) {
        v = a[i]
        for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]
        a[j + 1] = v
    }
}

# Quantile q (0..1) of the n values in a (sorted in place), linear interpolation.
function quantile(a, n, q,    pos, lo) {
    if (n == 0) return 0
    sort_numeric(a, n)
    pos = 1 + (n - 1) * q
    lo = int(pos)
    if (lo >= n) return a[n]
    return a[lo] + (pos - lo) * (a[lo + 1] - a[lo])
}

function copy_values(prefix, config, n, dst,    i) {
    for (i = 1; i <= n; i++) dst[i] = values[prefix, config, i]
}

$1 == "time" { t[$2] = t[$2] + 1; values["t", $2, t[$2]] = $3 }
$1 == "mem" {
    m[$2] = m[$2] + 1
    values["rss", $2, m[$2]] = $3
    values["size", $2, m[$2]] = $4
    values["hwm", $2, m[$2]] = $5
}

END {
    split("A B0 B1", configs, " ")
    label["A"] = "A  no plugin line"
    label["B0"] = with_plugin ? "B0 plugin, no options" : "B0 (= A: no plugin given)"
    label["B1"] = with_plugin ? "B1 plugin + options" : "B1 (= A: no plugin given)"

    for (c = 1; c <= 3; c++) {
        k = configs[c]
        copy_values("t", k, t[k], tmp); med[k] = quantile(tmp, t[k], 0.5)
        copy_values("t", k, t[k], tmp); p25[k] = quantile(tmp, t[k], 0.25)
        copy_values("t", k, t[k], tmp); p75[k] = quantile(tmp, t[k], 0.75)
        copy_values("rss", k, m[k], tmp); rss[k] = quantile(tmp, m[k], 0.5)
        copy_values("size", k, m[k], tmp); size[k] = quantile(tmp, m[k], 0.5)
        copy_values("hwm", k, m[k], tmp); hwm[k] = quantile(tmp, m[k], 0.5)
    }
    # Per-round ratios: round i holds the i-th measurement of every configuration.
    for (c = 2; c <= 3; c++) {
        k = configs[c]
        n = (t[k] < t["A"]) ? t[k] : t["A"]
        for (i = 1; i <= n; i++) tmp[i] = values["t", k, i] / values["t", "A", i]
        ratio[k] = quantile(tmp, n, 0.5)
    }

    printf "\nsrun -N1 -n1 true, wall time (%d rounds, mode %s, %d s in all)\n", t["A"], mode, seconds
    printf "%-28s %10s %10s %10s %14s %16s\n", "configuration", "median ms", "p25 ms", "p75 ms", "median/A", "median(Bi/Ai)"
    for (c = 1; c <= 3; c++) {
        k = configs[c]
        printf "%-28s %10.1f %10.1f %10.1f %14.2f %16s\n", label[k], med[k], p25[k], p75[k], med[k] / med["A"], \
            (k == "A") ? "-" : sprintf("%.2f", ratio[k])
    }
    printf "B1 options: %s\n", with_plugin ? options : "(none: no plugin given)"

    printf "\nslurmstepd of a `srun -N1 -n1 sleep 1` step (median of %d steps, largest value seen in each)\n", m["A"]
    printf "%-28s %12s %12s %12s\n", "configuration", "VmRSS MiB", "VmHWM MiB", "VmSize MiB"
    for (c = 1; c <= 3; c++) {
        k = configs[c]
        printf "%-28s %12.1f %12.1f %12.1f\n", label[k], rss[k] / 1024, hwm[k] / 1024, size[k] / 1024
    }

    printf "\nsummary: launch B0/A = %.2f, B1/A = %.2f (median of per-round ratios); " \
        "stepd VmRSS %+.1f MiB (B0), %+.1f MiB (B1); VmSize %+.1f MiB (B0), %+.1f MiB (B1)\n", \
        ratio["B0"], ratio["B1"], (rss["B0"] - rss["A"]) / 1024, (rss["B1"] - rss["A"]) / 1024, \
        (size["B0"] - size["A"]) / 1024, (size["B1"] - size["A"]) / 1024
}
