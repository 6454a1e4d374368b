/* Bump allocator: a chain of blocks, each at least BLOCK_MIN bytes. */
#include "liqa/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN (64u * 1024u)
#define ALIGN 16u

struct block {
    struct block *next;
    size_t cap;
    size_t used;
    _Alignas(16) unsigned char data[];
};

struct lq_arena {
    struct block *head; /* current block; older blocks follow */
    size_t limit;
    size_t used;        /* bytes handed out, with padding */
};

static struct block *
block_new(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(struct block))
        return NULL;
    struct block *b = malloc(sizeof(struct block) + cap);
    if (NULL == b)
        return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

struct lq_arena *
lq_arena_new(size_t limit)
{
    struct lq_arena *a = calloc(1, sizeof(*a));
    if (NULL == a)
        return NULL;
    a->limit = limit;
    return a;
}

void
lq_arena_free(struct lq_arena *a)
{
    if (NULL == a)
        return;
    struct block *b = a->head;
    while (b) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void
lq_arena_reset(struct lq_arena *a)
{
    if (NULL == a)
        return;
    struct block *b = a->head;
    if (NULL == b)
        return;
    /* keep the oldest block of standard size, free the rest */
    struct block *keep = NULL;
    while (b) {
        struct block *next = b->next;
        if (NULL == keep && BLOCK_MIN == b->cap)
            keep = b;
        else
            free(b);
        b = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
    a->used = 0;
}

void *
lq_arena_alloc(struct lq_arena *a, size_t n)
{
    if (0 == n)
        n = 1;
    if (n > SIZE_MAX - ALIGN)
        return NULL;
    size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (a->limit && (need > a->limit || a->used > a->limit - need))
        return NULL;
    struct block *b = a->head;
    if (NULL == b || b->cap - b->used < need) {
        size_t cap = need > BLOCK_MIN ? need : BLOCK_MIN;
        struct block *nb = block_new(cap);
        if (NULL == nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->used += need;
    return p;
}

void *
lq_arena_calloc(struct lq_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = lq_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *
lq_arena_strndup(struct lq_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = lq_arena_alloc(a, n + 1);
    if (NULL == p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t
lq_arena_used(const struct lq_arena *a)
{
    return a->used;
}

/* end of arena.c */
