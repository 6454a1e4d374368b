/**
 * @file pipeline.h
 * @brief The whole extraction pipeline, no HTTP in it: text → tokens →
 *        entities → coreference → events → JSON.
 *
 * Prefix lq_. struct lq_pipeline holds every read-only resource (lexicons,
 * model, ICU data) and is shared by all threads; struct lq_worker holds one
 * thread's scratch state (arena, ICU clones, tagger). Both the HTTP server
 * and `liqa extract` call lq_extract(), so they print the same JSON.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "liqa/text.h"
#include "liqa/timex.h"

struct lq_pipeline;
struct lq_worker;

/**
 * Flags with which every layer serialises a result (json_dumps): UTF-8
 * output, not escaped; reals such as confidence with 4 significant digits.
 * The HTTP server and `liqa extract` both use them, so they print the same
 * bytes.
 */
#define LQ_JSON_DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(4))

/** Where the pipeline finds its data, and its bounds. */
struct lq_pipeline_opts {
    const char *lexicon_dir;  /**< folder of the lexicon files */
    const char *model_path;   /**< NER model file; NULL or "" to run on rules alone */
    size_t max_text_bytes;    /**< texts longer than this are LQ_ERR_TOO_LARGE (0: no limit) */
    size_t arena_limit;       /**< per-request memory bound in bytes (0: no limit) */
};

/** One extraction request, already decoded from JSON or the command line. */
struct lq_request {
    const char *text;         /**< UTF-8 (validated by lq_extract) */
    size_t len;
    const char *id;           /**< caller id, or NULL */
    const char *published;    /**< the string as given, or NULL */
    struct tmx_date dct;      /**< parsed published date; year 0 when absent */
    enum txt_unit unit;
};

/** What went wrong, for the caller's error reply. */
struct lq_error {
    int status;               /**< enum lq_status */
    char message[256];
};

/**
 * Load every resource. @p err names the file and reason on failure.
 * @return LQ_OK or a negative enum lq_status
 */
int
lq_pipeline_load(const struct lq_pipeline_opts *opts, struct lq_pipeline **out, char *err,
                 size_t errlen);

void
lq_pipeline_free(struct lq_pipeline *p);

/** Model identifiers for /version, e.g. {"ner": "..."}; a new reference. */
json_t *
lq_pipeline_models(const struct lq_pipeline *p);

/** Scratch state for one thread; NULL when out of memory. */
struct lq_worker *
lq_worker_new(const struct lq_pipeline *p);

void
lq_worker_free(struct lq_worker *w);

/**
 * Decode a JSON request body ({"text", "id", "published", "offsets"}) into
 * @p req. Strings in @p req borrow from @p body, which must outlive it.
 * @return LQ_OK or LQ_ERR_INVALID with @p err->message saying which field
 */
int
lq_request_from_json(const json_t *body, struct lq_request *req, struct lq_error *err);

/**
 * Decode a JSON request body without building Jansson objects, for the
 * common shape only: one object whose members are all strings or null,
 * with "text" a string, no duplicate keys, at most 16 members. For such a
 * body the result is exactly what json_loadb(JSON_REJECT_DUPLICATES |
 * JSON_DECODE_ANY) and lq_request_from_json() give; for any other body
 * (malformed, other value types, \u0000, ...) it returns 0 and decides
 * nothing, and the caller goes the Jansson way, which words the errors.
 * @param mem  on a return of 1, a buffer that the strings of @p req point
 *             into; the caller frees it with free() after the request
 * @param err  on a return of 1, err->status is LQ_OK, or LQ_ERR_INVALID with
 *             the message of lq_request_init() (a bad offsets or published)
 * @return 1 when decoded here, 0 when left to Jansson
 */
int
lq_request_from_body(const char *buf, size_t len, struct lq_request *req, char **mem,
                     struct lq_error *err);

/**
 * Fill @p req from separate strings (query parameters, CLI flags); any may
 * be NULL.
 * @return LQ_OK or LQ_ERR_INVALID
 */
int
lq_request_init(struct lq_request *req, const char *text, size_t len, const char *id,
                const char *published, const char *offsets, struct lq_error *err);

/**
 * Run the pipeline on one request.
 * @param out  on LQ_OK, a new JSON object (the caller owns the reference)
 * @return LQ_OK, LQ_ERR_UTF8 (message gives the byte offset), LQ_ERR_INVALID,
 *         LQ_ERR_TOO_LARGE, LQ_ERR_NOMEM
 */
int
lq_extract(struct lq_worker *w, const struct lq_request *req, json_t **out, struct lq_error *err);

/**
 * Run the pipeline on one request and serialise the response in the same
 * step: @p out receives exactly the bytes that json_dumps() of lq_extract()'s
 * object prints with LQ_JSON_DUMP_FLAGS (or any JSON_COMPACT with a real
 * precision from 2 to 16), without building the object: faster, and the
 * same errors as lq_extract().
 * @param out  on LQ_OK, a NUL-terminated string of *len bytes; the buffer
 *             has 2 spare bytes after the NUL, so the caller may append one
 *             byte (a newline) and a NUL in place; free it with free()
 * @return like lq_extract()
 */
int
lq_extract_dump(struct lq_worker *w, const struct lq_request *req, char **out, size_t *len,
                struct lq_error *err);

/* end of pipeline.h */
