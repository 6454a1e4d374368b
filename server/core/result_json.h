/**
 * @file result_json.h
 * @brief The pipeline's result as the API's JSON object (internal to core).
 */
#pragma once

#include <jansson.h>

struct lq_request;
struct txt_doc;
struct ent_result;
struct evt_result;

/**
 * Build the response object of POST /v1/extract, with every offset in
 * req->unit. Nothing of the result points into the arena afterwards.
 * @return a new reference, or NULL when out of memory
 */
json_t *
lq_result_json(const struct lq_request *req, const struct txt_doc *doc,
               const struct ent_result *ents, const struct evt_result *evts);

/**
 * Write the same response as bytes: exactly what json_dumps() of
 * lq_result_json()'s object prints with JSON_COMPACT and a real precision
 * from 2 to 16 (LQ_JSON_DUMP_FLAGS, the server's 15), without building it;
 * it fails where lq_result_json() fails (a string that is not UTF-8).
 * @param len  receives the length, without the NUL
 * @return a NUL-terminated string with 2 spare bytes after the NUL (so a
 *         caller may append a newline in place); the caller frees it with
 *         free(); NULL when out of memory
 */
char *
lq_result_dump(const struct lq_request *req, const struct txt_doc *doc,
               const struct ent_result *ents, const struct evt_result *evts, size_t *len);

/* end of result_json.h */
