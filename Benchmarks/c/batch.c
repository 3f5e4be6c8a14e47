/* DealFinance benchmarks — C ABI batch pricing: every deal of .build-data/deals.csv through
 * dfin_loan_payment_batch (libdealfinance.so from `make cabi`), one call per (frequency,
 * timing) group as the header requires. Prints payments per second (median of the passes),
 * checks every payment against ours-random.txt (dealbench-data check), writes cabi.tsv.
 *
 *   cc -O2 -I../include c/batch.c -L../.build-cabi/lib -ldealfinance -Wl,-rpath,... -o batch
 *   batch DATA_DIR [passes]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dealfinance.h"

#define MAX_DEALS 200000
#define GROUPS 16

typedef struct {
    size_t count;
    int32_t periods, advance;
    size_t *index;          /* deal numbers in file order */
    int64_t *principals, *balloons, *payments;
    int32_t *terms;
    dfin_status *statuses;
    const char **aprs;
    size_t *apr_lengths;
} group;

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".build-data";
    int passes = argc > 2 ? atoi(argv[2]) : 21;
    char path[4096];
    snprintf(path, sizeof path, "%s/deals.csv", dir);
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    static char line[1024];
    group groups[GROUPS];
    memset(groups, 0, sizeof groups);
    int ngroups = 0;
    size_t deals = 0;
    int32_t *deal_group = malloc(sizeof(int32_t) * MAX_DEALS);
    if (!fgets(line, sizeof line, f)) return 1;   /* header */
    while (fgets(line, sizeof line, f) && deals < MAX_DEALS) {
        char *fields[16];
        int n = 0;
        char *p = line;
        fields[n++] = p;
        while (*p && n < 16) { if (*p == ',') { *p = 0; fields[n++] = p + 1; } p++; }
        if (n < 16) continue;
        int32_t periods = atoi(fields[7]), advance = atoi(fields[9]);
        int g;
        for (g = 0; g < ngroups; g++) if (groups[g].periods == periods && groups[g].advance == advance) break;
        if (g == ngroups) {
            if (ngroups == GROUPS) return 1;
            groups[g].periods = periods; groups[g].advance = advance;
            groups[g].index = malloc(sizeof(size_t) * MAX_DEALS);
            groups[g].principals = malloc(sizeof(int64_t) * MAX_DEALS);
            groups[g].balloons = malloc(sizeof(int64_t) * MAX_DEALS);
            groups[g].payments = malloc(sizeof(int64_t) * MAX_DEALS);
            groups[g].terms = malloc(sizeof(int32_t) * MAX_DEALS);
            groups[g].statuses = malloc(sizeof(dfin_status) * MAX_DEALS);
            groups[g].aprs = malloc(sizeof(char *) * MAX_DEALS);
            groups[g].apr_lengths = malloc(sizeof(size_t) * MAX_DEALS);
            ngroups++;
        }
        group *gr = &groups[g];
        size_t k = gr->count++;
        gr->index[k] = deals;
        gr->principals[k] = strtoll(fields[12], NULL, 10);
        gr->balloons[k] = strtoll(fields[13], NULL, 10);
        gr->terms[k] = atoi(fields[8]);
        gr->aprs[k] = strdup(fields[6]);
        gr->apr_lengths[k] = strlen(fields[6]);
        deal_group[deals++] = g;
    }
    fclose(f);

    double *seconds = malloc(sizeof(double) * (size_t)passes);
    int failures = 0;
    for (int pass = 0; pass < passes; pass++) {
        double start = now();
        for (int g = 0; g < ngroups; g++) {
            group *gr = &groups[g];
            dfin_status s = dfin_loan_payment_batch(gr->payments, gr->statuses, gr->count, gr->principals, gr->balloons,
                                                    gr->aprs, gr->apr_lengths, gr->terms, gr->periods,
                                                    gr->advance ? DFIN_TIMING_ADVANCE : DFIN_TIMING_ARREARS,
                                                    DFIN_ROUND_TO_NEAREST_OR_AWAY, 2);
            if (s != DFIN_OK) failures++;
        }
        seconds[pass] = now() - start;
    }
    qsort(seconds, (size_t)passes, sizeof(double), compare);
    double median = seconds[passes / 2];

    /* Every payment equals ours (dealbench-data check wrote ours-random.txt). */
    int64_t *ours = malloc(sizeof(int64_t) * MAX_DEALS);
    size_t nours = 0;
    snprintf(path, sizeof path, "%s/ours-random.txt", dir);
    f = fopen(path, "r");
    if (f) { while (nours < MAX_DEALS && fgets(line, sizeof line, f)) ours[nours++] = strtoll(line, NULL, 10); fclose(f); }
    size_t differing = 0;
    for (int g = 0; g < ngroups; g++)
        for (size_t k = 0; k < groups[g].count; k++)
            if (groups[g].index[k] >= nours || ours[groups[g].index[k]] != groups[g].payments[k]) differing++;

    double rate = (double)deals / median;
    printf("cabi batch: %zu deals in %d calls, median %.3f ms per pass (%d passes): %.0f payments/s; "
           "%zu payments differ from ours; %d failed calls\n",
           deals, ngroups, median * 1e3, passes, rate, differing, failures);
    snprintf(path, sizeof path, "%s/cabi.tsv", dir);
    f = fopen(path, "w");
    if (!f) { perror(path); return 1; }
    fprintf(f, "deals\tcalls\tpasses\tmedian_seconds\tpayments_per_second\tdiffering\tfailed_calls\n");
    fprintf(f, "%zu\t%d\t%d\t%.9f\t%.0f\t%zu\t%d\n", deals, ngroups, passes, median, rate, differing, failures);
    fclose(f);
    (void)deal_group;
    return differing || failures ? 1 : 0;
}
