/**
 * @file metrics.h
 * @brief Counters for /metrics, in the Prometheus text format 0.0.4.
 *
 * Prefix met_. All counters are C11 atomics in one static table, so any
 * thread may record without a lock. Routes are the indices of the route
 * table (met_init() gets their names), plus one "other" route for paths that
 * match nothing.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/** Most routes met_init() accepts (the "other" route not included). */
#define MET_MAX_ROUTES 12

/** Gauges the renderer reads at scrape time. */
struct met_gauges {
    unsigned in_flight;
    unsigned connections;
    int ready;
};

/**
 * Name the routes; @p names is borrowed for the life of the process.
 * @param n  at most MET_MAX_ROUTES
 */
void
met_init(const char *const *names, size_t n);

/**
 * Record one finished request.
 * @param route     index given to met_init(), or any larger value for "other"
 * @param status    HTTP status sent, 0 when none was (client gone, timeout)
 * @param seconds   time from the request's first byte of headers to completion
 */
void
met_record(size_t route, unsigned status, double seconds, uint64_t bytes_in, uint64_t bytes_out);

/**
 * The whole exposition text.
 * @return a malloc'ed string (length in @p len), or NULL when out of memory
 */
char *
met_render(const struct met_gauges *g, size_t *len);

/* end of metrics.h */
