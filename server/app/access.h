/**
 * @file access.h
 * @brief Access control of the HTTP server, all off by default: API keys
 *        (constant-time comparison), a per-client token-bucket rate limit,
 *        and the CORS origin list.
 *
 * Prefix acc_. struct acc borrows the struct cfg it was made from (which
 * must outlive it); the rate limiter is the only mutable part and has its
 * own lock, so one struct acc serves every thread.
 */
#pragma once

#include <stddef.h>

struct cfg;
struct acc;

/** @return a new access controller, or NULL when out of memory */
struct acc *
acc_new(const struct cfg *cfg);

void
acc_free(struct acc *a);

/** Whether API keys are required at all. */
int
acc_keys_enabled(const struct acc *a);

/**
 * Check a presented key against every configured key, in time that depends
 * only on the lengths, never on where the first difference is.
 * @return the index of the matching key, or -1
 */
int
acc_check_key(const struct acc *a, const char *presented);

/**
 * Take one token from the bucket of @p client (an IP address, or "key:N").
 * @param retry_after  on refusal, whole seconds until a token is back
 * @return 1 when allowed (always, when the limit is off), 0 when refused
 */
int
acc_rate_take(struct acc *a, const char *client, unsigned *retry_after);

/**
 * The value of Access-Control-Allow-Origin for a request's Origin header.
 * @return "*", @p origin itself, or NULL when CORS is off or the origin is
 *         not listed (borrowed: the list's copy, "*", or @p origin)
 */
const char *
acc_cors_origin(const struct acc *a, const char *origin);

/* end of access.h */
