/**
 * @file event.h
 * @brief The event stage: meeting triggers, participants and roles, place,
 *        time and status, merged to one event per real-world meeting.
 *
 * Prefix evt_. struct evt_ctx is read-only and shared; struct evt_result
 * lives in the request arena.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "liqa/timex.h"

struct lq_arena;
struct lq_lexicons;
struct txt_doc;
struct ent_result;
struct tmx_ctx;

enum evt_status {
    EVT_OCCURRED = 0,
    EVT_PLANNED,
    EVT_UNCERTAIN,
    EVT_NEGATED,
    EVT_HABITUAL,
};

enum evt_role {
    EVT_PARTICIPANT = 0,
    EVT_HOST,
    EVT_VISITOR,
    EVT_ATTENDEE,
};

/** API names: "occurred", ...; "participant", ... */
const char *
evt_status_name(enum evt_status s);
const char *
evt_role_name(enum evt_role r);

struct evt_participant {
    int32_t entity; /**< index into ent_result.entities */
    enum evt_role role;
};

struct evt_event {
    uint32_t trig_start, trig_end;   /**< code point range of the trigger */
    uint32_t sent_start, sent_end;   /**< code point range of the trigger's sentence */
    enum evt_status status;
    struct evt_participant *parts;
    size_t nparts;
    int32_t location;                /**< entity index, or -1 */
    int has_time;                    /**< 1 when time below is set */
    struct tmx_expr time;            /**< the expression, when has_time */
    int has_time_value;              /**< 1 when time_value holds a value */
    char time_value[24];             /**< TIMEX3 value */
    float confidence;                /**< probability that the event is right, calibrated */
};

struct evt_result {
    struct evt_event *events;
    size_t nevents;
};

struct evt_ctx;

/** @param lex, tmx  borrowed; must outlive the context */
int
evt_ctx_new(const struct lq_lexicons *lex, const struct tmx_ctx *tmx, struct evt_ctx **out);

void
evt_ctx_free(struct evt_ctx *ctx);

/**
 * Find the meetings of a document.
 * @param dct  publication date, or NULL
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
evt_extract(const struct evt_ctx *ctx, const struct txt_doc *doc, const struct ent_result *ents,
            const struct tmx_date *dct, struct lq_arena *arena, struct evt_result *out);

/* end of event.h */
