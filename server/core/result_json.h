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

/* end of result_json.h */
