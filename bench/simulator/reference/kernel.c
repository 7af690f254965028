/*
 * Reference statevector kernel for bench/simulator: one gate per pass over the state, AVX2 + FMA, one thread.
 * It applies the gate sequence the C# bench writes and prints the time and a checksum of the final state, so the
 * simulator can be compared with a plain C kernel doing exactly the same work. Built with -fopenmp, it can split
 * each pass across THREADS threads (static schedule), which shows what more cores give on this machine.
 *
 * usage: kernel QUBITS GATE_FILE REPEATS [THREADS]
 * GATE_FILE: one gate per line: "kind target control m00r m00i m01r m01i m10r m10i m11r m11i"
 *   kind: 0 = 2x2 unitary on target (control -1) or controlled on `control`; 1 = swap(target, control).
 * Output: "ms=<best of REPEATS> checksum=<re> <im>" where the state restarts from |0..0> for every repeat.
 * Environment: BENCH_C_HUGEPAGES=1 places a state of 2 MiB or more as the simulator does (2 MiB-aligned, advised for
 * transparent huge pages); by default it is a plain aligned_alloc, as a plain C program's would be.
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#ifdef _OPENMP
#define PARALLEL_FOR _Pragma("omp parallel for schedule(static) num_threads(threads) if (threads > 1)")
#else
#define PARALLEL_FOR
#endif

static int threads = 1;

typedef struct {
    int kind, target, control;
    double m[8];
} gate_t;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static inline uint64_t insert_zero(uint64_t v, int p)
{
    uint64_t low = v & ((1ull << p) - 1);
    return ((v >> p) << (p + 1)) | low;
}

/* c * a for two interleaved complex numbers: re broadcast and (-im, im) alternating. */
static inline __m256d cmul(__m256d re, __m256d sim, __m256d a)
{
    return _mm256_fmadd_pd(re, a, _mm256_mul_pd(sim, _mm256_permute_pd(a, 0x5)));
}

static inline __m128d cmul128(__m128d re, __m128d sim, __m128d a)
{
    return _mm_add_pd(_mm_mul_pd(re, a), _mm_mul_pd(sim, _mm_shuffle_pd(a, a, 1)));
}

static void apply_unitary(double *s, uint64_t n, const gate_t *g)
{
    int t = g->target, c = g->control;
    uint64_t stride = 1ull << t, cmask = c >= 0 ? 1ull << c : 0;
    uint64_t pairs = n >> (c >= 0 ? 2 : 1);
    int lo = c >= 0 && c < t ? c : t, hi = c >= 0 && c > t ? c : t;
    const double *m = g->m;
    int diagonal = m[2] == 0 && m[3] == 0 && m[4] == 0 && m[5] == 0;
    int pauli_x = m[0] == 0 && m[1] == 0 && m[6] == 0 && m[7] == 0 && m[2] == 1 && m[3] == 0 && m[4] == 1 && m[5] == 0;
    if (t >= 1 && (c < 0 || c >= 1) && (diagonal || pauli_x)) {
        /* The same shortcuts the simulator takes: a diagonal gate multiplies, X swaps. */
        __m256d r0 = _mm256_set1_pd(m[0]), i0 = _mm256_setr_pd(-m[1], m[1], -m[1], m[1]);
        __m256d r1 = _mm256_set1_pd(m[6]), i1 = _mm256_setr_pd(-m[7], m[7], -m[7], m[7]);
        PARALLEL_FOR
        for (uint64_t j = 0; j < pairs; j += 2) {
            uint64_t i = c >= 0 ? insert_zero(insert_zero(j, lo), hi) | cmask : insert_zero(j, t);
            double *p0 = s + 2 * i, *p1 = s + 2 * (i + stride);
            __m256d a0 = _mm256_loadu_pd(p0), a1 = _mm256_loadu_pd(p1);
            if (pauli_x) {
                _mm256_storeu_pd(p0, a1);
                _mm256_storeu_pd(p1, a0);
            } else {
                _mm256_storeu_pd(p0, cmul(r0, i0, a0));
                _mm256_storeu_pd(p1, cmul(r1, i1, a1));
            }
        }
    } else if (t >= 1 && (c < 0 || c >= 1)) {
        __m256d r00 = _mm256_set1_pd(m[0]), i00 = _mm256_setr_pd(-m[1], m[1], -m[1], m[1]);
        __m256d r01 = _mm256_set1_pd(m[2]), i01 = _mm256_setr_pd(-m[3], m[3], -m[3], m[3]);
        __m256d r10 = _mm256_set1_pd(m[4]), i10 = _mm256_setr_pd(-m[5], m[5], -m[5], m[5]);
        __m256d r11 = _mm256_set1_pd(m[6]), i11 = _mm256_setr_pd(-m[7], m[7], -m[7], m[7]);
        PARALLEL_FOR
        for (uint64_t j = 0; j < pairs; j += 2) {
            uint64_t i = c >= 0 ? insert_zero(insert_zero(j, lo), hi) | cmask : insert_zero(j, t);
            double *p0 = s + 2 * i, *p1 = s + 2 * (i + stride);
            __m256d a0 = _mm256_loadu_pd(p0), a1 = _mm256_loadu_pd(p1);
            _mm256_storeu_pd(p0, _mm256_add_pd(cmul(r00, i00, a0), cmul(r01, i01, a1)));
            _mm256_storeu_pd(p1, _mm256_add_pd(cmul(r10, i10, a0), cmul(r11, i11, a1)));
        }
    } else {
        __m128d r00 = _mm_set1_pd(m[0]), i00 = _mm_setr_pd(-m[1], m[1]);
        __m128d r01 = _mm_set1_pd(m[2]), i01 = _mm_setr_pd(-m[3], m[3]);
        __m128d r10 = _mm_set1_pd(m[4]), i10 = _mm_setr_pd(-m[5], m[5]);
        __m128d r11 = _mm_set1_pd(m[6]), i11 = _mm_setr_pd(-m[7], m[7]);
        PARALLEL_FOR
        for (uint64_t j = 0; j < pairs; j++) {
            uint64_t i = c >= 0 ? insert_zero(insert_zero(j, lo), hi) | cmask : insert_zero(j, t);
            double *p0 = s + 2 * i, *p1 = s + 2 * (i + stride);
            __m128d a0 = _mm_loadu_pd(p0), a1 = _mm_loadu_pd(p1);
            _mm_storeu_pd(p0, _mm_add_pd(cmul128(r00, i00, a0), cmul128(r01, i01, a1)));
            _mm_storeu_pd(p1, _mm_add_pd(cmul128(r10, i10, a0), cmul128(r11, i11, a1)));
        }
    }
}

