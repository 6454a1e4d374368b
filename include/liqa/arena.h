/**
 * @file arena.h
 * @brief Bump allocator for everything one request produces.
 *
 * Ownership rule for the whole pipeline: every pointer that a pipeline stage
 * returns inside its result structures points into the request's arena and
 * lives until lq_arena_reset() or lq_arena_free(). Nothing allocated from an
 * arena is freed on its own. An arena has a byte limit, so a hostile text
 * cannot make one request take unbounded memory: an allocation past the limit
 * returns NULL and the stage reports LQ_ERR_NOMEM.
 */
#pragma once

#include <stddef.h>

struct lq_arena;

/**
 * Create an arena.
 * @param limit  most bytes the arena may hand out in all (0: no limit)
 * @return a new arena, or NULL when out of memory; free with lq_arena_free()
 */
struct lq_arena *
lq_arena_new(size_t limit);

/** Free the arena and everything allocated from it; NULL is a no-op. */
void
lq_arena_free(struct lq_arena *a);

/** Forget every allocation but keep the first block for reuse. */
void
lq_arena_reset(struct lq_arena *a);

/**
 * Allocate @p n bytes aligned to 16, uninitialised.
 * @return memory owned by the arena, or NULL past the limit or out of memory
 */
void *
lq_arena_alloc(struct lq_arena *a, size_t n);

/** Allocate @p n * @p size zeroed bytes, with an overflow check. */
void *
lq_arena_calloc(struct lq_arena *a, size_t n, size_t size);

/** Copy @p n bytes of @p s and add a NUL; the copy is owned by the arena. */
char *
lq_arena_strndup(struct lq_arena *a, const char *s, size_t n);

/** Bytes handed out since creation or the last reset. */
size_t
lq_arena_used(const struct lq_arena *a);

/* end of arena.h */
