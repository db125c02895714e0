/*
 * Load latency on the core this runs on: a dependent pointer chase through a random cycle of 256 KiB (held in
 * the core's L2) and one of 4 MiB (the L3 shared with other cores). Prints "<L2 ns> <L3 ns>", each the best of
 * three ~10 ms tries. A core whose SMT sibling is busy with another guest's work, or whose caches another
 * guest thrashes, shows here as higher latency while an L1-resident check (MD5) barely moves; built and run by
 * bench.py before each alternated window when a C compiler is present.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* ns per load over a random single cycle through `bytes` of memory. */
static double chase(size_t bytes, long steps) {
    size_t n = bytes / sizeof(size_t);
    size_t *next = malloc(n * sizeof(size_t)), *order = malloc(n * sizeof(size_t));
    if (!next || !order) {
        exit(1);
    }
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
    }
    uint64_t s = 88172645463325252ULL; /* xorshift: the same cycle every run */
    for (size_t i = n - 1; i > 0; i--) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        size_t j = s % (i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (size_t i = 0; i < n; i++) {
        next[order[i]] = order[(i + 1) % n];
    }
    volatile size_t sink;
    size_t x = 0;
    for (size_t i = 0; i < n; i++) { /* bring it into the caches */
        x = next[x];
    }
    double best = 1e9;
    for (int round = 0; round < 3; round++) {
        double t0 = now();
        for (long i = 0; i < steps; i++) {
            x = next[x];
        }
        double ns = (now() - t0) / steps * 1e9;
        best = ns < best ? ns : best;
    }
    sink = x;
    (void) sink;
    free(next);
    free(order);
    return best;
}

int main(void) {
    printf("%.2f %.1f\n", chase(256 << 10, 2000000), chase(4 << 20, 200000));
    return 0;
}