static void apply_swap(double *s, uint64_t n, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    uint64_t sa = 1ull << a, sb = 1ull << b;
    PARALLEL_FOR
    for (uint64_t j = 0; j < n >> 2; j++) {
        uint64_t i = insert_zero(insert_zero(j, lo), hi);
        __m128d x = _mm_loadu_pd(s + 2 * (i | sa)), y = _mm_loadu_pd(s + 2 * (i | sb));
        _mm_storeu_pd(s + 2 * (i | sa), y);
        _mm_storeu_pd(s + 2 * (i | sb), x);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: kernel QUBITS GATE_FILE REPEATS [THREADS]\n");
        return 2;
    }
    int qubits = atoi(argv[1]), repeats = atoi(argv[3]);
    threads = argc == 5 ? atoi(argv[4]) : 1;
    if (qubits < 2 || qubits > 30 || repeats < 1 || threads < 1) {
        fprintf(stderr, "kernel: QUBITS must be 2..30, REPEATS and THREADS >= 1\n");
        return 2;
    }
#ifndef _OPENMP
    if (threads > 1) {
        fprintf(stderr, "kernel: built without OpenMP (-fopenmp), so THREADS must be 1\n");
        return 2;
    }
#endif
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    size_t count = 0, capacity = 1024;
    gate_t *gates = malloc(capacity * sizeof *gates);
    gate_t g;
    while (fscanf(f, "%d %d %d %lf %lf %lf %lf %lf %lf %lf %lf", &g.kind, &g.target, &g.control, &g.m[0], &g.m[1],
                  &g.m[2], &g.m[3], &g.m[4], &g.m[5], &g.m[6], &g.m[7]) == 11) {
        if (count == capacity)
            gates = realloc(gates, (capacity *= 2) * sizeof *gates);
        gates[count++] = g;
    }
    fclose(f);

    uint64_t n = 1ull << qubits;
    size_t bytes = n * 2 * sizeof(double);
    const char *huge_pages = getenv("BENCH_C_HUGEPAGES");
    int huge = huge_pages && strcmp(huge_pages, "1") == 0 && bytes >= (2u << 20);
    /* n is a power of two, so bytes is a multiple of either alignment. */
    double *s = aligned_alloc(huge ? 2u << 20 : 64, bytes);
    if (!s) {
        perror("aligned_alloc");
        return 1;
    }
    if (huge)
        madvise(s, bytes, MADV_HUGEPAGE);
    double best = 1e300;
    for (int r = 0; r < repeats; r++) {
        memset(s, 0, n * 2 * sizeof(double));
        s[0] = 1.0;
        double start = now_ms();
        for (size_t k = 0; k < count; k++) {
            if (gates[k].kind == 1)
                apply_swap(s, n, gates[k].target, gates[k].control);
            else
                apply_unitary(s, n, &gates[k]);
        }
        double elapsed = now_ms() - start;
        if (elapsed < best)
            best = elapsed;
    }
    double re = 0, im = 0;
    for (uint64_t i = 0; i < n; i++) {
        double w = (double)(i % 7 + 1);
        re += w * s[2 * i];
        im += w * s[2 * i + 1];
    }
    printf("ms=%.3f checksum=%.12e %.12e\n", best, re, im);
    free(s);
    free(gates);
    return 0;
}
