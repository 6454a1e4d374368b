/* API keys, rate limit and CORS origins (see access.h). */
#include "access.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "config.h"

/* The rate limiter remembers this many clients; when a probe window is
 * full, the client seen longest ago gives up its slot (its bucket would be
 * nearly full again anyway). */
#define RL_SLOTS 4096
#define RL_PROBE 16
#define RL_KEYLEN 64

struct bucket {
    char client[RL_KEYLEN];
    double tokens;
    double last; /* monotonic seconds; 0 = free slot */
};

struct acc {
    const struct cfg *cfg;
    double rate;     /* tokens a second */
    double capacity; /* burst */
    pthread_mutex_t lock;
    struct bucket *slots; /* RL_SLOTS, only when the limit is on */
};

struct acc *
acc_new(const struct cfg *cfg)
{
    struct acc *a = calloc(1, sizeof(*a));
    if (NULL == a)
        return NULL;
    a->cfg = cfg;
    if (0 != pthread_mutex_init(&a->lock, NULL)) {
        free(a);
        return NULL;
    }
    if (cfg->rate_limit_per_minute > 0) {
        a->rate = cfg->rate_limit_per_minute / 60.0;
        a->capacity = cfg->rate_limit_burst ? cfg->rate_limit_burst : cfg->rate_limit_per_minute;
        a->slots = calloc(RL_SLOTS, sizeof(*a->slots));
        if (NULL == a->slots) {
            acc_free(a);
            return NULL;
        }
    }
    return a;
}

void
acc_free(struct acc *a)
{
    if (NULL == a)
        return;
    pthread_mutex_destroy(&a->lock);
    free(a->slots);
    free(a);
}

int
acc_keys_enabled(const struct acc *a)
{
    return a->cfg->nkeys > 0;
}

/* Compare without an early exit; the loop runs over the longer length. */
static int
ct_equal(const char *a, size_t la, const char *b, size_t lb)
{
    size_t n = la > lb ? la : lb;
    volatile unsigned char diff = (unsigned char)(la != lb);
    for (size_t i = 0; i < n; i++) {
        unsigned char x = i < la ? (unsigned char)a[i] : 0;
        unsigned char y = i < lb ? (unsigned char)b[i] : 0;
        diff |= x ^ y;
    }
    return 0 == diff;
}

int
acc_check_key(const struct acc *a, const char *presented)
{
    if (NULL == presented)
        return -1;
    size_t lp = strlen(presented);
    int found = -1;
    for (size_t i = 0; i < a->cfg->nkeys; i++) {
        const char *k = a->cfg->keys[i];
        int eq = ct_equal(presented, lp, k, strlen(k));
        /* no branch on the result inside the loop body's timing-relevant part */
        found = eq && found < 0 ? (int)i : found;
    }
    return found;
}

static uint32_t
hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9 + 1.0; /* never 0 */
}

int
acc_rate_take(struct acc *a, const char *client, unsigned *retry_after)
{
    *retry_after = 0;
    if (NULL == a->slots)
        return 1;
    char key[RL_KEYLEN];
    size_t n = strlen(client);
    if (n >= RL_KEYLEN)
        n = RL_KEYLEN - 1;
    memcpy(key, client, n);
    key[n] = '\0';
    double t = now_s();
    uint32_t h = hash(key);
    int ok = 1;
    pthread_mutex_lock(&a->lock);
    struct bucket *b = NULL, *oldest = NULL;
    for (unsigned i = 0; i < RL_PROBE; i++) {
        struct bucket *s = &a->slots[(h + i) % RL_SLOTS];
        if (s->last > 0 && 0 == strcmp(s->client, key)) {
            b = s;
            break;
        }
        if (NULL == oldest || s->last < oldest->last)
            oldest = s;
    }
    if (NULL == b) {
        b = oldest;
        memcpy(b->client, key, n + 1);
        b->tokens = a->capacity;
        b->last = t;
    }
    b->tokens += (t - b->last) * a->rate;
    if (b->tokens > a->capacity)
        b->tokens = a->capacity;
    b->last = t;
    if (b->tokens >= 1.0) {
        b->tokens -= 1.0;
    } else {
        ok = 0;
        double wait = (1.0 - b->tokens) / a->rate;
        unsigned s = (unsigned)wait;
        *retry_after = (double)s < wait ? s + 1 : s;
        if (0 == *retry_after)
            *retry_after = 1;
    }
    pthread_mutex_unlock(&a->lock);
    return ok;
}

const char *
acc_cors_origin(const struct acc *a, const char *origin)
{
    if (NULL == origin || 0 == a->cfg->norigins)
        return NULL;
    if (a->cfg->cors_any)
        return "*";
    for (size_t i = 0; i < a->cfg->norigins; i++)
        if (0 == strcasecmp(a->cfg->origins[i], origin))
            return a->cfg->origins[i];
    return NULL;
}

/* end of access.c */
