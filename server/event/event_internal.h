/**
 * @file event_internal.h
 * @brief Internals of the event stage shared by its source files: the
 *        classes of triggers.txt and cues.txt, parsed once per lookup.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct lex;
struct txt_doc;

/** Trigger classes (the first word of a triggers.txt value). */
enum evt_tclass {
    EVT_T_NONE = 0,
    EVT_T_MEET,     /**< التقى، اجتمع */
    EVT_T_RECEIVE,  /**< استقبل: subject hosts */
    EVT_T_VISIT,    /**< زار: subject visits */
    EVT_T_DISCUSS,  /**< بحث مع: needs مع */
    EVT_T_NOUN,     /**< لقاء، اجتماع */
    EVT_T_NVISIT,   /**< زيارة */
    EVT_T_NRECEIVE, /**< استقبال */
    EVT_T_LIGHT,    /**< عقد، أجرى: not an event by itself */
    EVT_T_ARRIVE,   /**< وصل إلى: no event; lends its place and time to a meeting of its subject */
};

/** Trigger flags (the other words of a triggers.txt value). */
enum evt_tflag {
    EVT_TF_PAST = 1u << 0,
    EVT_TF_IMPF = 1u << 1,
    EVT_TF_JUS = 1u << 2,
    EVT_TF_DEF = 1u << 3,
    EVT_TF_PL = 1u << 4,
    EVT_TF_POSS = 1u << 5,
    EVT_TF_OBJ = 1u << 6,
    EVT_TF_P1 = 1u << 7,
    EVT_TF_AMB = 1u << 8,
    EVT_TF_WEAK = 1u << 9,
    EVT_TF_FUT = 1u << 10, /**< set by the matcher: future prefix س */
    EVT_TF_INVITE = 1u << 11, /**< an invitation: a meeting still to come, only with a visit
                                    or meeting noun after it (دعاه لزيارة، دعوة X للقاء) */
};

/** Cue classes (the value of a cues.txt entry). */
enum evt_cue {
    EVT_C_NONE = 0,
    EVT_C_FUTURE,
    EVT_C_PLANNED,
    EVT_C_PLANPOST,
    EVT_C_UNCERTAIN,
    EVT_C_NEGATED,
    EVT_C_NEGVERB,
    EVT_C_HABITUAL,
    EVT_C_ATTEND,
    EVT_C_COUNTERPART,
    EVT_C_PHONE,
    EVT_C_SPORTS,
    EVT_C_MEDIA,
    EVT_C_WITH,
    EVT_C_BETWEEN,
    EVT_C_GROUP,
    EVT_C_BOUNDARY,
    EVT_C_COMP,
    EVT_C_PURPOSE,
    EVT_C_NONPART,
    EVT_C_DUAL,
    EVT_C_RELATIVE,
    EVT_C_PLACEHEAD,
    EVT_C_PRESENT,
    EVT_C_BARRIER,
    EVT_C_DEMONST,
    EVT_C_OCCASION,
    EVT_C_SUBORD,
    EVT_C_TOPIC, /**< a topic noun: a place in its complement is no venue (الأوضاع في X) */
    EVT_C_SPEECH, /**< a verb of saying (قال، أكد، أوضح): its subject may speak of a meeting */
    EVT_C_AFTER,  /**< عقب، في أعقاب، إثر، في ختام: the meeting noun after it has just ended */
    EVT_C_PARTAKE, /**< شارك، مثّل: the names after "the meeting" that follows took part */
    EVT_C_MEMBERS, /**< الأحزاب، النقابات: a plural of bodies met through their people; the
                        value's second word is the singular head (members حزب) */
    EVT_C_NEWTOPIC, /**< من جهة أخرى، في سياق آخر: the sentence turns to another matter */
    EVT_C_HARD, /**< not in cues.txt: a sentence-final or clause-final punctuation mark */
};

/** Parse a triggers.txt value; returns the class and sets *flags. */
enum evt_tclass
evt_parse_trigger(const char *value, unsigned *flags);

/** Parse a cues.txt value; EVT_C_NONE when unknown. */
enum evt_cue
evt_parse_cue(const char *value);

/*
 * Which of the triggers, cues and titles a token's base (bits EVT_FIRST_*)
 * and its whole key (the same bits << 4) start an entry of: one byte per
 * token, from the events context's index of first words (prepare() in
 * event.c). A clear bit means lex_longest() of that lexicon and form gives
 * 0 at the token, so the lookup is skipped; NULL: nothing known, every
 * lookup is made.
 */
#define EVT_FIRST_TRIGGER 1u
#define EVT_FIRST_CUE 2u
#define EVT_FIRST_TITLE 4u
#define EVT_FIRST_NLEX 3
#define EVT_FIRST_KEY(bit) ((bit) << 4)

/* may the lexicon of @p bit match at token @p tok in @p form (LEX_BASE or LEX_KEY)? */
static inline int
evt_first_may(const uint8_t *first, size_t tok, unsigned bit, int key_form)
{
    return NULL == first || 0 != (first[tok] & (key_form ? EVT_FIRST_KEY(bit) : bit));
}

/**
 * Match a trigger at token @p tok of @p doc (in its base form, then its
 * whole key; a future prefix س left on the body is read off).
 * @param first  NULL or the per-token bits above
 * @param ntok   receives the number of tokens of the match
 * @return the class, EVT_T_NONE when none matches
 */
enum evt_tclass
evt_match_trigger(const struct lex *triggers, const struct txt_doc *doc, size_t tok,
                  size_t tok_end, const uint8_t *first, unsigned *flags, size_t *ntok);

/**
 * Match a cue at token @p tok; like evt_match_trigger(). A conjunction و or
 * ف left on the first word by the segmenter is read off.
 */
enum evt_cue
evt_match_cue(const struct lex *cues, const struct txt_doc *doc, size_t tok, size_t tok_end,
              const uint8_t *first, size_t *ntok);

struct lq_lexicons;
struct ent_result;
struct lq_arena;

/**
 * Link unnamed title phrases to the person they refer back to: for every
 * token that starts a title phrase not followed by a name (الوزير الأمريكي),
 * the entity of the most recently mentioned person whose own stated title
 * contains all the phrase's words, else -1.
 * @param first  NULL or the per-token bits of evt_first_may()
 * @param out  receives ntokens entries, allocated in @p arena
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
evt_title_links(const struct lq_lexicons *lex, const struct txt_doc *doc,
                const struct ent_result *er, const uint8_t *first, struct lq_arena *arena,
                int32_t **out);

/* end of event_internal.h */
