/*
 * The event stage: find meeting triggers, read their parties, place, time
 * and status off the clause around them, and merge the mentions of one
 * real-world meeting into one event.
 *
 * Work is linear in the number of tokens: every window is capped
 * (EVT_WIN tokens each side of a trigger), a document keeps at most
 * EVT_MAX_CANDS candidates, and a candidate is compared for merging with the
 * last EVT_MERGE_BACK events only.
 */
#include "liqa/event.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_internal.h"
#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "liqa/timex.h"

#define EVT_WIN 40          /* tokens scanned each side of a trigger */
#define EVT_MAXP 16         /* parties kept per event */
#define EVT_MAX_CANDS 4096  /* candidates per document */
#define EVT_MAX_TIMEX 4096  /* time expressions per document */
#define EVT_MERGE_BACK 8    /* earlier events a candidate is compared with */
#define EVT_ANAPHOR_SENTS 4 /* how far back a bare "the meeting" looks */
#define EVT_ARRIVE_WIN 10   /* tokens after an arrival verb scanned for its place */
#define EVT_ARRIVE_BACK 3   /* sentences an arrival lends its place and time to */
#define EVT_SPEAKER_HEAD 5  /* tokens from a sentence's start to its verb of saying */
#define EVT_SEAT_SCAN 4096   /* mentions looked through for the town of a body's seat */
#define EVT_ORGAN_SCAN 1024  /* entities looked through for the body an organ belongs to */
#define EVT_ADDR_BACK 24     /* tokens before خلال زيارته searched for the ones spoken to */
#define EVT_GROUP_MAX 32     /* meetings with a plural of bodies whose speakers are read, a document */
#define EVT_SEAT_MAX 64      /* seats of bodies (بمقر غرفة X) looked up, a document */
#define EVT_GROUP_SENTS 5   /* sentences after a meeting with a plural of bodies whose speakers took part */

struct evt_ctx {
    const struct lq_lexicons *lex;
    const struct tmx_ctx *tmx;
    struct lex_firsts *firsts; /* first words of triggers, cues, titles (EVT_FIRST_*) */
};

const char *
evt_status_name(enum evt_status s)
{
    switch (s) {
    case EVT_OCCURRED: return "occurred";
    case EVT_PLANNED: return "planned";
    case EVT_UNCERTAIN: return "uncertain";
    case EVT_NEGATED: return "negated";
    case EVT_HABITUAL: return "habitual";
    }
    return "occurred";
}

const char *
evt_role_name(enum evt_role r)
{
    switch (r) {
    case EVT_PARTICIPANT: return "participant";
    case EVT_HOST: return "host";
    case EVT_VISITOR: return "visitor";
    case EVT_ATTENDEE: return "attendee";
    }
    return "participant";
}

int
evt_ctx_new(const struct lq_lexicons *lex, const struct tmx_ctx *tmx, struct evt_ctx **out)
{
    *out = NULL;
    if (NULL == lex)
        return LQ_ERR_INVALID;
    struct evt_ctx *c = calloc(1, sizeof(*c));
    if (NULL == c)
        return LQ_ERR_NOMEM;
    c->lex = lex;
    c->tmx = tmx;
    /* in the order of the bits EVT_FIRST_TRIGGER, _CUE, _TITLE */
    const struct lex *first[EVT_FIRST_NLEX] = { lex->triggers, lex->cues, lex->titles };
    c->firsts = lex_firsts_new(first, EVT_FIRST_NLEX);
    if (NULL == c->firsts) {
        free(c);
        return LQ_ERR_NOMEM;
    }
    *out = c;
    return LQ_OK;
}

void
evt_ctx_free(struct evt_ctx *ctx)
{
    if (NULL == ctx)
        return;
    lex_firsts_free(ctx->firsts);
    free(ctx);
}

/* ------------------------------------------------------------------------ */
/* per-document state */

struct cand {
    uint32_t tb, te;          /* trigger tokens [tb, te) */
    uint32_t sent;
    uint32_t last_sent;       /* the latest sentence merged into it */
    enum evt_tclass cls;
    unsigned flags;
    enum evt_status status;
    int32_t ent[EVT_MAXP];
    uint8_t role[EVT_MAXP];
    int np;
    int nright;               /* parties named after the trigger */
    int32_t subj;             /* entity of the subject, or -1 */
    int32_t loc;              /* entity, or -1 */
    int loc_rank;             /* 3 in the clause, 2 in the sentence, 1 dateline */
    int loc_dist;             /* tokens between the trigger and the place */
    int32_t tmx;              /* index into the document's expressions, or -1 */
    int tmx_near;             /* 1 when the time is in the trigger's clause */
    int future;               /* a future marker governs the trigger */
    int cue;                  /* a status cue decided the status */
    int tense_plan;           /* planned only by the imperfect tense (يعقد الوزيران) */
    int nmerged;              /* how many mentions were merged into it */
    int argdist;              /* tokens from the trigger to the farthest party */
    int dual;                 /* الرئيسان: the parties of the meeting before */
    int32_t dual_tok;         /* the token of the dual, or -1 */
    int dual_gen;             /* لقاء الرئيسين: the dual is the noun's complement */
    int demonst;              /* هذا اللقاء */
    int rel;                  /* in a relative clause about a person */
    int occasion;             /* على هامش اجتماعات ...: the occasion of another meeting */
    int partake;              /* وشارك في الاجتماع X، ومثّل الوزارة في اللقاء X: X took part */
    int headline;             /* in the headline */
    int hl_fixed;             /* a headline event whose status the body has set */
    int several;              /* a telling merged in says "meetings" (اجتماعات مع X و Y) */
    int addressed;            /* خلال زيارته after words said to someone: a meeting with them */
    int group_subj;           /* the subject is a group of unnamed people (ممثلون لـX) */
    int unnamed_obj;          /* an unnamed other party after the trigger (وزير خارجية Y، وفد) */
    int airport;              /* a welcome at the airport (على أرض المطار) */
    int construct;            /* a meeting noun with a named genitive (لقاء X و Y): definite */
    int alive;
};

struct dstate {
    const struct evt_ctx *ctx;
    const struct txt_doc *doc;
    const struct ent_result *ents;
    const struct tmx_date *dct;
    uint8_t *first;           /* per token: the lexicons it may start (evt_first_may()) */
    uint8_t *tcls;            /* trigger class at a trigger's first token */
    uint16_t *tflags;
    uint8_t *tlen;
    uint8_t *ccls;            /* cue class at a cue's first token */
    uint8_t *clen;
    int32_t *tmx_at;          /* expression starting at the token, or -1 */
    int32_t *desc_at;         /* descriptor starting at the token, or -1 */
    int32_t *cand_at;         /* candidate whose trigger starts at the token, or -1 */
    int32_t *sent_first_per;  /* entity of the first person of each sentence, or -1 */
    uint8_t *headline;        /* per sentence: a headline line */
    uint8_t *sent_sports;     /* per sentence: a sports word (مباراة، الدوري) */
    uint8_t *sent_newtopic;   /* per sentence: it opens with من جهة أخرى، في سياق آخر */
    uint8_t *coord_verb;      /* per token: coordinated_verb(), 0 not asked yet, 1 no, 2 yes */
    int32_t *desc_person;     /* per descriptor: the named person it stands for, -2 not yet known */
    int32_t *org_holder;      /* per entity: org_person(), -2 not yet known */
    struct tmx_expr *tx;
    size_t ntx;
    struct cand *cands;
    size_t ncands;
    int sports_doc;           /* the document is about sports */
    int32_t dateline;         /* entity of the dateline place, or -1 */
    int32_t main_person;      /* the most mentioned person, or -1 */
    int32_t doc_loc;          /* the place most often named as a venue, or -1 */
    int32_t lead_loc;         /* the first venue of the headline or the first sentence, or -1 */
    int doc_loc_n;            /* how often */
    int32_t *loc_n;           /* per entity: how often it is in a venue's slot (doc_loc's count) */
    int32_t lead_tmx;         /* the lead's day or week (اليوم، أمس، الأسبوع الماضي), or -1 */
    int32_t *title_link;      /* person an unnamed title phrase at the token refers to, or -1 */
    int32_t *arr_loc;         /* per sentence: the place an arrival verb names, or -1 */
    int32_t *arr_per;         /* per sentence: the person who arrives, or -1 */
    int32_t *arr_tmx;         /* per sentence: the time of the arrival, or -1 */
    uint8_t *arr_fut;         /* per sentence: the arrival is still to come (سيصل) */
    int seat_lookups;         /* place_in_org() calls so far (bounded) */
};

/* UTF-8 of a few letters compared with clitics */
#define BA "\xd8\xa8"
#define WAW "\xd9\x88"
#define LAM "\xd9\x84"


static int
tok_is(const struct txt_token *t, const char *key)
{
    /* inline, not strcmp(): most words differ from key at the first or the
     * second byte; and the key is not compared again when it is the base */
    return (t->base && txt_str_is(t->base, key)) ||
           (t->key && t->key != t->base && txt_str_is(t->key, key));
}

static int
has_clitic(const struct txt_token *t, const char *c)
{
    return t->clitics && NULL != strstr(t->clitics, c);
}

/* The mention that starts at token j, or -1. */
static int32_t
mention_start(const struct dstate *d, uint32_t j)
{
    if (NULL == d->ents->tok_mention || j >= d->doc->ntokens)
        return -1;
    int32_t m = d->ents->tok_mention[j];
    if (m < 0 || (size_t)m >= d->ents->nmentions)
        return -1;
    if (d->ents->mentions[m].tok_begin != j)
        return -1;
    return m;
}

static int
in_mention(const struct dstate *d, uint32_t j)
{
    return d->ents->tok_mention && d->ents->tok_mention[j] >= 0;
}

static enum ner_type
mention_type(const struct dstate *d, int32_t m)
{
    int32_t e = d->ents->mentions[m].entity;
    if (e >= 0 && (size_t)e < d->ents->nentities)
        return d->ents->entities[e].type;
    return d->ents->mentions[m].type;
}

static enum ner_type
entity_type(const struct dstate *d, int32_t e)
{
    return (e >= 0 && (size_t)e < d->ents->nentities) ? d->ents->entities[e].type : NER_NONE;
}

static int
is_verb_class(enum evt_tclass c)
{
    return c == EVT_T_MEET || c == EVT_T_RECEIVE || c == EVT_T_VISIT || c == EVT_T_DISCUSS;
}

static int
is_noun_class(enum evt_tclass c)
{
    return c == EVT_T_NOUN || c == EVT_T_NVISIT || c == EVT_T_NRECEIVE;
}

/* cue class at j (0 inside a mention: names are never cues); a
 * subordinator counts as a clause boundary (is_subord() tells them apart) */
static enum evt_cue
cue_at(const struct dstate *d, uint32_t j)
{
    if (d->ccls[j] == EVT_C_HARD)
        return EVT_C_HARD;
    if (in_mention(d, j))
        return EVT_C_NONE;
    if (d->ccls[j] == EVT_C_SUBORD)
        return EVT_C_BOUNDARY;
    return (enum evt_cue)d->ccls[j];
}

static int
is_subord(const struct dstate *d, uint32_t j)
{
    return d->ccls[j] == EVT_C_SUBORD && !in_mention(d, j);
}

/* Does a mention (of any type) end right before token j, maybe before a comma? */
static int
after_mention(const struct dstate *d, uint32_t lo, uint32_t j, enum ner_type type)
{
    for (int back = 1; back <= 2 && j >= lo + (uint32_t)back; back++) {
        uint32_t k = j - (uint32_t)back;
        if (in_mention(d, k)) {
            int32_t m = d->ents->tok_mention[k];
            return d->ents->mentions[m].tok_end == k + 1 &&
                   (type == NER_NONE || mention_type(d, m) == type);
        }
        if (d->doc->tokens[k].kind != TXT_PUNCT)
            return 0;
    }
    return 0;
}

/* Is the word a relational adjective (الرئاسي، الملكية)? */
static int
nisba(const char *w)
{
    size_t n = strlen(w);
    return (n >= 4 && 0 == strcmp(w + n - 2, "\xd9\x8a")) ||                 /* ي */
           (n >= 6 && 0 == strcmp(w + n - 4, "\xd9\x8a\xd8\xa9"));            /* ية */
}

/* How specific a place is: 0 a description (القصر الرئاسي), 1 country, 2 region, 3 city, 4 a known site,
 * 5 a name the gazetteer lacks (a palace, an airport, a building). */
static int
loc_spec(const struct dstate *d, int32_t e)
{
    if (e < 0 || (size_t)e >= d->ents->nentities || NULL == d->ctx->lex->places)
        return 0;
    const char *name = d->ents->entities[e].name;
    const char *kind = name ? lex_lookup(d->ctx->lex->places, name) : NULL;
    if (NULL == kind && name) {
        /* ولاية X، مدينة X: the kind of X; القصر الرئاسي: a description, no name */
        const char *sp = strchr(name, ' ');
        if (sp) {
            char head[64];
            size_t hl = (size_t)(sp - name);
            if (hl < sizeof(head) && d->ctx->lex->cues) {
                memcpy(head, name, hl);
                head[hl] = '\0';
                const char *hv = lex_lookup(d->ctx->lex->cues, head);
                if (hv && evt_parse_cue(hv) == EVT_C_PLACEHEAD) {
                    kind = lex_lookup(d->ctx->lex->places, sp + 1);
                    if (NULL == kind && NULL == strchr(sp + 1, ' ') && nisba(sp + 1))
                        return 0;
                    if (NULL == kind)
                        return 5;
                }
            }
        }
    }
    if (NULL == kind)
        return 5;
    if (0 == strcmp(kind, "country"))
        return 1;
    if (0 == strcmp(kind, "region"))
        return 2;
    if (0 == strcmp(kind, "city"))
        return 3;
    return 4;
}

/* ------------------------------------------------------------------------ */
/* parties */

static int
cand_has(const struct cand *c, int32_t e)
{
    for (int i = 0; i < c->np; i++)
        if (c->ent[i] == e)
            return 1;
    return 0;
}

static void
cand_add(struct cand *c, int32_t e, enum evt_role r)
{
    if (e < 0)
        return;
    for (int i = 0; i < c->np; i++) {
        if (c->ent[i] == e) {
            /* a party found again as a party is not a mere attendee */
            if (c->role[i] == EVT_ATTENDEE && r != EVT_ATTENDEE)
                c->role[i] = (uint8_t)r;
            return;
        }
    }
    if (c->np >= EVT_MAXP)
        return;
    c->ent[c->np] = e;
    c->role[c->np] = (uint8_t)r;
    c->np++;
}

static int
cand_nparties(const struct cand *c)
{
    int n = 0;
    for (int i = 0; i < c->np; i++)
        n += c->role[i] != EVT_ATTENDEE;
    return n;
}

/* The nearest person mentioned before token j in [lo, j), not @p not; -1. */
static int32_t
person_before(const struct dstate *d, uint32_t lo, uint32_t j, int32_t not)
{
    int steps = 0;
    while (j > lo && steps++ < 2 * EVT_WIN) {
        j--;
        int32_t m = mention_start(d, j);
        if (m >= 0 && mention_type(d, m) == NER_PER) {
            int32_t e = d->ents->mentions[m].entity;
            if (e >= 0 && e != not)
                return e;
        }
        /* an unnamed title that refers back to a person (المبعوث الأممي) */
        if (m < 0 && !in_mention(d, j) && d->title_link && d->title_link[j] >= 0 &&
            d->title_link[j] != not)
            return d->title_link[j];
    }
    return -1;
}

/* The subject of the latest candidate before @p ci in the last sentences. */
static int32_t
recent_subject(const struct dstate *d, size_t ci, uint32_t sent)
{
    for (size_t k = ci; k-- > 0 && k + 4 * EVT_MERGE_BACK >= ci;) {
        const struct cand *p = &d->cands[k];
        if (p->sent + 2 < sent)
            break;
        if (p->subj >= 0 && p->alive && !p->rel)
            return p->subj;
    }
    return -1;
}

/* معاليه، سموه، فخامته، سيادته، جلالته، دولته، سعادته: a title of address
 * with a pronoun of the third person, standing for the person named before */
static int
honorific_pronoun(const struct txt_token *t)
{
    static const char *const w[] = {
        "\xd9\x85\xd8\xb9\xd8\xa7\xd9\x84\xd9\x8a\xd9\x87",             /* معاليه */
        "\xd8\xb3\xd9\x85\xd9\x88\xd9\x87",                                 /* سموه */
        "\xd9\x81\xd8\xae\xd8\xa7\xd9\x85\xd8\xaa\xd9\x87",             /* فخامته */
        "\xd8\xb3\xd9\x8a\xd8\xa7\xd8\xaf\xd8\xaa\xd9\x87",             /* سيادته */
        "\xd8\xac\xd9\x84\xd8\xa7\xd9\x84\xd8\xaa\xd9\x87",             /* جلالته */
        "\xd8\xaf\xd9\x88\xd9\x84\xd8\xaa\xd9\x87",                       /* دولته */
        "\xd8\xb3\xd8\xb9\xd8\xa7\xd8\xaf\xd8\xaa\xd9\x87",             /* سعادته */
    };
    if (t->kind != TXT_WORD || NULL == t->key)
        return 0;
    for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
        if (txt_str_is(t->key, w[i]))
            return 1;
    return 0;
}

/* A verb form in the singular: not a dual or plural ending (يلتقيان،
 * التقيا، التقوا، يلتقون). */
static int
singular_verb(const struct txt_token *t)
{
    const char *k = t->key;
    size_t n = k ? strlen(k) : 0;
    static const char *const ends[] = { "\xd8\xa7\xd9\x86", "\xd9\x88\xd9\x86", /* ان ون */
                                        "\xd9\x8a\xd9\x86", "\xd9\x88\xd8\xa7", /* ين وا */
                                        "\xd8\xa7" };                                  /* ا */
    if (n < 4)
        return 0;
    for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
        size_t m = strlen(ends[i]);
        if (n > m && 0 == strcmp(k + n - m, ends[i]))
            return 0;
    }
    return 1;
}

/* A comma, Arabic or Latin. */
static int
is_comma_tok(const struct txt_token *t)
{
    return t->kind == TXT_PUNCT && t->surface &&
           (0 == strcmp(t->surface, "\xd8\x8c") || 0 == strcmp(t->surface, ","));
}

/*
 * بحث الرئيس X ووزير الخارجية Y الأوضاع: two persons joined by و right
 * after a verb of discussing are its subjects, discussing together, a
 * meeting as much as بحث X مع Y. True when the first name after the trigger
 * (past title words) is followed by و and, past more title words, a second
 * name, both parties of @p c.
 */
static int
joint_subjects(const struct dstate *d, const struct cand *c, uint32_t R)
{
    const struct txt_token *tk = d->doc->tokens;
    int32_t first = -1;
    uint32_t j = c->te;
    for (int part = 0; part < 2; part++) {
        uint32_t lim = j + 6 < R ? j + 6 : R;
        int32_t e = -1;
        for (uint32_t k = j; k < lim; k++) {
            int32_t m = mention_start(d, k);
            if (m >= 0) {
                if (mention_type(d, m) == NER_PER)
                    e = d->ents->mentions[m].entity;
                j = d->ents->mentions[m].tok_end;
                break;
            }
            /* (a comma of apposition: الرئيس الفلسطيني، X) */
            if (0 == part && is_comma_tok(&tk[k]))
                continue;
            /* title words only: no preposition, no other name, no mark
             * (ونظيره الإيطالي Y: the counterpart's word is a title) */
            if (tk[k].kind != TXT_WORD || in_mention(d, k) ||
                (cue_at(d, k) != EVT_C_NONE && cue_at(d, k) != EVT_C_COUNTERPART) ||
                (k > j && tk[k].clitics && *tk[k].clitics) ||
                (k == j && part == 0 && tk[k].clitics && *tk[k].clitics))
                return 0;
            if (k == j && part == 1 && !has_clitic(&tk[k], WAW) && 0 != strncmp(tk[k].key, WAW, 2))
                return 0;
        }
        if (e < 0 || !cand_has(c, e) || e == first)
            return 0;
        if (part == 1)
            return 1;
        first = e;
        /* X، اليوم الأربعاء، وY: commas and a time between the two */
        for (int steps = 0; j < R && steps < 8; steps++) {
            if (is_comma_tok(&tk[j]))
                j++;
            else if (d->tmx_at[j] >= 0 && d->tx[d->tmx_at[j]].tok_end > j)
                j = d->tx[d->tmx_at[j]].tok_end;
            else
                break;
        }
        /* the و on the next word: the second name or its title (a و the
         * segmenter left on a word it did not know: وخادم الحرمين، or on a
         * name, outside its mention) */
        int32_t m2 = j < R ? mention_start(d, j) : -1;
        if (j >= R || tk[j].kind != TXT_WORD || NULL == tk[j].key ||
            !(has_clitic(&tk[j], WAW) ||
              (m2 < 0 && !in_mention(d, j) && 0 == strncmp(tk[j].key, WAW, 2)) ||
              (m2 >= 0 && 0 == strncmp(tk[j].key, WAW, 2) &&
               d->ents->mentions[m2].start > tk[j].start)))
            return 0;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* one candidate */

/* Left bound of the trigger's clause for its arguments. */
static uint32_t
left_bound(const struct dstate *d, uint32_t sb, uint32_t tb, int *stop, uint32_t *stop_tok)
{
    uint32_t j = tb;
    int steps = 0;
    *stop = 0;
    while (j > sb && steps++ < EVT_WIN) {
        uint32_t k = j - 1;
        /* the last word of a longer cue (أن of بعد أن): the cue it ends */
        for (uint32_t b = 1; b <= 2 && k >= sb + b; b++) {
            enum evt_cue w = d->clen[k - b] > b ? cue_at(d, k - b) : EVT_C_NONE;
            if (w == EVT_C_BOUNDARY || w == EVT_C_COMP) {
                k -= b;
                break;
            }
        }
        enum evt_cue c = cue_at(d, k);
        if (c == EVT_C_BOUNDARY || c == EVT_C_COMP || c == EVT_C_HARD || c == EVT_C_RELATIVE) {
            *stop = (int)c;
            *stop_tok = k;
            uint32_t e = k + (d->clen[k] ? d->clen[k] : 1);
            return e > tb ? tb : e;
        }
        if (d->tcls[k] && is_verb_class((enum evt_tclass)d->tcls[k])) {
            *stop = -1;
            *stop_tok = k;
            return k + d->tlen[k];
        }
        if (d->tcls[k] == EVT_T_LIGHT && has_clitic(&d->doc->tokens[k], WAW)) {
            *stop = 0; /* وعقد ...: a new clause starts at its light verb */
            return k;
        }
        j = k;
    }
    return j;
}

/* Right bound of the trigger's clause for its arguments. */
static uint32_t
right_bound(const struct dstate *d, const struct cand *c, uint32_t se)
{
    uint32_t j = c->te;
    int steps = 0;
    while (j < se && steps++ < EVT_WIN) {
        enum evt_cue q = cue_at(d, j);
        /* مع كل من: X، وY: a colon that opens the list goes on */
        if (q == EVT_C_HARD && j > c->te && d->doc->tokens[j].surface &&
            0 == strcmp(d->doc->tokens[j].surface, ":") &&
            (tok_is(&d->doc->tokens[j - 1], "\xd9\x85\xd9\x86") || cue_at(d, j - 1) == EVT_C_WITH)) {
            j++;
            continue;
        }
        if (q == EVT_C_BOUNDARY || q == EVT_C_COMP || q == EVT_C_PURPOSE || q == EVT_C_HARD)
            return j;
        /* a relative clause about a person named just before */
        if (q == EVT_C_RELATIVE && after_mention(d, c->te, j, NER_NONE))
            return j;
        if (d->tcls[j] && is_verb_class((enum evt_tclass)d->tcls[j]))
            return j;
        /* a new light verb starts a new clause (وعقد), unless it is the
         * noun's own verb right after it (لقاء ثلاثي سيعقد) */
        if (d->tcls[j] == EVT_T_LIGHT &&
            (has_clitic(&d->doc->tokens[j], WAW) || !is_noun_class(c->cls) || j > c->te + 3))
            return j;
        j++;
    }
    /* مع كل من X، وY رئيس ...، وZ ...: a list of names with their titles
     * goes on past the window, as long as it is one (names, commas, titles,
     * words with ال or a proclitic), up to three windows */
    const struct lex *titles = d->ctx->lex->titles;
    while (j < se && j < c->te + 3 * EVT_WIN && j > c->te && titles) {
        const struct txt_token *t = &d->doc->tokens[j];
        enum evt_cue q = cue_at(d, j);
        if (q != EVT_C_NONE && q != EVT_C_WITH && q != EVT_C_COUNTERPART)
            return j;
        if (d->tcls[j])
            return j;
        /* (a word right before a name: the name's first word left out) */
        if (in_mention(d, j) || is_comma_tok(t) || (t->kind == TXT_WORD && (t->flags & TXT_F_AL)) ||
            (t->kind == TXT_WORD && t->clitics && *t->clitics) || (j + 1 < se && in_mention(d, j + 1))) {
            j++;
            continue;
        }
        size_t tl = t->kind == TXT_WORD ? lex_longest(titles, d->doc, j, se, LEX_BASE, NULL) : 0;
        if (0 == tl)
            return j;
        j += (uint32_t)tl;
    }
    return j;
}

/* قناة، صحيفة، إذاعة ...: the head of a media outlet's name */
static int
media_name(const struct txt_token *t)
{
    static const char *const heads[] = {
        "\xd9\x82\xd9\x86\xd8\xa7\xd9\x87",                         /* قناه */
        "\xd8\xb5\xd8\xad\xd9\x8a\xd9\x81\xd9\x87",               /* صحيفه */
        "\xd8\xac\xd8\xb1\xd9\x8a\xd8\xaf\xd9\x87",               /* جريده */
        "\xd8\xa7\xd8\xb0\xd8\xa7\xd8\xb9\xd9\x87",               /* اذاعه */
        "\xd9\x85\xd8\xac\xd9\x84\xd9\x87",                         /* مجله */
        "\xd8\xaa\xd9\x84\xd9\x81\xd8\xb2\xd9\x8a\xd9\x88\xd9\x86", /* تلفزيون */
        "\xd8\xb4\xd8\xa8\xd9\x83\xd9\x87",                         /* شبكه */
    };
    const char *k = t->key;
    if (NULL == k)
        return 0;
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
        if (0 == strcmp(k, heads[i]))
            return 1;
    return 0;
}

/* Is the trigger a homonym here (a call, a match, an interview)? */
static int
not_a_meeting(const struct dstate *d, const struct cand *c, uint32_t sb, uint32_t se)
{
    uint32_t lo = c->tb >= sb + 3 ? c->tb - 3 : sb;
    uint32_t hi = c->te + 20 < se ? c->te + 20 : se;
    for (uint32_t j = lo; j < hi; j++) {
        enum evt_cue q = cue_at(d, j);
        if (q == EVT_C_HARD && j >= c->te)
            break;
        /* أجرى محادثات مع X ... عبر الاتصال المرئي: the means may close the
         * clause, past the parties' names and titles (farther than six words
         * only after عبر or with ب: not a call told beside the meeting) */
        /* (... or after في / خلال: بحث X مع Y، في اتصال هاتفي) */
        if (q == EVT_C_PHONE && (j < c->tb || j >= c->te) &&
            (j < c->te + 6 || has_clitic(&d->doc->tokens[j], BA) ||
             (j > sb && (tok_is(&d->doc->tokens[j - 1], "\xd8\xb9\xd8\xa8\xd8\xb1") || /* عبر */
                         tok_is(&d->doc->tokens[j - 1], "\xd9\x81\xd9\x8a") ||         /* في */
                         tok_is(&d->doc->tokens[j - 1], "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84"))))) /* خلال */
            return 1;
        if (j >= c->te + 6)
            continue;
        if (q == EVT_C_MEDIA && j >= c->te && j < c->te + 3 && is_noun_class(c->cls))
            return 1;
    }
    /* في لقاء مع قناة X، في حوار مع صحيفة X: an interview */
    if (is_noun_class(c->cls)) {
        for (uint32_t j = c->te; j + 1 < se && j < c->te + 3; j++) {
            if (cue_at(d, j) != EVT_C_WITH)
                continue;
            int32_t m = mention_start(d, j + 1);
            if (m >= 0 && mention_type(d, m) == NER_ORG && media_name(&d->doc->tokens[j + 1]))
                return 1;
            break;
        }
    }
    if (c->flags & EVT_TF_AMB) {
        if (d->sports_doc)
            return 1;
        if (d->sent_sports[c->sent])
            return 1;
    }
    /* يلتقي فريق X نظيره Y في مباريات الدوري: in a sentence about a match, a
     * verb of meeting with no person named after it is a fixture */
    if (is_verb_class(c->cls) && (d->sent_sports[c->sent] || d->sports_doc)) {
        for (uint32_t j = c->te; j < se && j < c->te + EVT_WIN; j++) {
            int32_t m = mention_start(d, j);
            if (m >= 0 && mention_type(d, m) == NER_PER)
                return 0;
        }
        return 1;
    }
    return 0;
}

/* Is a person at mention start j marked as an object (بـ، مع، نظيره)? */
static int
marked_object(const struct dstate *d, uint32_t from, uint32_t j)
{
    for (uint32_t k = from; k <= j; k++) {
        const struct txt_token *t = &d->doc->tokens[k];
        if (cue_at(d, k) == EVT_C_WITH || cue_at(d, k) == EVT_C_COUNTERPART)
            return 1;
        if (has_clitic(t, BA))
            return 1;
    }
    return 0;
}

/* Is there a coordinating و in tokens [from, j]? */
static int
coordinated(const struct dstate *d, uint32_t from, uint32_t j)
{
    for (uint32_t k = from; k <= j; k++) {
        const struct txt_token *t = &d->doc->tokens[k];
        if (has_clitic(t, WAW) || tok_is(t, WAW))
            return 1;
    }
    return 0;
}

/* Does a title word (and at most one word of its complement) stand right
 * before token k? */
static int
title_before_tok(const struct dstate *d, uint32_t k, uint32_t lo)
{
    const struct lq_lexicons *lx = d->ctx->lex;
    for (uint32_t b = 1; b <= 4 && k >= lo + b && lx->titles; b++) {
        size_t tl = lex_longest(lx->titles, d->doc, k - b, k, LEX_BASE, NULL);
        if (tl > 0 && k - b + tl + 1 >= k)
            return 1;
    }
    return 0;
}

/* Does a title word stand right before the organization at mention m? */
static int
title_before(const struct dstate *d, int32_t m, uint32_t lo)
{
    return title_before_tok(d, d->ents->mentions[m].tok_begin, lo);
}

/* Is the organization at mention m the complement of a title whose person
 * is named right after (قائد القيادة المركزية الفريق X، الأمين العام لمجلس Y د. Z)? */
static int
title_complement(const struct dstate *d, int32_t m, uint32_t lo, uint32_t hi)
{
    const struct ent_mention *mn = &d->ents->mentions[m];
    const struct lq_lexicons *lx = d->ctx->lex;
    int titled = 0;
    if (mn->tok_begin > lo) {
        uint32_t k = mn->tok_begin;
        /* up to two words back: a title (رئيس، الأمين العام) */
        for (uint32_t b = 1; b <= 4 && k >= lo + b && !titled; b++) {
            uint32_t t = k - b;
            size_t tl = lx->titles ? lex_longest(lx->titles, d->doc, t, k, LEX_BASE, NULL) : 0;
            /* رئيس الأركان X، رئيس أركان حرب X: the title, maybe one word more */
            if (tl > 0 && t + tl + 1 >= k)
                titled = 1;
        }
    }
    if (!titled && !has_clitic(&d->doc->tokens[mn->tok_begin], LAM))
        return 0;
    if (titled) {
        /* X رئيس المنظمة: a title in apposition after the person */
        for (uint32_t k = mn->tok_begin; k > lo && k + 6 > mn->tok_begin; k--) {
            if (in_mention(d, k - 1)) {
                int32_t m2 = d->ents->tok_mention[k - 1];
                if (mention_type(d, m2) == NER_PER)
                    return 1;
                break;
            }
            if (cue_at(d, k - 1) == EVT_C_HARD)
                break;
        }
    }
    for (uint32_t k = mn->tok_end; k < hi && k < mn->tok_end + 6; k++) {
        int32_t m2 = mention_start(d, k);
        if (m2 >= 0 && mention_type(d, m2) == NER_PER)
            return 1;
        if (cue_at(d, k) == EVT_C_HARD || (m2 >= 0 && mention_type(d, m2) == NER_ORG))
            return 0;
    }
    return 0;
}

/* Strip a leading ال (and a preposition ل/ب before it) off a folded word. */
static const char *
bare_word(const char *w)
{
    size_t n = strlen(w);
    if (n > 6 && 0 == memcmp(w, "\xd9\x84\xd9\x84", 4)) /* لل */
        return w + 4;
    if (n > 8 && (0 == memcmp(w, LAM, 2) || 0 == memcmp(w, BA, 2)) &&
        0 == memcmp(w + 2, "\xd8\xa7\xd9\x84", 4)) {
        w += 2;
        n -= 2;
    }
    if (n > 6 && 0 == memcmp(w, "\xd8\xa7\xd9\x84", 4)) /* ال */
        return w + 4;
    return w;
}

/* The one named person whose stated title the descriptor [b, e) repeats
 * (رئيس مجلس النواب ... for a person titled so elsewhere), or -1. */
static int32_t
descriptor_person(const struct dstate *d, uint32_t b, uint32_t e)
{
    const char *words[8];
    size_t nw = 0;
    for (uint32_t k = b; k < e && nw < 8; k++) {
        const struct txt_token *t = &d->doc->tokens[k];
        if (t->kind == TXT_WORD && t->base)
            words[nw++] = bare_word(t->base);
    }
    if (0 == nw)
        return -1;
    int32_t found = -1;
    size_t limit = d->ents->nentities < 512 ? d->ents->nentities : 512;
    for (size_t i = 0; i < limit; i++) {
        const struct ent_entity *en = &d->ents->entities[i];
        if (en->type != NER_PER || NULL == en->title)
            continue;
        char buf[512];
        size_t n = txt_fold(en->title, strlen(en->title), buf, sizeof(buf));
        if (n >= sizeof(buf))
            continue;
        const char *tw[24];
        size_t ntw = 0;
        for (char *p = buf; *p && ntw < 24;) {
            char *q = strchr(p, ' ');
            if (q)
                *q = '\0';
            tw[ntw++] = bare_word(p);
            if (!q)
                break;
            p = q + 1;
        }
        size_t hit = 0;
        for (size_t a = 0; a < nw; a++)
            for (size_t k = 0; k < ntw; k++)
                if (0 == strcmp(words[a], tw[k])) {
                    hit++;
                    break;
                }
        if (hit == nw) {
            if (found >= 0 && found != (int32_t)i)
                return -1; /* two people hold it: no guess */
            found = (int32_t)i;
        }
    }
    return found;
}

/* The one person the article names with a title of organization @p org
 * (رئيس مجلس النواب X elsewhere), to stand for an unnamed holder; or -1. */
static int32_t
org_person(const struct dstate *d, int32_t org, const struct txt_token *head)
{
    if (org < 0 || (size_t)org >= d->ents->nentities)
        return -1;
    const struct ent_entity *en = &d->ents->entities[org];
    int32_t found = -1;
    for (size_t i = 0; i < en->nmentions && i < 64; i++) {
        int32_t m = (int32_t)en->mentions[i];
        if (m < 0 || (size_t)m >= d->ents->nmentions)
            continue;
        const struct ent_mention *mn = &d->ents->mentions[m];
        uint32_t sb = d->doc->sents[mn->sentence].tok_begin, se = d->doc->sents[mn->sentence].tok_end;
        if (!title_complement(d, m, sb, se))
            continue;
        /* a country has many offices: أمير الكويت X holds no رئيس وزراء
         * الكويت; the title before the place must open with the same word */
        if (head && head->stem) {
            int same = 0;
            for (uint32_t k = mn->tok_begin; k > sb && k + 4 > mn->tok_begin && !same; k--) {
                const struct txt_token *t = &d->doc->tokens[k - 1];
                same = t->stem && 0 == strcmp(t->stem, head->stem);
            }
            if (!same)
                continue;
        }
        int32_t e = -1;
        for (uint32_t k = mn->tok_end; k < se && k < mn->tok_end + 6 && e < 0; k++) {
            int32_t m2 = mention_start(d, k);
            if (m2 >= 0 && mention_type(d, m2) == NER_PER)
                e = d->ents->mentions[m2].entity;
        }
        if (e < 0)
            continue;
        if (found >= 0 && found != e)
            return -1; /* two holders: no guess */
        found = e;
    }
    return found;
}

/* Does a person of the clause [L, R) belong to organization @p org? */
static int
affiliation_named(const struct dstate *d, int32_t org, uint32_t L, uint32_t R)
{
    for (uint32_t k = L; k < R; k++) {
        int32_t m = mention_start(d, k);
        if (m >= 0 && mention_type(d, m) == NER_PER) {
            int32_t e = d->ents->mentions[m].entity;
            if (e >= 0 && d->ents->entities[e].affiliation == org)
                return 1;
        }
    }
    return 0;
}

/* Is there a comma in tokens [from, j)? */
static int
has_comma(const struct dstate *d, uint32_t from, uint32_t j)
{
    for (uint32_t k = from; k < j; k++)
        if (is_comma_tok(&d->doc->tokens[k]))
            return 1;
    return 0;
}

/* Does an unnamed title at token j stand in a slot of its own (after a verb,
 * a preposition, a comma, a conjunction), not as the complement of another
 * title (مساعدة وزير الخارجية، مستشار الرئيس)? */
static int
only_aux(const struct txt_doc *doc, uint32_t b, uint32_t e);

static int
abbreviation(const struct txt_token *prev, const struct txt_token *dot);

static int
link_slot(const struct dstate *d, uint32_t j)
{
    const struct txt_token *t = &d->doc->tokens[j];
    if (t->clitics && *t->clitics)
        return 1; /* بالوزير، والرئيس */
    if (j == 0)
        return 1;
    uint32_t k = j - 1;
    /* سمو ولي العهد: past the honorifics before the title */
    const struct lex *hon = d->ctx->lex->honorifics;
    while (k > 0 && hon && d->doc->tokens[k].kind == TXT_WORD && d->doc->tokens[k].base &&
           lex_get(hon, d->doc->tokens[k].base) && j - k < 4)
        k--;
    const struct txt_token *p = &d->doc->tokens[k];
    if (p->kind != TXT_WORD || d->tcls[k] || d->ccls[k] || d->tmx_at[k] >= 0)
        return 1;
    /* وكان ولي العهد قد استقبل: the subject after an auxiliary */
    if (only_aux(d->doc, k, k + 1))
        return 1;
    if (in_mention(d, k))
        return 1;
    /* the verb of a relative clause (الذي خصصه الرئيس): its subject */
    if (k > 0 && cue_at(d, k - 1) == EVT_C_RELATIVE && !(p->flags & TXT_F_AL))
        return 1;
    /* the end of a time expression (أمس الأول الوزير) */
    for (uint32_t b = k; b > 0 && b + 4 > k; b--)
        if (d->tmx_at[b - 1] >= 0 && d->tx[d->tmx_at[b - 1]].tok_end == j)
            return 1;
    /* واستقبل رئيس المجلس السفير الفرنسي: right after another title phrase
     * that refers back to a person (the subject; this one is the object) */
    for (uint32_t b = k + 1; b > 0 && b + 6 > k + 1; b--) {
        const struct txt_token *w = &d->doc->tokens[b - 1];
        if (w->kind != TXT_WORD || in_mention(d, b - 1))
            break;
        if (d->title_link[b - 1] >= 0)
            return b - 1 > 0 && link_slot(d, b - 1);
    }
    return 0;
}

/*
 * Is the person whose mention starts at j the genitive of an unnamed title
 * (مدير ديوان الرئيس X، مستشار الملك X)? Then the one met is the unnamed
 * office holder, not X. The word right before X is a one-word title with
 * ال, and the word before that an indefinite noun: the construct's head.
 */
static int
genitive_person(const struct dstate *d, uint32_t lo, uint32_t j)
{
    const struct txt_doc *doc = d->doc;
    const struct lq_lexicons *lx = d->ctx->lex;
    if (NULL == lx->titles)
        return 0;
    /* Y المعاون السياسي للأمين العام لحزب الله X: in the office of a person
     * named before, a person after a title with ل (and at most three words
     * of its complement) that follows the title and its adjective is the
     * one whose office is served (not after a verb: خصصه الوزير للسفير X;
     * nor with no one before: النائب الأول لرئيس المجلس X is the deputy) */
    for (uint32_t b = 1; b <= 5 && j >= lo + b; b++) {
        const struct txt_token *u = &doc->tokens[j - b];
        int32_t um = d->ents->tok_mention[j - b];
        if (u->kind != TXT_WORD || (um >= 0 && d->ents->mentions[um].type == NER_PER))
            break;
        if (!has_clitic(u, LAM) || um >= 0)
            continue;
        size_t tl = lex_longest(lx->titles, doc, j - b, j, LEX_BASE, NULL);
        uint32_t k0 = j - b;
        if (tl > 0 && k0 + tl + 3 >= j && k0 >= lo + 3 && (doc->tokens[k0 - 1].flags & TXT_F_AL) &&
            !has_clitic(&doc->tokens[k0 - 1], LAM) && !in_mention(d, k0 - 1) &&
            !lex_longest(lx->titles, doc, k0 - 1, k0, LEX_BASE, NULL) &&
            lex_longest(lx->titles, doc, k0 - 2, k0 - 1, LEX_BASE, NULL) && after_mention(d, lo, k0 - 2, NER_PER))
            return 1;
    }
    /* (not past a nationality: in مبعوث الرئيس الأمريكي X the adjective
     * closes the genitive, and X is the envoy) */
    uint32_t k = j;
    if (k < lo + 2)
        return 0;
    const struct txt_token *t = &doc->tokens[k - 1], *h = &doc->tokens[k - 2];
    if (t->kind != TXT_WORD || !(t->flags & TXT_F_AL) || (t->clitics && *t->clitics) ||
        lex_longest(lx->titles, doc, k - 1, k, LEX_BASE, NULL) != 1)
        return 0;
    if (h->kind != TXT_WORD || (h->flags & TXT_F_AL) || (h->clitics && *h->clitics) ||
        in_mention(d, k - 2) || d->tcls[k - 2] || cue_at(d, k - 2) != EVT_C_NONE ||
        d->tmx_at[k - 2] >= 0)
        return 0;
    /* the head is an office or a body (مستشار، مبعوث، ديوان), not an adverb
     * or a particle (خصوصا، كلا من) */
    if (lex_longest(lx->titles, doc, k - 2, k - 1, LEX_BASE, NULL) != 1 &&
        !(lx->org_heads && lex_longest(lx->org_heads, doc, k - 2, k - 1, LEX_BASE, NULL) == 1))
        return 0;
    /* رئيس الوزراء X is one title: the head must not start a longer title
     * that runs up to X */
    return lex_longest(lx->titles, doc, k - 2, k, LEX_BASE, NULL) != 2;
}

/* Is the person at j the subject of a relative clause after the trigger
 * (... الذي أصدره [title words] j), whose verb is no trigger? */
static int
relative_subject(const struct dstate *d, const struct cand *c, uint32_t j)
{
    /* (the relative pronoun not right after the meeting noun and its
     * adjective: اللقاء الشهير الذي جمع X) */
    for (uint32_t k = j - 1; k > c->te + 2 && k + 6 > j; k--) {
        if (cue_at(d, k) == EVT_C_HARD || d->doc->tokens[k].kind == TXT_PUNCT)
            return 0;
        if (cue_at(d, k - 1) != EVT_C_RELATIVE)
            continue;
        /* k: the relative clause's verb, a word of its own; not after a
         * group (الوفد الذي يرأسه Z: Z heads those met) */
        const struct txt_token *v = &d->doc->tokens[k];
        if (k >= 2 && cue_at(d, k - 2) == EVT_C_GROUP)
            return 0;
        static const char *const heads[] = { "\xd9\x8a\xd8\xb1\xd8\xa7\xd8\xb3",         /* يراس */
                                             "\xd8\xaa\xd8\xb1\xd8\xa7\xd8\xb3",         /* تراس */
                                             "\xd9\x8a\xd8\xaa\xd8\xb1\xd8\xa7\xd8\xb3", /* يتراس */
                                             "\xd9\x8a\xd9\x82\xd9\x88\xd8\xaf",         /* يقود */
                                             "\xd8\xb6\xd9\x85",                             /* ضم */
                                             "\xd9\x8a\xd8\xb6\xd9\x85",                   /* يضم */
                                             "\xd8\xaa\xd8\xb6\xd9\x85",                   /* تضم */
                                             "\xd8\xac\xd9\x85\xd8\xb9",                   /* جمع */
                                             "\xd9\x8a\xd8\xac\xd9\x85\xd8\xb9",         /* يجمع */
                                             "\xd8\xaa\xd8\xac\xd9\x85\xd8\xb9" };       /* تجمع */
        for (size_t h = 0; v->base && h < sizeof(heads) / sizeof(heads[0]); h++)
            if (0 == strncmp(v->base, heads[h], strlen(heads[h])))
                return 0;
        return v->kind == TXT_WORD && !d->tcls[k] && !in_mention(d, k) && !(v->flags & TXT_F_AL) &&
               cue_at(d, k) == EVT_C_NONE;
    }
    return 0;
}

/* Read the parties of the clause [L, R) around the trigger. */
static int
light_governed(const struct dstate *d, const struct cand *c, uint32_t L);

static void
read_parties(struct dstate *d, struct cand *c, uint32_t L, uint32_t R, int *with_seen)
{
    const struct txt_doc *doc = d->doc;
    const struct ent_result *er = d->ents;
    int attend = 0;            /* an attend cue governs what follows */
    uint32_t att_end = 0;      /* the end of the last attendee's name */
    int nonpart = 0;           /* tokens left in a nonpart cue's reach */
    int recipient = 0;         /* tokens left in which a person with ل received what nonpart sent */
    uint32_t prev_end = c->te; /* end of the previous party right of the trigger */
    uint32_t org_end = 0;      /* end of the last organization taken */
    int subj_done = 0, right_taken = 0, closed = 0, with_mark = 0;
    /* a bare "the meeting" takes only the names right next to it */
    int near_only = (c->flags & EVT_TF_DEF) && !(c->flags & EVT_TF_POSS) && !c->partake;
    /* ... but اللقاء الذي جمع X و Y، الاجتماع بين X و Y name their parties */
    int between_after = 0;
    int verb_left = 0;
    /* (a verb of cancelling counts: ألغى X لقاء مع Y is X's meeting) */
    uint32_t verb_at = UINT32_MAX; /* the verb before a meeting noun (وعقد X، بحضور Y، جلسة) */
    for (uint32_t k = L; k < c->tb; k++)
        if (d->tcls[k] == EVT_T_LIGHT || (d->tcls[k] && is_verb_class(d->tcls[k])) ||
            cue_at(d, k) == EVT_C_NEGATED) {
            verb_left = 1;
            if (d->tcls[k])
                verb_at = k;
        }
    for (uint32_t k = c->te; k < R && k < c->te + 6; k++) {
        enum evt_cue q = cue_at(d, k);
        /* اجتماع X مع Y، لقاء بين X و Y: with no verb before the noun, the
         * parties follow it */
        if ((q == EVT_C_WITH || q == EVT_C_BETWEEN) && is_noun_class(c->cls) && !verb_left)
            between_after = 1;
        /* كشف X عن تأجيل اللقاء بين Y و Z، نفى X عقد لقاء بين Y و Z: past a
         * verb that is no trigger, بين right after the noun names them all */
        if (q == EVT_C_BETWEEN && is_noun_class(c->cls) && k <= c->te + 1 &&
            (verb_at == UINT32_MAX || (d->tcls[verb_at] == EVT_T_LIGHT && !light_governed(d, c, L))))
            between_after = 1; /* (نفى X عقد لقاء: عقد, a verbal noun, is no verb) */
        if (k >= c->te + 3)
            continue;
        if ((q == EVT_C_RELATIVE && k <= c->te + 1) ||
            q == EVT_C_BETWEEN || q == EVT_C_WITH)
            near_only = 0;
    }
    /* القمة ... بمشاركة X و Y: the names after the verbal noun of taking
     * part are the parties */
    for (uint32_t k = c->te; k < R && k < c->te + 12; k++) {
        if (cue_at(d, k) == EVT_C_HARD)
            break;
        if (cue_at(d, k) == EVT_C_PARTAKE && is_noun_class(c->cls))
            near_only = 0;
    }
    *with_seen = 0;
    for (uint32_t j = L; j < R; j++) {
        if (j >= c->tb && j < c->te)
            continue;
        enum evt_cue q = cue_at(d, j);
        if (q == EVT_C_ATTEND && (j >= c->te || j + 3 >= c->tb || (is_noun_class(c->cls) && verb_at < j)))
            attend = 1;
        if (q == EVT_C_NONPART)
            nonpart = 12;
        if (q == EVT_C_WITH && j >= c->te)
            *with_seen = 1;
        if ((q == EVT_C_WITH || q == EVT_C_COUNTERPART ||
             (q == EVT_C_PARTAKE && is_noun_class(c->cls))) && j >= c->te) {
            with_mark = 1; /* the next name is an object */
            if (!right_taken) {
                right_taken = 1; /* an object follows, named or not (مع نظيره المصري) */
                prev_end = j + 1;
            }
        }
        if (q == EVT_C_DUAL) {
            if (!c->dual)
                c->dual_tok = (int32_t)j;
            c->dual = 1;
            if (j >= c->te && j < c->te + 2 && is_noun_class(c->cls))
                c->dual_gen = 1;
        }
        /* a descriptor (an unnamed title) makes its organization a party */
        if (d->desc_at[j] >= 0 && !closed) {
            const struct ent_descriptor *ds = &er->descriptors[d->desc_at[j]];
            /* X، رئيس المنظمة: the title of the person named just before */
            int named = ds->tok_begin > 0 && after_mention(d, 0, ds->tok_begin, NER_PER);
            for (uint32_t k = ds->tok_end; k < doc->ntokens && k < ds->tok_end + 5 && !named; k++) {
                int32_t nm = mention_start(d, k);
                named = nm >= 0 && mention_type(d, nm) == NER_PER;
                if (cue_at(d, k) == EVT_C_HARD)
                    break;
                /* الرئيس المصري للعاهل الأردني X: a person after a
                 * preposition on a word outside a name is someone else */
                if (!named && !in_mention(d, k) &&
                    (has_clitic(&doc->tokens[k], LAM) || has_clitic(&doc->tokens[k], BA) ||
                     cue_at(d, k) == EVT_C_WITH))
                    break;
            }
            int32_t who = -1;
            if (!named) {
                int32_t di = d->desc_at[j];
                if (d->desc_person[di] == -2) {
                    int32_t w = descriptor_person(d, ds->tok_begin, ds->tok_end);
                    if (w < 0 && ds->affiliation >= 0 && (size_t)ds->affiliation < er->nentities) {
                        if (er->entities[ds->affiliation].type == NER_LOC)
                            w = org_person(d, ds->affiliation, &doc->tokens[ds->tok_begin]);
                        else {
                            if (d->org_holder[ds->affiliation] == -2)
                                d->org_holder[ds->affiliation] = org_person(d, ds->affiliation, NULL);
                            w = d->org_holder[ds->affiliation];
                        }
                    }
                    d->desc_person[di] = w;
                }
                who = d->desc_person[di];
            }
            if (who >= 0 && !attend && !nonpart) {
                cand_add(c, who, EVT_PARTICIPANT);
                if (c->subj < 0 && !subj_done && (j < c->tb || !marked_object(d, prev_end, j)))
                    c->subj = who;
                subj_done = subj_done || j >= c->te;
                if (j >= c->te && who != c->subj)
                    c->nright++, right_taken = 1;
            } else if (!named && d->title_link[j] < 0 && ds->affiliation >= 0 &&
                       (size_t)ds->affiliation < er->nentities &&
                !affiliation_named(d, ds->affiliation, L, R) &&
                er->entities[ds->affiliation].type == NER_ORG && !attend && !nonpart)
                cand_add(c, ds->affiliation, EVT_PARTICIPANT);
        }
        int32_t m = mention_start(d, j);
        if (nonpart > 0)
            nonpart--;
        if (recipient > 0)
            recipient--;
        /* an unnamed title phrase that refers back to a named person */
        struct ent_mention linked;
        int use_link = m < 0 && d->title_link[j] >= 0 && !in_mention(d, j) &&
                       !cand_has(c, d->title_link[j]) && link_slot(d, j);
        if (use_link) {
            memset(&linked, 0, sizeof(linked));
            linked.tok_begin = j;
            linked.tok_end = j + 1;
            linked.entity = d->title_link[j];
            linked.type = NER_PER;
        }
        if (m < 0 && !use_link)
            continue;
        const struct ent_mention *mn = m >= 0 ? &er->mentions[m] : &linked;
        int32_t e = mn->entity;
        enum ner_type ty = m >= 0 ? mention_type(d, m) : NER_PER;
        uint32_t dist = j < c->tb ? c->tb - j : j - c->te;
        if (e < 0)
            continue;
        if (ty == NER_PER) {
            if (m >= 0 && genitive_person(d, L, j))
                goto next;
            /* بحث X مع Y العفو الذي أصدره الرئيس Z: the subject of a
             * relative clause on the topic is no party (اللقاء الذي جمع X و Y
             * describes the meeting: its verb is a trigger) */
            if (m >= 0 && j > c->te + 2 && relative_subject(d, c, j))
                goto next;
            /* ممثلون لـX، وفد من أنصار X: a person's unnamed people meet,
             * not the person */
            if (m >= 0 && j > L && (cue_at(d, j - 1) == EVT_C_GROUP ||
                                    (j > L + 1 && cue_at(d, j - 2) == EVT_C_GROUP &&
                                     (has_clitic(&doc->tokens[j], LAM) ||
                                      tok_is(&doc->tokens[j - 1], "\xd8\xb9\xd9\x86") ||      /* عن */
                                      tok_is(&doc->tokens[j - 1], "\xd9\x85\xd9\x86"))))) {   /* من */
                if (j < c->tb)
                    c->group_subj = 1; /* the verb's subject is that unnamed group */
                goto next;
            }
            /* رسالة أرسلها X، لـ(الملك) Y: the one the letter is for */
            if (recipient > 0 && m >= 0 &&
                (has_clitic(&doc->tokens[j], LAM) || (j > L && has_clitic(&doc->tokens[j - 1], LAM)))) {
                recipient = 0;
                goto next;
            }
            if (nonpart > 0) {
                nonpart = 0;
                recipient = 6;
                if (j >= c->te)
                    prev_end = mn->tok_end;
                goto next;
            }
            /* بمرافقة X، الرئيس Y: a comma with no و after it closes the
             * list of those who only attend */
            if (attend && att_end && has_comma(d, att_end, j) && !coordinated(d, att_end, j))
                attend = 0;
            if (attend) {
                cand_add(c, e, EVT_ATTENDEE);
                att_end = mn->tok_end;
                goto next;
            }
            if (j >= c->te) {
                /* after the first object, a name far away and not coordinated
                 * belongs to another phrase (the topic, a quote) */
                if (right_taken && j > prev_end + 8 && !coordinated(d, prev_end, j) &&
                    has_comma(d, prev_end, j))
                    closed = 1;
                if (closed)
                    goto next;
            }
            /* (... and the names coordinated with the one taken: القمة X و Y) */
            if (near_only && dist > 4 && !marked_object(d, j > 3 ? j - 3 : 0, j) &&
                !(prev_end > c->te && j >= c->te && coordinated(d, prev_end, j) &&
                  !has_comma(d, prev_end, j)))
                goto next;
            if (j < c->tb && between_after)
                goto next; /* لقاء بين X و Y: the parties follow */
            cand_add(c, e, EVT_PARTICIPANT);
            if (!subj_done && c->subj < 0 && !(c->flags & EVT_TF_P1)) {
                if (j < c->tb) {
                    c->subj = e;
                    subj_done = 1;
                } else if (!with_mark && !marked_object(d, prev_end, j)) {
                    c->subj = e;
                    subj_done = 1;
                } else {
                    subj_done = 1; /* the first party after is an object */
                }
            }
            if (j >= c->te) {
                prev_end = mn->tok_end;
                with_mark = 0;
                if (e != c->subj) {
                    c->nright++;
                    right_taken = 1; /* an object: what follows far away is closed */
                }
            }
            if ((int)dist > c->argdist)
                c->argdist = (int)dist;
        } else if (ty == NER_ORG) {
            int slot = 0, strong = 0;
            if (j == c->te)
                slot = 1;
            /* أعمال الدورة العاشرة لمجلس الوزراء العرب، القمة الخامسة للمنظمة: past
             * a number or an ordinal, the body whose session it is */
            if (j > c->te && j <= c->te + 3) {
                int ord = 1;
                const struct lex *tw = d->ctx->lex->time_words;
                for (uint32_t k = c->te; k < j && ord; k++) {
                    const struct txt_token *u = &doc->tokens[k];
                    const char *v = tw && u->base ? lex_get(tw, u->base) : NULL;
                    ord = u->kind == TXT_NUMBER || (u->key && 0 == strcmp(u->key, "ال")) ||
                          (v && 0 == strncmp(v, "ord:", 4));
                }
                slot = ord;
            }
            /* وكانت المنظمة قد عقدت اجتماعا، عقدت الوزارة اجتماعا: an
             * organization as the subject of the light verb of a meeting noun,
             * with no person in the clause before the noun */
            if (j < c->tb && is_noun_class(c->cls) && !title_before(d, m, L)) {
                /* the light verb right before it (عقدت الوزارة), or right
                 * after it, maybe past قد (الوزارة قد عقدت) */
                uint32_t after = mn->tok_end;
                if (after < c->tb && tok_is(&doc->tokens[after], "\xd9\x82\xd8\xaf")) /* قد */
                    after++;
                int light = (j > L && d->tcls[j - 1] == EVT_T_LIGHT) ||
                            (after < c->tb && d->tcls[after] == EVT_T_LIGHT);
                int person = 0;
                for (uint32_t k = L; k < c->tb && !person; k++) {
                    int32_t mk = mention_start(d, k);
                    person = mk >= 0 && mention_type(d, mk) == NER_PER;
                }
                if (light && !person)
                    slot = 1;
            }
            /* مجلس الإدارة اجتمع ...: an organization as the subject before its verb */
            if (j < c->tb && is_verb_class(c->cls) && mn->tok_end + 1 >= c->tb &&
                (mn->tok_end == c->tb || doc->tokens[mn->tok_end].kind != TXT_PUNCT))
                slot = 1; /* not a dateline's agency: عمّان (بترا) - بحث */
            if (j > L) {
                enum evt_cue p = cue_at(d, j - 1);
                if (p == EVT_C_WITH || p == EVT_C_BETWEEN)
                    slot = 1;
                /* مع كل من: X، مع كلا من X */
                uint32_t k = j;
                while (k > L && k + 4 > j &&
                       (tok_is(&doc->tokens[k - 1], "\xd9\x85\xd9\x86") ||       /* من */
                        tok_is(&doc->tokens[k - 1], "\xd9\x83\xd9\x84") ||       /* كل */
                        tok_is(&doc->tokens[k - 1], "\xd9\x83\xd9\x84\xd8\xa7") || /* كلا */
                        (doc->tokens[k - 1].kind == TXT_PUNCT && doc->tokens[k - 1].surface &&
                         0 == strcmp(doc->tokens[k - 1].surface, ":"))))
                    k--;
                if (k < j && k > L && cue_at(d, k - 1) == EVT_C_WITH)
                    slot = 1;
            }
            for (uint32_t k = j > L + 4 ? j - 4 : L; k < j; k++) {
                enum evt_cue p = cue_at(d, k);
                if (p == EVT_C_GROUP || p == EVT_C_COUNTERPART)
                    slot = strong = 1;
            }
            if ((dist > 8 && !strong) || dist > 20)
                slot = strong = 0;
            /* (... also after a comma: X، وY) */
            if ((org_end == j || (org_end + 1 == j && is_comma_tok(&doc->tokens[org_end]))) &&
                has_clitic(&doc->tokens[j], WAW))
                slot = strong = 1;
            if (slot && !strong) {
                /* an organization right before a person is that person's title */
                for (uint32_t k = mn->tok_end; k < mn->tok_end + 3 && k < R; k++) {
                    int32_t m2 = mention_start(d, k);
                    if (m2 >= 0 && mention_type(d, m2) == NER_PER)
                        slot = 0;
                }
            }
            if (slot && title_complement(d, m, L, R))
                slot = strong = 0;
            /* لجنة الطاقة بمجلس النواب: the second names the first's parent */
            if (slot && org_end == j &&
                (has_clitic(&doc->tokens[j], BA) || has_clitic(&doc->tokens[j], LAM)))
                slot = strong = 0;
            /* قائد القيادة المركزية (unnamed here) named elsewhere: that person */
            if (slot && !strong && title_before(d, m, L)) {
                if (d->org_holder[e] == -2)
                    d->org_holder[e] = org_person(d, e, NULL);
                if (d->org_holder[e] >= 0 && !attend && !nonpart && !closed) {
                    cand_add(c, d->org_holder[e], EVT_PARTICIPANT);
                    slot = 0;
                }
            }
            if (slot && !attend && !nonpart && (!closed || strong)) {
                cand_add(c, e, EVT_PARTICIPANT);
                org_end = mn->tok_end;
                if (j >= c->te) {
                    c->nright++;
                    right_taken = 1;
                }
            }
            if (j >= c->te && slot)
                prev_end = mn->tok_end;
        }
    next:
        /* skip the rest of the mention */
        if (mn->tok_end > j + 1)
            j = mn->tok_end - 1;
    }
    if (c->dual_gen) {
        /* لقاء الرئيسين: the parties are the two of the meeting before */
        int k = 0;
        for (int i = 0; i < c->np; i++)
            if (c->role[i] == EVT_ATTENDEE)
                c->ent[k] = c->ent[i], c->role[k] = c->role[i], k++;
        c->np = k;
        c->nright = 0;
        c->subj = -1;
    }
}

/* An organization that is the affiliation of a named party is no party itself. */
/* في قمة مجموعة العشرين، خلال اجتماع مجلس X: is organization e, in the
 * sentence of c, only the body whose session a meeting noun names, while
 * two persons or more are parties of c? (A body takes part only when no
 * one else is named.) */
static int
session_body(const struct dstate *d, const struct cand *c, int32_t e)
{
    int persons = 0;
    for (int j = 0; j < c->np; j++)
        if (c->role[j] != EVT_ATTENDEE && d->ents->entities[c->ent[j]].type == NER_PER)
            persons++;
    if (persons < 2)
        return 0;
    const struct ent_result *er = d->ents;
    const struct ent_entity *en = &er->entities[e];
    const struct txt_sentence *st = &d->doc->sents[c->sent];
    int seen = 0;
    for (size_t i = 0; i < en->nmentions; i++) {
        if ((size_t)en->mentions[i] >= er->nmentions)
            continue;
        const struct ent_mention *mn = &er->mentions[en->mentions[i]];
        if (mn->tok_begin < st->tok_begin || mn->tok_begin >= st->tok_end)
            continue;
        uint32_t k = mn->tok_begin;
        if (k == 0 || !d->tcls[k - 1] || !is_noun_class((enum evt_tclass)d->tcls[k - 1]))
            return 0;
        seen = 1;
    }
    return seen;
}

static void
drop_affiliations(const struct dstate *d, struct cand *c)
{
    const struct ent_result *er = d->ents;
    int k = 0;
    for (int i = 0; i < c->np; i++) {
        int32_t e = c->ent[i];
        int drop = 0;
        if (er->entities[e].type == NER_ORG) {
            for (int j = 0; j < c->np; j++) {
                int32_t p = c->ent[j];
                if (p != e && er->entities[p].type == NER_PER && er->entities[p].affiliation == e)
                    drop = 1;
            }
        }
        if (!drop && er->entities[e].type == NER_ORG && c->role[i] != EVT_ATTENDEE && session_body(d, c, e))
            drop = 1;
        if (!drop) {
            c->ent[k] = c->ent[i];
            c->role[k] = c->role[i];
            k++;
        }
    }
    c->np = k;
}

/* Is there a topic noun of cues.txt (listed with في) before the في at @p k,
 * past one or two relational adjectives (الجالية التركية في، الأوضاع الأمنية في)? */
static int
topic_before(const struct dstate *d, uint32_t sb, uint32_t k)
{
    const struct txt_doc *doc = d->doc;
    if (NULL == d->ctx->lex->cues)
        return 0;
    uint32_t j = k;
    for (int adj = 0; adj < 2 && j > sb + 1; adj++) {
        const struct txt_token *a = &doc->tokens[j - 1];
        if (a->kind != TXT_WORD || !(a->flags & TXT_F_AL) || NULL == a->surface ||
            !nisba(a->surface) || in_mention(d, j - 1))
            return 0;
        j--;
        const struct txt_token *n = &doc->tokens[j - 1];
        if (n->kind != TXT_WORD || NULL == n->base || in_mention(d, j - 1))
            return 0;
        char key[128];
        int w = snprintf(key, sizeof(key), "%s \xd9\x81\xd9\x8a", n->base); /* X في */
        if (w > 0 && (size_t)w < sizeof(key)) {
            const char *v = lex_lookup(d->ctx->lex->cues, key);
            if (v && evt_parse_cue(v) == EVT_C_TOPIC)
                return 1;
        }
    }
    return 0;
}

/* بمقر، بمدينة with the ب left on: a place head after the preposition */
static int
unsplit_ba_head(const struct dstate *d, const struct txt_token *u)
{
    if (NULL == u->base || 0 != strncmp(u->base, "\xd8\xa8", 2) || NULL == d->ctx->lex->cues) /* ب */
        return 0;
    const char *v = lex_get(d->ctx->lex->cues, u->base + 2);
    return v && evt_parse_cue(v) == EVT_C_PLACEHEAD;
}

/* دولة، مملكة، جمهورية، سلطنة، إمارة (folded), with or without a ب the
 * segmenter left on: the head of a state's name */
static int
state_head_word(const struct txt_token *u)
{
    static const char *const w[] = { "\xd8\xaf\xd9\x88\xd9\x84\xd9\x87",             /* دوله */
                                     "\xd9\x85\xd9\x85\xd9\x84\xd9\x83\xd9\x87",     /* مملكه */
                                     "\xd8\xac\xd9\x85\xd9\x87\xd9\x88\xd8\xb1\xd9\x8a\xd9\x87", /* جمهوريه */
                                     "\xd8\xb3\xd9\x84\xd8\xb7\xd9\x86\xd9\x87",     /* سلطنه */
                                     "\xd8\xa7\xd9\x85\xd8\xa7\xd8\xb1\xd9\x87" };   /* اماره */
    if (NULL == u->base)
        return 0;
    const char *b = 0 == strncmp(u->base, "\xd8\xa8", 2) ? u->base + 2 : u->base; /* ب */
    for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
        if (0 == strcmp(b, w[i]) || 0 == strcmp(u->base, w[i]))
            return 1;
    return 0;
}

/* وزير الداخلية بدولة قطر: is the place at mention start j the state of a
 * title's office (بدولة, and before it a title with at most one word of its
 * complement)? */
static int
office_state(const struct dstate *d, uint32_t sb, uint32_t j)
{
    for (uint32_t hk = j; hk + 1 >= j && hk > sb; hk--) {
        const struct txt_token *h = &d->doc->tokens[hk];
        if (h->base && (has_clitic(h, BA) || 0 == strncmp(h->base, BA, 2)) && state_head_word(h) &&
            title_before_tok(d, hk, sb))
            return 1;
    }
    return 0;
}

static int
locative_slot(const struct dstate *d, const struct cand *c, uint32_t sb, uint32_t j);

/* Is the place at mention start j in a locative slot (في X، بـX، في مدينة
 * X), and no office's state? */
static int
locative(const struct dstate *d, const struct cand *c, uint32_t sb, uint32_t j)
{
    return locative_slot(d, c, sb, j) && !office_state(d, sb, j);
}

/* سفير، قنصل، ممثل، مندوب، مبعوث، ملحق، مراسل: an office held in a place
 * (its post), which a place after its complement names; other offices'
 * holders are met there (رئيس المجلس في عين التينة) */
static int
posted_title(const struct txt_token *t)
{
    static const char *const w[] = {
        "\xd8\xb3\xd9\x81\xd9\x8a\xd8\xb1", /* سفير */
        "\xd8\xb3\xd9\x81\xd9\x8a\xd8\xb1\xd9\x87", /* سفيره */
        "\xd9\x82\xd9\x86\xd8\xb5\xd9\x84", /* قنصل */
        "\xd9\x85\xd9\x85\xd8\xab\xd9\x84", /* ممثل */
        "\xd9\x85\xd9\x86\xd8\xaf\xd9\x88\xd8\xa8", /* مندوب */
        "\xd9\x85\xd8\xa8\xd8\xb9\xd9\x88\xd8\xab", /* مبعوث */
        "\xd9\x85\xd9\x84\xd8\xad\xd9\x82", /* ملحق */
        "\xd9\x85\xd8\xb1\xd8\xa7\xd8\xb3\xd9\x84", /* مراسل */
    };
    const char *b = t->stem ? t->stem : t->base;
    if (NULL == b)
        return 0;
    for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
        if (txt_str_is(b, w[i]))
            return 1;
    return 0;
}

/*
 * سفير باراغواي بالقاهرة، الممثل المقيم للصندوق بالقاهرة، القنصل التركي
 * في الموصل: is the place at mention start j the post of a title whose
 * complement (a word or more) stands right before it? Walks back over
 * names and definite words to the title word (an office held in a place);
 * no person, trigger or other word between.
 */
static int
title_post(const struct dstate *d, uint32_t sb, uint32_t j)
{
    const struct txt_doc *doc = d->doc;
    const struct lex *titles = d->ctx->lex->titles;
    if (NULL == titles || j <= sb + 1)
        return 0;
    uint32_t k = j; /* (the token before the place, past في) */
    if (!has_clitic(&doc->tokens[j], BA) && tok_is(&doc->tokens[j - 1], "\xd9\x81\xd9\x8a"))
        k--;
    int passed = 0;
    for (int steps = 0; k > sb && steps < 6; steps++) {
        k--;
        const struct txt_token *u = &doc->tokens[k];
        if (u->kind != TXT_WORD || d->tcls[k])
            return 0;
        int32_t m = d->ents->tok_mention[k];
        if (m >= 0) {
            if (d->ents->mentions[m].type == NER_PER)
                return 0;
            k = d->ents->mentions[m].tok_begin;
            passed = 1;
            continue;
        }
        if (lex_longest(titles, doc, k, j, LEX_BASE, NULL) > 0)
            return passed && posted_title(u);
        if (!(u->flags & TXT_F_AL) && !has_clitic(u, LAM))
            return 0;
        passed = 1;
    }
    return 0;
}

static int
locative_slot(const struct dstate *d, const struct cand *c, uint32_t sb, uint32_t j)
{
    const struct txt_doc *doc = d->doc;
    const struct txt_token *t = &doc->tokens[j];
    int visit = c->cls == EVT_T_VISIT || c->cls == EVT_T_NVISIT;
    if (j > sb && tok_is(&doc->tokens[j - 1], "\xd9\x84\xd8\xaf\xd9\x8a")) /* لدى */
        return 0;
    if (title_post(d, sb, j))
        return 0;
    /* وقف إطلاق النار بغزة: a topic noun of cues.txt (listed with في) before
     * a place with ب; the place qualifies the noun */
    if (has_clitic(t, BA) && j > sb && doc->tokens[j - 1].kind == TXT_WORD && doc->tokens[j - 1].base &&
        d->ctx->lex->cues) {
        char key[128];
        int n = snprintf(key, sizeof(key), "%s \xd9\x81\xd9\x8a", doc->tokens[j - 1].base); /* X في */
        const char *v = n > 0 && (size_t)n < sizeof(key) ? lex_get(d->ctx->lex->cues, key) : NULL;
        if (v && evt_parse_cue(v) == EVT_C_TOPIC)
            return 0;
    }
    if (has_clitic(t, BA))
        return 1;
    /* بزرالدة: the mention leaves out a ب the segmenter did not cut */
    {
        int32_t mi = d->ents->tok_mention[j];
        if (mi >= 0 && d->ents->mentions[mi].start > t->body_start && t->key &&
            0 == strncmp(t->key, BA, 2))
            return 1;
    }
    if (visit && (j == c->te || has_clitic(t, LAM)))
        return 1;
    /* زار الوزير X طهران: verb, visitor, then the place visited */
    if (visit && j > c->te) {
        int32_t pm = d->ents->tok_mention[j - 1];
        if (pm >= 0 && d->ents->mentions[pm].type == NER_PER &&
            d->ents->mentions[pm].tok_begin >= c->te)
            return 1;
    }
    /* المنسق الإقليمي في اليمن عامر ...: a place inside a title (not right
     * after the trigger: كان في استقباله في مطار X Y) */
    if (!(j == c->te + 1 && tok_is(&doc->tokens[c->te], "\xd9\x81\xd9\x8a"))) {
        const struct ent_mention *mn = &d->ents->mentions[d->ents->tok_mention[j]];
        uint32_t k = mn->tok_end;
        int32_t m2 = k < doc->ntokens ? mention_start(d, k) : -1;
        if (m2 >= 0 && mention_type(d, m2) == NER_PER)
            return 0;
    }
    /* في or إلى, then at most three place-head words (مدينة، العاصمة الفرنسية) */
    int heads = 0;
    for (uint32_t k = j; k > sb && j - k < 4;) {
        k--;
        const struct txt_token *u = &doc->tokens[k];
        if (u->kind == TXT_PUNCT && (u->flags & TXT_F_QUOTE_OPEN) == 0 && k + 1 == j &&
            (doc->tokens[j].flags & TXT_F_QUOTE_OPEN))
            continue; /* في "دافوس" */
        /* الأوضاع في X، الجالية في مدينة X: the place qualifies a topic */
        if (tok_is(u, "\xd9\x81\xd9\x8a") && k > sb && cue_at(d, k - 1) == EVT_C_TOPIC)
            return 0;
        /* الجالية التركية في X: the topic noun, then adjectives, then في */
        if (tok_is(u, "\xd9\x81\xd9\x8a") && topic_before(d, sb, k))
            return 0;
        if (tok_is(u, "\xd9\x81\xd9\x8a") /* في */ ||
            tok_is(u, "\xd9\x88\xd9\x81\xd9\x8a") /* وفي, left whole */ ||
            tok_is(u, "\xd9\x81\xd9\x81\xd9\x8a") /* ففي */ ||
            tok_is(u, "\xd8\xaf\xd8\xa7\xd8\xae\xd9\x84") /* داخل */ ||
            tok_is(u, "\xd8\xae\xd8\xa7\xd8\xb1\xd8\xac") /* خارج */)
            return 1;
        if (tok_is(u, "\xd8\xa7\xd9\x84\xd9\x8a") && (visit || j < c->tb)) /* الى */
            return 1;
        if (cue_at(d, k) == EVT_C_PLACEHEAD) {
            heads++;
            if (has_clitic(u, BA) || unsplit_ba_head(d, u))
                return 1;
            continue;
        }
        /* an adjective after a head (العاصمة الفرنسية) */
        if (heads > 0 || (k + 1 < j && cue_at(d, k + 1) != EVT_C_PLACEHEAD))
            return 0;
        if (k > sb && cue_at(d, k - 1) == EVT_C_PLACEHEAD && (u->flags & TXT_F_AL))
            continue;
        return 0;
    }
    return 0;
}

/*
 * Is token j inside a relative clause about a person (Y الذي زار X): a
 * relative pronoun right after a person's name, between @p lo and j, with
 * no clause-final mark between? (اللقاء الذي جمع X و Y بـZ describes the
 * meeting itself: its place counts.)
 */
static int
person_relative(const struct dstate *d, uint32_t lo, uint32_t j)
{
    for (uint32_t k = j; k > lo && k + 2 * EVT_WIN > j; k--) {
        enum evt_cue q = cue_at(d, k - 1);
        if (q == EVT_C_HARD)
            return 0;
        if (q != EVT_C_RELATIVE || k - 1 <= lo)
            continue;
        int32_t m = d->ents->tok_mention[k - 2];
        if (m >= 0 && mention_type(d, m) == NER_PER)
            return 1;
    }
    return 0;
}

/* وذلك لـ + verbal noun (وذلك لتقديم دعوة): the purpose of what was told */
static int
purpose_intro(const struct dstate *d, uint32_t j)
{
    const struct txt_token *t = &d->doc->tokens[j];
    if (j + 1 >= d->doc->ntokens || t->kind != TXT_WORD || NULL == t->base)
        return 0;
    /* وذلك, split or left whole (asked at most tokens of a clause: inline) */
    if (!(txt_str_is(t->base, "\xd8\xb0\xd9\x84\xd9\x83") && has_clitic(t, WAW)) &&
        !txt_str_is(t->base, "\xd9\x88\xd8\xb0\xd9\x84\xd9\x83"))
        return 0;
    return has_clitic(&d->doc->tokens[j + 1], LAM);
}

/* مقر، بمقر: the seat of a body */
static int
seat_word(const struct txt_token *t)
{
    static const char maqarr[] = "\xd9\x85\xd9\x82\xd8\xb1"; /* مقر */
    return t->kind == TXT_WORD && t->base &&
           (0 == strcmp(t->base, maqarr) ||
            (0 == strncmp(t->base, "\xd8\xa8", 2) && 0 == strcmp(t->base + 2, maqarr))); /* بمقر */
}

/* The place whose name ends the name of the organization mentioned at @p mn
 * (غرفة حفر الباطن: حفر الباطن, mentioned as a place elsewhere), or -1. */
static int32_t
place_in_org(const struct dstate *d, const struct ent_mention *mn)
{
    const struct txt_token *tk = d->doc->tokens;
    const struct ent_result *er = d->ents;
    size_t cap = er->nmentions < EVT_SEAT_SCAN ? er->nmentions : EVT_SEAT_SCAN;
    for (uint32_t t = mn->tok_begin + 1; t < mn->tok_end; t++) {
        uint32_t n = mn->tok_end - t;
        for (size_t q = 0; q < cap; q++) {
            const struct ent_mention *p = &er->mentions[q];
            if (p->type != NER_LOC || p->entity < 0 || p->tok_end - p->tok_begin < n)
                continue;
            /* the place's own mention, or its tail (محافظة حفر الباطن) */
            uint32_t off = p->tok_end - n, k = 0;
            while (k < n && 0 == strcmp(tk[off + k].key, tk[t + k].key))
                k++;
            if (k == n && (off == p->tok_begin || (off == p->tok_begin + 1 &&
                                                   d->ccls[p->tok_begin] == EVT_C_PLACEHEAD)))
                return p->entity;
        }
    }
    return -1;
}

/* ويترأس، وتشارك: و + an imperfect verb (a prefix ي or ت, four letters or
 * more, not a name, not a word of nonname.txt's nouns) */
static int
coordinated_verb(const struct dstate *d, uint32_t j)
{
    const struct txt_token *t = &d->doc->tokens[j];
    if (t->kind != TXT_WORD || NULL == t->base || in_mention(d, j) || d->tmx_at[j] >= 0 ||
        t->flags & TXT_F_AL)
        return 0;
    /* the و split off, or left on a word the segmenter did not know */
    const char *b = t->base;
    if (!has_clitic(t, WAW)) {
        if (0 != strncmp(b, WAW, 2))
            return 0;
        b += 2;
    }
    if (0 != strncmp(b, "\xd9\x8a", 2) && 0 != strncmp(b, "\xd8\xaa", 2)) /* ي ت */
        return 0;
    size_t letters = 0;
    for (const unsigned char *p = (const unsigned char *)b; *p; p++)
        letters += (*p & 0xC0) != 0x80;
    if (letters < 4)
        return 0;
    const struct lex *nn = d->ctx->lex->nonname;
    const char *v = nn ? lex_get(nn, b) : NULL;
    return NULL == v || !v[0] ? 1 : 0 != strcmp(v, "noun");
}

/* ...، ويترأس قداسا باستاد X، ثم يشارك في الجلسة: before the trigger's
 * clause, a place after a new verb joined by و that is no trigger belongs
 * to that verb. Is there such a verb between the place at @p j and the
 * start of its clause (a boundary, or @p sb)? */
static int
other_verb_before(struct dstate *d, uint32_t sb, uint32_t j)
{
    for (uint32_t k = j, steps = 0; k > sb && steps < 2 * EVT_WIN; k--, steps++) {
        enum evt_cue q = cue_at(d, k - 1);
        if (q == EVT_C_BOUNDARY || q == EVT_C_HARD)
            return 0;
        if (d->tcls[k - 1] != EVT_T_NONE && d->tcls[k - 1] != EVT_T_LIGHT)
            continue;
        /* (asked for each place before its clause: kept per token, 2 yes, 1 no) */
        uint8_t *v = &d->coord_verb[k - 1];
        if (0 == *v)
            *v = coordinated_verb(d, k - 1) ? 2 : 1;
        if (2 == *v)
            return 1;
    }
    return 0;
}

/* Where: the first place in a locative slot of the clause. */
static void
read_location(struct dstate *d, struct cand *c, uint32_t L, uint32_t R, uint32_t sb, uint32_t se)
{
    int32_t best = -1;
    int best_rank = 0, best_dist = 0, best_before = 0;
    /* the clause and a window around it, not a whole run-on sentence */
    if (L > sb + 2 * EVT_WIN)
        sb = L - 2 * EVT_WIN;
    if (R + 2 * EVT_WIN < se)
        se = R + 2 * EVT_WIN;
    int rel_after = 0; /* a relative clause after the trigger's clause describes something else */
    for (uint32_t j = sb; j < se; j++) {
        if (cue_at(d, j) == EVT_C_HARD && j >= R)
            break;
        /* ...، ويترأس قداسا باستاد X: past the clause, a new verb joined by و
         * tells of something else */
        if (j > c->te && coordinated_verb(d, j))
            break;
        if (j >= R && cue_at(d, j) == EVT_C_RELATIVE)
            rel_after = 1;
        /* لبحث الأوضاع في X، وذلك لتقديم ...: the topic's places are no venue */
        if (j > c->te && (cue_at(d, j) == EVT_C_PURPOSE || purpose_intro(d, j)))
            break;
        int32_t m = mention_start(d, j);
        if (m < 0)
            continue;
        const struct ent_mention *mn = &d->ents->mentions[m];
        /* رفض X لقاء Y الذي زار Z: a place in a relative clause after the
         * trigger describes a party */
        int rel_inside = j > c->te && person_relative(d, c->te, j);
        /* بمقر غرفة X، في مقر بلدية X: the seat of a body named after its
         * town is in that town */
        int32_t seat = -1;
        if (mention_type(d, m) == NER_ORG && j > sb && seat_word(&d->doc->tokens[j - 1]) &&
            d->seat_lookups < EVT_SEAT_MAX) {
            d->seat_lookups++;
            seat = place_in_org(d, mn);
        }
        if (((mention_type(d, m) == NER_LOC && mn->entity >= 0) || seat >= 0) && !rel_after &&
            !rel_inside && !(j < L && other_verb_before(d, sb, j)) && locative(d, c, sb, j)) {
            if (seat >= 0)
                mn = NULL;
            int rank = (j >= L && j < R) ? 3 : 2;
            int dist = j < c->tb ? (int)(c->tb - j) : (int)(j - c->te);
            /* in the clause: the first after the trigger, else the nearest before */
            int generic = best >= 0 && loc_spec(d, best) == 0;
            /* وصل X إلى القاهرة، وكان في استقباله بمطار القاهرة Y: a site
             * right after the trigger is more specific than the town before */
            int site_after = rank == 3 && best_rank == 3 && best_before && j >= c->te && j <= c->te + 1 &&
                             seat < 0 && loc_spec(d, mn->entity) >= 4 && loc_spec(d, best) > 0 &&
                             loc_spec(d, best) < 4;
            if (rank > best_rank || (rank == best_rank && generic) || site_after ||
                (rank == best_rank && rank == 3 && j < c->tb) ||
                (rank == best_rank && rank == 2 && dist < best_dist)) {
                best = seat >= 0 ? seat : mn->entity;
                best_rank = rank;
                best_dist = dist;
                best_before = j < c->tb;
            }
            if (best_rank == 3 && j >= c->te && loc_spec(d, best) > 0)
                break;
            mn = &d->ents->mentions[m];
        }
        j = mn->tok_end > j + 1 ? mn->tok_end - 1 : j;
    }
    if (best >= 0) {
        c->loc = best;
        c->loc_rank = best_rank;
        c->loc_dist = best_dist;
    }
}

/* Is the expression later than the publication date? */
static int
time_future(const struct dstate *d, const struct tmx_expr *e)
{
    if (e->anchor == TMX_RELATIVE)
        return e->offset > 0;
    if (e->anchor == TMX_WEEKDAY)
        return e->offset > 0; /* الأحد المقبل */
    if (NULL == d->dct)
        return 0;
    char v[24], now[24];
    if (!tmx_resolve(e, d->dct, 0, v, sizeof(v)) || strchr(v, 'W'))
        return 0;
    snprintf(now, sizeof(now), "%04d-%02d-%02d", d->dct->year, d->dct->month, d->dct->day);
    size_t n = strlen(v);
    return strncmp(v, now, n < 10 ? n : 10) > 0;
}

/* Does the word's base begin with @p prefix (UTF-8)? */
static int
base_starts(const struct txt_token *t, const char *prefix)
{
    return t->kind == TXT_WORD && t->base && 0 == strncmp(t->base, prefix, strlen(prefix));
}

/*
 * وهو ما نفاه X، الأمر الذي نفته Y، وهو ما لم يؤكده Z: after the trigger
 * (@p from), up to a few words past the clause's end @p R, a relative pronoun on وهو / وهي / الأمر / وهذا and
 * a verb of denial (or لم + a verb of confirming). Returns EVT_NEGATED,
 * EVT_UNCERTAIN, or EVT_OCCURRED when there is none.
 */
static enum evt_status
afterword_status(const struct dstate *d, uint32_t from, uint32_t R, uint32_t se)
{
    const struct txt_token *tk = d->doc->tokens;
    static const char *const heads[] = { "\xd9\x87\xd9\x88", "\xd9\x87\xd9\x8a", /* هو هي */
                                         "\xd9\x88\xd9\x87\xd9\x88", "\xd9\x88\xd9\x87\xd9\x8a", /* وهو وهي, left whole */
                                         "\xd9\x88\xd9\x87\xd8\xb0\xd8\xa7", /* وهذا */
                                         "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x85\xd8\xb1", /* الامر */
                                         "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd8\xb1", /* الأمر */
                                         "\xd9\x87\xd8\xb0\xd8\xa7" /* هذا */ };
    for (uint32_t j = from; j + 2 < se && j < R + 10; j++) {
        /* the relative pronoun first: a test of its bytes, no call */
        const struct txt_token *rel = &tk[j + 1], *v = &tk[j + 2];
        const char *rb = rel->kind == TXT_WORD ? rel->base : NULL;
        if (NULL == rb || !(txt_str_is(rb, "\xd9\x85\xd8\xa7") ||               /* ما */
                            txt_str_is(rb, "\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a"))) /* الذي */
            continue;
        int head = 0;
        for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]) && !head; h++)
            head = tok_is(&tk[j], heads[h]);
        if (!head)
            continue;
        if (base_starts(v, "\xd9\x86\xd9\x81") || base_starts(v, "\xd9\x8a\xd9\x86\xd9\x81") ||
            base_starts(v, "\xd8\xaa\xd9\x86\xd9\x81")) /* نف ينف تنف */
            return EVT_NEGATED;
        if (tok_is(v, "\xd9\x84\xd9\x85") && j + 3 < se &&
            (base_starts(&tk[j + 3], "\xd9\x8a\xd8\xa4\xd9\x83\xd8\xaf") || /* يؤكد */
             base_starts(&tk[j + 3], "\xd8\xaa\xd8\xa4\xd9\x83\xd8\xaf") || /* تؤكد */
             base_starts(&tk[j + 3], "\xd9\x8a\xd9\x88\xd9\x83\xd8\xaf") || /* يوكد, folded */
             base_starts(&tk[j + 3], "\xd8\xaa\xd9\x88\xd9\x83\xd8\xaf"))) /* توكد */
            return EVT_UNCERTAIN;
    }
    return EVT_OCCURRED;
}

/* يتم، تتم (1), سيتم، ستتم (2), or 0 */
static int
tamm_verb(const struct txt_token *t)
{
    static const char yatimm[] = "\xd9\x8a\xd8\xaa\xd9\x85", tatimm[] = "\xd8\xaa\xd8\xaa\xd9\x85"; /* يتم تتم */
    const char *b = t->base;
    if (t->kind != TXT_WORD || NULL == b)
        return 0;
    int fut = 0 == strncmp(b, "\xd8\xb3", 2); /* س left on the verb */
    if (fut)
        b += 2;
    if (!txt_str_is(b, yatimm) && !txt_str_is(b, tatimm))
        return 0;
    return fut || has_clitic(t, "\xd8\xb3") ? 2 : 1;
}

/* Status of the trigger from the cues of its clause. */
static void
read_status(struct dstate *d, struct cand *c, uint32_t sb, uint32_t R, uint32_t L)
{
    int neg = 0, unc = 0, hab = 0, plan = 0, present = 0;
    /* the status clause reaches past a complementizer (من المقرر أن، نفى أن) */
    uint32_t SL = c->tb;
    for (int steps = 0; SL > sb && steps < EVT_WIN; steps++) {
        enum evt_cue q = cue_at(d, SL - 1);
        if (q == EVT_C_BOUNDARY || q == EVT_C_HARD || q == EVT_C_BARRIER)
            break;
        if (d->tcls[SL - 1] && is_verb_class((enum evt_tclass)d->tcls[SL - 1]) && SL - 1 < L)
            break;
        SL--;
    }
    for (uint32_t j = SL; j < c->tb; j++) {
        switch (cue_at(d, j)) {
        case EVT_C_NEGATED: neg = 1; break;
        case EVT_C_UNCERTAIN: unc = 1; break;
        case EVT_C_HABITUAL: hab = 1; break;
        case EVT_C_PLANNED: plan = 1; break;
        case EVT_C_PRESENT: present = 1; break;
        case EVT_C_FUTURE:
            if (j + 3 >= c->tb)
                plan = 1;
            break;
        case EVT_C_NEGVERB:
            if (j + 3 >= c->tb)
                neg = 1;
            break;
        default: break;
        }
    }
    for (uint32_t j = c->te; j < R; j++) {
        enum evt_cue q = cue_at(d, j);
        if (q == EVT_C_HABITUAL)
            hab = 1;
        if (q == EVT_C_PRESENT)
            present = 1;
        if (q == EVT_C_PLANPOST && j < c->te + 3)
            plan = 1;
        /* لقاء مزعوم، اجتماع محتمل: a noun's own word of doubt after it */
        if (q == EVT_C_UNCERTAIN && j < c->te + 2 && is_noun_class(c->cls))
            unc = 1;
        /* لكن الاجتماع أُلغي، اللقاء تأجل: its verb of cancelling after it */
        if (q == EVT_C_NEGATED && j == c->te && is_noun_class(c->cls) && (c->flags & EVT_TF_DEF))
            neg = 1;
    }
    /* tense of the trigger, or of the verb that governs a noun */
    unsigned vf = c->flags;
    if (is_noun_class(c->cls)) {
        vf = 0;
        /* (the verb that bounds the status clause may govern the noun:
         * وسيلتئم بالمناسبة اجتماع) */
        uint32_t lo = SL > sb ? SL - 1 : SL;
        int governed = 0;
        for (uint32_t k = c->tb; k > lo && k + 6 > c->tb; k--) {
            uint32_t v = k - 1;
            if (d->tcls[v] && (d->tcls[v] == EVT_T_LIGHT || is_verb_class(d->tcls[v]))) {
                vf = d->tflags[v];
                governed = 1;
                break;
            }
        }
        /* سيزور X قطر لإجراء محادثات، سيتوجه X إلى Y للقاء Z: the meeting a
         * journey is for is still to come when the journey is */
        uint32_t pv = c->tb; /* (محادثات قمة: from the first noun) */
        while (pv > SL && pv + 3 > c->tb && d->tcls[pv - 1] && is_noun_class((enum evt_tclass)d->tcls[pv - 1]))
            pv--;
        if (pv > SL && has_clitic(&d->doc->tokens[pv - 1], LAM))
            pv--;
        if (has_clitic(&d->doc->tokens[pv], LAM))
            for (uint32_t u = pv; u > lo && u + EVT_WIN > pv; u--) {
                enum evt_tclass tc = (enum evt_tclass)d->tcls[u - 1];
                if (tc == EVT_T_ARRIVE || tc == EVT_T_VISIT) {
                    vf |= d->tflags[u - 1] & EVT_TF_FUT;
                    break;
                }
                if (tc || cue_at(d, u - 1) == EVT_C_COMP)
                    break;
            }
        /* سيعقد الرئيس X والرئيس Y محادثات: a light verb at the head of
         * the clause, its subjects between it and the noun; no trigger and
         * no complementizer between */
        for (uint32_t k = c->tb > 6 ? c->tb - 6 : 0; !governed && k > SL && k + EVT_WIN > c->tb; k--) {
            uint32_t v = k - 1;
            if (cue_at(d, v) == EVT_C_COMP)
                break;
            if (d->tcls[v] == EVT_T_LIGHT) {
                if (has_clitic(&d->doc->tokens[v], LAM))
                    break; /* لعقد: a verbal noun */
                vf = d->tflags[v] & EVT_TF_FUT; /* (an imperfective there may be the present) */
                break;
            }
            if (d->tcls[v])
                break;
        }
        /* لقاء ثلاثي سيعقد: the noun's own verb after it; also past the
         * parties (الاجتماع بين X و Y سيعقد، قد يعقد) when no other verb
         * stands between */
        /* (the window R ends before the next trigger, the verb itself) */
        for (uint32_t v = c->te; v <= R && v < d->doc->ntokens && v < c->te + 16; v++) {
            /* (يتم، تتم: "takes place", no trigger of its own) */
            int tamm = !d->tcls[v] && v > c->te + 1 ? tamm_verb(&d->doc->tokens[v]) : 0;
            if (d->tcls[v] == EVT_T_LIGHT || tamm) {
                /* قمة ... لن تعقد، الاجتماع لم يعقد: its verb negated */
                uint32_t nv = v > c->te && d->doc->tokens[v - 1].kind == TXT_PUNCT ? v - 1 : v;
                if (nv > c->te && cue_at(d, nv - 1) == EVT_C_NEGVERB) {
                    neg = 1;
                    break;
                }
                if (tamm ? tamm == 2 : (d->tflags[v] & EVT_TF_FUT) != 0)
                    vf |= EVT_TF_FUT;
                else if (v > c->te && tok_is(&d->doc->tokens[v - 1], "\xd9\x82\xd8\xaf") && /* قد */
                         (tamm || (d->tflags[v] & EVT_TF_IMPF)))
                    unc = 1;
                break;
            }
            if (d->tcls[v] && is_verb_class((enum evt_tclass)d->tcls[v]))
                break;
        }
    }
    int tense_only = 0;
    if (vf & EVT_TF_FUT)
        plan = 1;
    else if ((vf & EVT_TF_IMPF) && !(vf & EVT_TF_P1) && !c->headline && !present) {
        tense_only = !plan;
        plan = 1;
    }
    if (c->tmx >= 0 && time_future(d, &d->tx[c->tmx]))
        plan = 1, tense_only = 0;
    /* ...، وهو ما نفاه X، الأمر الذي لم يؤكده Y: a relative clause after
     * the report denies it or leaves it unconfirmed */
    if (!neg && !unc) {
        int after = afterword_status(d, c->te, R, d->doc->sents[c->sent].tok_end);
        neg = after == EVT_NEGATED;
        unc = after == EVT_UNCERTAIN;
    }
    /* دعاه لزيارة، دعوة X لزيارة: the visit an invitation asks for is
     * still to come, whatever the tense of the inviting */
    if (c->flags & EVT_TF_INVITE)
        plan = 1, tense_only = 0;
    c->cue = neg || unc || hab || plan;
    c->tense_plan = tense_only && !neg && !unc && !hab;
    if (neg)
        c->status = EVT_NEGATED;
    else if (unc)
        c->status = EVT_UNCERTAIN;
    else if (hab)
        c->status = EVT_HABITUAL;
    else if (plan)
        c->status = EVT_PLANNED;
    else
        c->status = EVT_OCCURRED;
    c->future = plan;
}

/* When: the expression nearest the trigger in its clause, after it first. */
static void
read_time(struct dstate *d, struct cand *c, uint32_t L, uint32_t R, uint32_t sb)
{
    /* a vague expression (مؤخرا، في الآونة الأخيرة) only when the clause has
     * nothing better, and never one inside a relative clause after the
     * trigger (التطورات التي شهدها الإقليم في الآونة الأخيرة) */
    int32_t vague = -1;
    int rel = 0;
    for (uint32_t j = c->te; j < R; j++) {
        if (j > c->te + 1 && cue_at(d, j) == EVT_C_RELATIVE)
            rel = 1;
        if (d->tmx_at[j] >= 0) {
            if (d->tx[d->tmx_at[j]].grain == TMX_VAGUE) {
                if (vague < 0 && !rel)
                    vague = d->tmx_at[j];
                continue;
            }
            c->tmx = d->tmx_at[j];
            c->tmx_near = 1;
            return;
        }
    }
    for (uint32_t j = c->tb; j > L; j--) {
        int32_t x = d->tmx_at[j - 1];
        if (x >= 0 && d->tx[x].grain == TMX_VAGUE) {
            if (vague < 0)
                vague = x;
            continue;
        }
        if (x >= 0) {
            /* اليوم وغدا: the first of two coordinated expressions */
            const struct tmx_expr *e = &d->tx[x];
            const struct txt_token *et = &d->doc->tokens[e->tok_begin];
            if (e->tok_begin > L &&
                (has_clitic(et, WAW) || (et->key && 0 == strncmp(et->key, WAW, 2)))) {
                for (uint32_t k = e->tok_begin; k > L && k + 4 > e->tok_begin; k--)
                    if (d->tmx_at[k - 1] >= 0 && d->tx[d->tmx_at[k - 1]].tok_end == e->tok_begin) {
                        x = d->tmx_at[k - 1];
                        break;
                    }
            }
            c->tmx = x;
            c->tmx_near = 1;
            return;
        }
    }
    if (vague >= 0) {
        c->tmx = vague;
        c->tmx_near = 1;
        return;
    }
    /* the reporting clause's "today" dates an event that occurred (a
     * window before the clause, not a whole run-on sentence) */
    for (uint32_t j = L > sb + 2 * EVT_WIN ? L - 2 * EVT_WIN : sb; j < L; j++) {
        int32_t x = d->tmx_at[j];
        if (x < 0)
            continue;
        const struct tmx_expr *e = &d->tx[x];
        if (e->anchor == TMX_RELATIVE && e->offset == 0 && e->grain == TMX_DAY) {
            c->tmx = x;
            c->tmx_near = 0;
        }
    }
}

/* Does the token at k (a complementizer or boundary) carry a pronoun
 * (أنه، إنها، لكنه، بأنهما)? */
static int
pronominal(const struct txt_doc *doc, uint32_t k, uint32_t len)
{
    const struct txt_token *t = &doc->tokens[k + (len ? len : 1) - 1];
    const char *b = t->base ? t->base : t->key;
    size_t n = b ? strlen(b) : 0;
    if (n <= 4)
        return 0;
    return 0 == strcmp(b + n - 2, "\xd9\x87") ||
           (n >= 6 && 0 == strcmp(b + n - 4, "\xd9\x87\xd9\x85")) ||
           (n >= 6 && 0 == strcmp(b + n - 4, "\xd9\x87\xd8\xa7")) ||
           (n >= 8 && 0 == strcmp(b + n - 6, "\xd9\x87\xd9\x85\xd8\xa7"));
}

/* Are tokens [b, e) only auxiliaries (أن يكون التقى، أن كان قد التقى)? */
static int
only_aux(const struct txt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const aux[] = {
        "\xd9\x8a\xd9\x83\xd9\x88\xd9\x86",     /* يكون */
        "\xd8\xaa\xd9\x83\xd9\x88\xd9\x86",     /* تكون */
        "\xd9\x83\xd8\xa7\xd9\x86",             /* كان */
        "\xd9\x83\xd8\xa7\xd9\x86\xd8\xaa",     /* كانت */
        "\xd9\x82\xd8\xaf",                     /* قد */
    };
    if (e <= b)
        return 0;
    for (uint32_t j = b; j < e; j++) {
        int ok = 0;
        for (size_t k = 0; k < sizeof(aux) / sizeof(aux[0]); k++)
            ok |= tok_is(&doc->tokens[j], aux[k]);
        if (!ok)
            return 0;
    }
    return 1;
}

/* Is the word right after a verb a definite common noun that cannot name a
 * person (تلتقي المساعي، اجتمعت الآراء), so that the verb is figurative? */
static int
inanimate_after(const struct dstate *d, uint32_t j, uint32_t se)
{
    const struct lq_lexicons *lx = d->ctx->lex;
    if (NULL == lx->titles || j >= se || in_mention(d, j) || d->tmx_at[j] >= 0)
        return 0;
    /* لا تلتقي فيها المصالح: past a preposition with a pronoun */
    static const char *const prep_pron[] = {
        "\xd9\x81\xd9\x8a\xd9\x87\xd8\xa7", /* فيها */
        "\xd9\x81\xd9\x8a\xd9\x87",         /* فيه */
        "\xd8\xb9\xd9\x86\xd8\xaf\xd9\x87\xd8\xa7", /* عندها */
    };
    for (size_t k = 0; k < sizeof(prep_pron) / sizeof(prep_pron[0]); k++)
        if (tok_is(&d->doc->tokens[j], prep_pron[k]) && j + 1 < se) {
            j++;
            break;
        }
    if (in_mention(d, j))
        return 0;
    const struct txt_token *t = &d->doc->tokens[j];
    if (t->kind != TXT_WORD || !(t->flags & TXT_F_AL) || cue_at(d, j) != EVT_C_NONE)
        return 0;
    const struct lex *known[] = { lx->titles, lx->honorifics, lx->org_heads, lx->nationalities,
                                  lx->places };
    for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++)
        if (known[k] && lex_longest(known[k], d->doc, j, se, LEX_BASE, NULL) > 0)
            return 0;
    return 1;
}

/* Is the noun the object of a finite light verb of its clause (وعقد
 * اجتماعا، عقد، اليوم، لقاء) with no subject of its own in between? A light
 * verb after another word is a verbal noun (من المقرر عقد، تقرر عقد، لعقد). */
static int
light_governed(const struct dstate *d, const struct cand *c, uint32_t L)
{
    uint32_t k = c->tb;
    int found = 0;
    while (k > L && k + 8 > c->tb) {
        k--;
        if (d->tcls[k] == EVT_T_LIGHT) {
            found = 1;
            break;
        }
        enum evt_cue q = cue_at(d, k);
        if (in_mention(d, k) || d->title_link[k] >= 0 || q == EVT_C_DUAL || q == EVT_C_GROUP)
            return 0;
    }
    if (!found)
        return 0;
    const struct txt_token *t = &d->doc->tokens[k];
    if (t->clitics && (strstr(t->clitics, WAW) || strstr(t->clitics, "\xd9\x81") ||
                       strstr(t->clitics, "\xd8\xb3")))
        return !has_clitic(t, LAM);
    if (has_clitic(t, LAM))
        return 0;
    if (k == d->doc->sents[c->sent].tok_begin)
        return 1;
    const struct txt_token *p = &d->doc->tokens[k - 1];
    enum evt_cue q = cue_at(d, k - 1);
    return p->kind == TXT_PUNCT || q == EVT_C_BOUNDARY || q == EVT_C_COMP || q == EVT_C_HARD ||
           d->tmx_at[k - 1] >= 0;
}

/* The organization that owns a possessive meeting noun (طلب الحزب ... بعد
 * لقائه بـX): the nearest name before the noun in its clause when it is an
 * organization standing alone (no title word in the sentence before the
 * noun, no person nearer); or -1. */
static int32_t
org_possessor(const struct dstate *d, uint32_t sb, uint32_t L, uint32_t tb)
{
    /* a title before it in the sentence (رئيس المجلس ... خلال استقباله):
     * the possessor is that unnamed person, not a body */
    const struct lex *titles = d->ctx->lex->titles;
    uint32_t lo = tb > sb + 2 * EVT_WIN ? tb - 2 * EVT_WIN : sb;
    for (uint32_t j = lo; j < tb && titles; j++)
        if (!in_mention(d, j) && lex_longest(titles, d->doc, j, tb, LEX_BASE, NULL) > 0)
            return -1;
    for (uint32_t j = tb, steps = 0; j > L && steps < EVT_WIN; steps++) {
        j--;
        if (!in_mention(d, j)) {
            if (d->title_link && d->title_link[j] >= 0)
                return -1;
            continue;
        }
        int32_t m = d->ents->tok_mention[j];
        const struct ent_mention *mn = &d->ents->mentions[m];
        enum ner_type t = mention_type(d, m);
        if (t == NER_PER)
            return -1;
        if (t == NER_ORG && mn->entity >= 0) {
            if (mn->tok_begin < L || title_before(d, m, L))
                return -1;
            return mn->entity;
        }
        j = mn->tok_begin; /* a place: look further back */
    }
    return -1;
}

/* Is token k على، إلى or a word with ل: a mark of the one spoken to? */
static int
addressee_mark(const struct dstate *d, uint32_t k)
{
    const struct txt_token *t = &d->doc->tokens[k];
    return tok_is(t, "\xd8\xb9\xd9\x84\xd9\x89") || tok_is(t, "\xd8\xb9\xd9\x84\xd9\x8a") || /* على */
           tok_is(t, "\xd8\xa7\xd9\x84\xd9\x89") || tok_is(t, "\xd8\xa7\xd9\x84\xd9\x8a") || /* الى */
           has_clitic(t, LAM);
}

/*
 * كان X قد طرحها على الرئيس Y وأعضاء البرلمان خلال زيارته: words said, offered
 * or handed to someone during a visit mean a meeting with them. Right
 * before خلال / أثناء زيارته, the persons and bodies marked as the ones
 * spoken to (على، إلى، ل, and those coordinated after them) are the people
 * met; the first person before them in the clause is the other party.
 */
static void
visit_addressees(struct dstate *d, struct cand *c, uint32_t sb)
{
    const struct txt_doc *doc = d->doc;
    if (c->tb < sb + 2 || cue_at(d, c->tb - 1) != EVT_C_BARRIER)
        return;
    uint32_t bar = c->tb - 1, lo = bar > sb + EVT_ADDR_BACK ? bar - EVT_ADDR_BACK : sb;
    for (uint32_t k = bar; k > lo; k--)
        if (cue_at(d, k - 1) == EVT_C_HARD || cue_at(d, k - 1) == EVT_C_COMP) {
            lo = k;
            break;
        }
    int32_t found[EVT_MAXP];
    int nf = 0, in_list = 0;
    int32_t subj = -1;
    uint32_t prev_end = lo;
    for (uint32_t j = lo; j < bar; j++) {
        int32_t m = mention_start(d, j);
        if (m < 0)
            continue;
        const struct ent_mention *mn = &d->ents->mentions[m];
        enum ner_type ty = mention_type(d, m);
        uint32_t end = mn->tok_end;
        if (mn->entity < 0 || (ty != NER_PER && ty != NER_ORG)) {
            prev_end = end;
            j = end - 1;
            continue;
        }
        /* a mark (على، إلى، ل) or a conjunction on the mention or on the
         * few words before it since the previous mention */
        int marked = 0, coord = 0;
        for (uint32_t u = j + 1; u > prev_end && u + 4 > j + 1; u--) {
            marked |= addressee_mark(d, u - 1);
            coord |= has_clitic(&doc->tokens[u - 1], WAW);
        }
        if (marked || (coord && in_list)) {
            if (nf < EVT_MAXP)
                found[nf++] = mn->entity;
            in_list = 1;
        } else if (ty == NER_PER && !in_list) {
            subj = mn->entity; /* the nearest person before the ones spoken to */
        } else if (in_list) {
            break; /* the list has ended */
        }
        prev_end = end;
        j = end - 1;
    }
    if (nf == 0 || subj < 0)
        return;
    cand_add(c, subj, EVT_PARTICIPANT);
    c->subj = subj;
    for (int i = 0; i < nf; i++)
        if (found[i] != subj)
            cand_add(c, found[i], EVT_PARTICIPANT);
    c->addressed = cand_nparties(c) >= 2;
    c->several = nf >= 2; /* each one spoken to during the visit is a meeting */
}

/*
 * ويلتقي X خلال زيارته Y، وZ: the people a visitor meets during his visit,
 * told as a list, are met one by one, each a meeting of its own (a meeting
 * noun with a list, اجتماعا مع Y وZ, stays one). Is the possessed visit
 * noun after خلال / أثناء within a few words before the verb or inside its
 * clause [c->te, R)?
 */
static int
visit_frame(const struct dstate *d, const struct cand *c, uint32_t sb, uint32_t R)
{
    uint32_t lo = c->tb > sb + 8 ? c->tb - 8 : sb;
    for (uint32_t k = lo; k + 1 < R; k++) {
        if (k >= c->tb && k < c->te)
            continue;
        /* خلال زيارته، or خلال الزيارة: the visit told before */
        if (cue_at(d, k) == EVT_C_BARRIER && d->tcls[k + 1] == EVT_T_NVISIT &&
            (d->tflags[k + 1] & (EVT_TF_POSS | EVT_TF_DEF)))
            return 1;
        /* في زيارة تستمر يومين، يلتقي خلالها Y وZ: "during it", after a
         * visit noun of the sentence */
        const struct txt_token *t = &d->doc->tokens[k];
        if (k + 2 >= c->tb && k <= c->te + 1 &&
            (tok_is(t, "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84\xd9\x87\xd8\xa7") ||      /* خلالها */
             tok_is(t, "\xd8\xa7\xd8\xab\xd9\x86\xd8\xa7\xd8\xa1\xd9\x87\xd8\xa7"))) { /* اثناءها */
            for (uint32_t v = k > sb + 2 * EVT_WIN ? k - 2 * EVT_WIN : sb; v < k; v++)
                if (d->tcls[v] == EVT_T_NVISIT)
                    return 1; /* (within 2 × EVT_WIN tokens: bounded in a run-on sentence) */
        }
    }
    return 0;
}

/*
 * البيان الذي أرسل إلى X بخصوص الاجتماع، تساؤلات حول الاجتماع: "the
 * meeting" after a preposition of topic is a meeting spoken about, told
 * before; the names around it are not its parties, and it is no meeting of
 * its own (an indefinite one, كشف عن لقاء مرتقب, may well be new).
 */
static int
topic_reference(const struct dstate *d, const struct cand *c, uint32_t sb)
{
    if (c->cls != EVT_T_NOUN || !(c->flags & EVT_TF_DEF) || (c->flags & EVT_TF_POSS) || c->tb <= sb)
        return 0;
    const struct txt_token *p = &d->doc->tokens[c->tb - 1];
    /* حول، عن، بخصوص، بشأن (with ب split off or not) */
    return tok_is(p, "\xd8\xad\xd9\x88\xd9\x84") ||                               /* حول */
           tok_is(p, "\xd8\xb9\xd9\x86") ||                                           /* عن */
           tok_is(p, "\xd8\xae\xd8\xb5\xd9\x88\xd8\xb5") ||                       /* خصوص */
           tok_is(p, "\xd8\xb4\xd8\xa7\xd9\x86") ||                                 /* شان */
           tok_is(p, "\xd8\xa8\xd8\xae\xd8\xb5\xd9\x88\xd8\xb5") ||             /* بخصوص */
           tok_is(p, "\xd8\xa8\xd8\xb4\xd8\xa7\xd9\x86");                         /* بشان */
}

/*
 * زيارة البابا X إلى مصر ... ويلتقي البابا خلال زيارته Y: a meeting told
 * during "his visit" with no place of its own took place where that visit
 * went: the place of the nearest visit before it (زيارة، زار) of the same
 * person, within EVT_ARRIVE_BACK sentences (and 4 × EVT_MERGE_BACK
 * candidates back at most).
 */
static const struct cand *
visit_before(const struct dstate *d, size_t ci, const struct cand *c)
{
    if (c->subj < 0)
        return NULL;
    for (size_t k = ci; k > 0 && k + 4 * EVT_MERGE_BACK > ci; k--) {
        const struct cand *v = &d->cands[k - 1];
        if (v->sent + EVT_ARRIVE_BACK < c->sent)
            break;
        if ((v->cls == EVT_T_NVISIT || v->cls == EVT_T_VISIT) && v->loc >= 0 && cand_has(v, c->subj))
            return v;
    }
    return NULL;
}

static void
visit_destination(struct dstate *d, size_t ci, struct cand *c)
{
    const struct cand *v = visit_before(d, ci, c);
    if (v) {
        c->loc = v->loc;
        c->loc_rank = 1;
        c->loc_dist = EVT_WIN;
    }
}

/*
 * ... and with no time of its own, it took place when the visit did, when
 * the visit's sentence says when (يزور X طهران الأسبوع المقبل، ... وسيلتقي
 * خلال الزيارة Y).
 */
static void
visit_time(struct dstate *d, size_t ci, struct cand *c)
{
    const struct cand *v = c->tmx < 0 ? visit_before(d, ci, c) : NULL;
    if (v && v->tmx >= 0 && v->tmx_near && v->status == c->status) {
        c->tmx = v->tmx;
        c->tmx_near = 0;
    }
}

/*
 * The body an organ belongs to, when the article names both: الأمم المتحدة
 * for الجمعية العامة للأمم المتحدة, جامعة الدول العربية for مجلس جامعة
 * الدول العربية (the organ's name ends with the body's, after a space or
 * ل, or as لل + the body's name without its ال). Returns the entity, or -1.
 */
static int32_t
organ_parent(const struct dstate *d, int32_t e)
{
    const struct ent_result *er = d->ents;
    char ka[256], kp[256];
    if (e < 0 || NULL == er->entities[e].name)
        return -1;
    size_t na = txt_fold(er->entities[e].name, strlen(er->entities[e].name), ka, sizeof(ka));
    if (0 == na || na >= sizeof(ka))
        return -1;
    size_t cap = er->nentities < EVT_ORGAN_SCAN ? er->nentities : EVT_ORGAN_SCAN;
    for (size_t p = 0; p < cap; p++) {
        const char *pn = er->entities[p].name;
        if ((int32_t)p == e || er->entities[p].type != NER_ORG || NULL == pn)
            continue;
        size_t np = txt_fold(pn, strlen(pn), kp, sizeof(kp));
        if (0 == np || np >= sizeof(kp) || np + 1 >= na)
            continue;
        /* ... X: after a space; ... لX: after ل */
        if (0 == memcmp(ka + na - np, kp, np) &&
            (ka[na - np - 1] == ' ' ||
             (na >= np + 3 && 0 == memcmp(ka + na - np - 2, "\xd9\x84", 2) && ka[na - np - 3] == ' ')))
            return (int32_t)p;
        /* ... للX: ل and the name without its ال (ال is four bytes) */
        if (np > 4 && 0 == memcmp(kp, "\xd8\xa7\xd9\x84", 4) && na >= np + 1 &&
            0 == memcmp(ka + na - np, "\xd9\x84\xd9\x84", 4) && 0 == memcmp(ka + na - np + 4, kp + 4, np - 4) &&
            ka[na - np - 1] == ' ')
            return (int32_t)p;
    }
    return -1;
}

/*
 * يشارك X في أعمال الدورة الـ73 للجمعية العامة للأمم المتحدة، اجتماعات
 * مجلس جامعة الدول العربية: a session of an organ named right after the
 * meeting noun is organized by the body the organ belongs to; that body,
 * when the article names it, is the party (annotation: "the summit's
 * organizer") when another party is named. Bounded: at most EVT_SEAT_MAX
 * lookups a document.
 */
static void
session_organizer(struct dstate *d, struct cand *c, uint32_t se)
{
    for (uint32_t k = c->te; k < se && k < c->te + 3; k++) {
        int32_t m = mention_start(d, k);
        if (m < 0)
            continue;
        int32_t e = d->ents->mentions[m].entity;
        /* (alone, the organ is the party: قبل انعقاد الجمعية العامة لـX) */
        if (mention_type(d, m) != NER_ORG || e < 0 || e == c->subj || !cand_has(c, e) ||
            cand_nparties(c) < 2 || d->seat_lookups >= EVT_SEAT_MAX)
            return;
        d->seat_lookups++;
        int32_t p = organ_parent(d, e);
        if (p < 0 || cand_has(c, p))
            return;
        for (int i = 0; i < c->np; i++)
            if (c->ent[i] == e)
                c->ent[i] = p;
        return;
    }
}

/* Build the candidate of the trigger at token tb of sentence s. */
/*
 * The speaker of a sentence: the person named right after a verb of saying
 * at its head (وأوضح X، من جهته أكد X، وقال الوزير), before token @p k.
 * Returns the entity, or -1.
 */
static int32_t
speaker_before(const struct dstate *d, uint32_t sb, uint32_t k)
{
    for (uint32_t j = sb; j < k && j < sb + EVT_SPEAKER_HEAD; j++) {
        if (cue_at(d, j) != EVT_C_SPEECH)
            continue;
        for (uint32_t i = j + 1; i < k && i < j + 8; i++) {
            int32_t m = mention_start(d, i);
            /* أكد رئيس مجلس الدولة X: the body in the title is not the speaker */
            if (m >= 0 && mention_type(d, m) == NER_ORG && title_before(d, m, j + 1)) {
                i = d->ents->mentions[m].tok_end - 1;
                continue;
            }
            if (m >= 0)
                return mention_type(d, m) == NER_PER ? d->ents->mentions[m].entity : -1;
            if (d->title_link && d->title_link[i] >= 0 && !in_mention(d, i))
                return d->title_link[i];
        }
        return -1;
    }
    return -1;
}

/*
 * Does an unnamed title phrase start at token k (وأجرى وزير الداخلية
 * محادثات)? A title, its complement (definite words, organizations and
 * places), then no person's name and no link to a person named before: the
 * verb has a subject the article does not name.
 */
static int
unnamed_title_at(const struct dstate *d, uint32_t k, uint32_t se)
{
    const struct lq_lexicons *lx = d->ctx->lex;
    if (NULL == lx->titles || k >= se || in_mention(d, k) || cue_at(d, k) == EVT_C_COUNTERPART ||
        (d->title_link && d->title_link[k] >= 0))
        return 0;
    size_t tl = lex_longest(lx->titles, d->doc, k, se, LEX_BASE, NULL);
    if (0 == tl)
        return 0;
    uint32_t j = k + (uint32_t)tl;
    while (j < se && j < k + 8) {
        int32_t m = mention_start(d, j);
        if (m >= 0) {
            if (mention_type(d, m) == NER_PER)
                return 0;
            j = d->ents->mentions[m].tok_end;
            continue;
        }
        const struct txt_token *t = &d->doc->tokens[j];
        if (t->kind != TXT_WORD || !(t->flags & TXT_F_AL) || (t->clitics && *t->clitics))
            break;
        j++;
    }
    /* وزير الخارجية الشيخ د. X، رئيس الجمهورية، السيد X: a comma,
     * honorifics and an abbreviation's period before the name */
    for (uint32_t h = 0; h < 4 && j < se && lx->honorifics; h++) {
        const struct txt_token *t = &d->doc->tokens[j];
        size_t hl = t->kind == TXT_WORD ? lex_longest(lx->honorifics, d->doc, j, se, LEX_BASE, NULL) : 0;
        if (hl) /* (آية الله العظمى: of several words) */
            j += (uint32_t)hl;
        else if (h > 0 && t->kind == TXT_WORD && (t->flags & TXT_F_AL) &&
                 1 == lex_longest(lx->titles, d->doc, j, se, LEX_BASE, NULL))
            j++; /* آية الله العظمى الإمام X: a religious title among them */
        else if (j > k && abbreviation(&d->doc->tokens[j - 1], t))
            j++;
        else if (0 == h && is_comma_tok(t))
            j++;
        else
            break;
    }
    int32_t m = j < se ? mention_start(d, j) : -1;
    return !(m >= 0 && mention_type(d, m) == NER_PER);
}

/*
 * نظيره الجزائري with no name after it: the person named before the
 * trigger, other than @p subj, whose stated title holds the subject's
 * office (وزير الخارجية ... / وزير الدولة وزير الخارجية), the nearest
 * first. Returns the entity, or -1.
 */
static int32_t
counterpart_by_title(const struct dstate *d, int32_t subj, uint32_t before)
{
    const struct ent_result *er = d->ents;
    const char *st = er->entities[subj].title;
    if (NULL == st)
        return -1;
    char sk[256], tk[256];
    txt_fold(st, strlen(st), sk, sizeof(sk));
    if (0 == strncmp(sk, "\xd9\x86\xd8\xb8\xd9\x8a\xd8\xb1", 6)) /* نظير */
        return -1;
    /* the subject's office: its words up to a nationality (وزير الشؤون
     * الخارجية الإيطالي → وزير الشؤون الخارجية), three at most, two at least */
    const struct lex *nat = d->ctx->lex->nationalities;
    size_t nw = 0, cut = strlen(sk);
    for (char *p = sk; *p && nw < 3;) {
        char *q = strchr(p, ' ');
        size_t wl = q ? (size_t)(q - p) : strlen(p);
        char w[96];
        if (wl >= sizeof(w))
            break;
        memcpy(w, p, wl);
        w[wl] = '\0';
        if (nw > 0 && nat && lex_get(nat, w)) {
            cut = (size_t)(p - sk) - 1;
            break;
        }
        nw++;
        cut = (size_t)(p - sk) + wl;
        if (NULL == q)
            break;
        p = q + 1;
    }
    if (nw < 2)
        return -1;
    sk[cut] = '\0';
    uint32_t lo = before > 4 * EVT_WIN ? before - 4 * EVT_WIN : 0;
    for (uint32_t j = before; j > lo; j--) {
        int32_t m = er->tok_mention[j - 1];
        if (m < 0 || mention_type(d, m) != NER_PER || er->mentions[m].tok_begin != j - 1)
            continue;
        int32_t e = er->mentions[m].entity;
        if (e < 0 || e == subj || NULL == er->entities[e].title)
            continue;
        txt_fold(er->entities[e].title, strlen(er->entities[e].title), tk, sizeof(tk));
        if (strstr(tk, sk))
            return e;
    }
    return -1;
}

/* Does a cue of class after (عقب، في أعقاب) stand right before token tb? */
static int
after_cue(const struct dstate *d, uint32_t sb, uint32_t tb)
{
    for (uint32_t k = tb > sb + 2 ? tb - 2 : sb; k < tb; k++)
        if (cue_at(d, k) == EVT_C_AFTER)
            return 1;
    return 0;
}

/*
 * رئيس الاستخبارات العسكرية X زار واشنطن، لكن من غير الواضح ما إذا كان
 * التقى Y: a dropped subject whose nearest antecedent is an office the
 * article does not name, heading a body, is that body (it took part through
 * its unnamed head). Scans back from @p L; a person, or a title linked to
 * one, found first wins (returns -1). Returns the body's entity or -1.
 */
static int32_t
office_body_before(const struct dstate *d, uint32_t sb, uint32_t L, uint32_t se)
{
    const struct lq_lexicons *lx = d->ctx->lex;
    if (NULL == lx->titles)
        return -1;
    for (uint32_t j = L, steps = 0; j > sb && steps < 2 * EVT_WIN; j--, steps++) {
        int32_t m = mention_start(d, j - 1);
        if (m >= 0 && mention_type(d, m) == NER_PER)
            return -1;
        if (m < 0 && !in_mention(d, j - 1) && d->title_link && d->title_link[j - 1] >= 0)
            return -1;
        if (m < 0 || mention_type(d, m) != NER_ORG || d->ents->mentions[m].entity < 0)
            continue;
        /* the body right after a title of one or two words (رئيس، المدير
         * العام), or one whose title reaches into it (رئيس الاستخبارات) */
        uint32_t ms = j - 1;
        for (uint32_t k = ms; k > sb && k + 2 >= ms; k--) {
            size_t tl = lex_longest(lx->titles, d->doc, k - 1, se, LEX_BASE, NULL);
            if (tl > 0 && k - 1 + tl >= ms && unnamed_title_at(d, k - 1, se))
                return d->ents->mentions[m].entity;
        }
        return -1; /* a body named for itself is no office */
    }
    return -1;
}

static void
build_cand(struct dstate *d, size_t ci, uint32_t s)
{
    struct cand *c = &d->cands[ci];
    const struct txt_doc *doc = d->doc;
    const struct txt_sentence *st = &doc->sents[s];
    uint32_t sb = st->tok_begin, se = st->tok_end;
    int stop = 0, with_seen = 0, host_place = 0;
    uint32_t stop_tok = 0;
    c->headline = d->headline[s];
    if (not_a_meeting(d, c, sb, se) || topic_reference(d, c, sb)) {
        c->alive = 0;
        return;
    }
    if (c->cls == EVT_T_MEET && !(c->flags & EVT_TF_P1) && inanimate_after(d, c->te, se)) {
        c->alive = 0; /* تلتقي المصالح: the verb is figurative */
        return;
    }
    /* تستقبل (بشكل طبيعي) المساعدات: a reception of things, not of people */
    if (c->cls == EVT_T_RECEIVE && !(c->flags & EVT_TF_P1)) {
        uint32_t k = c->te;
        if (k + 2 < se && (tok_is(&doc->tokens[k], "\xd8\xa8\xd8\xb4\xd9\x83\xd9\x84") || /* بشكل */
                           tok_is(&doc->tokens[k], "\xd8\xa8\xd8\xb5\xd9\x88\xd8\xb1\xd8\xa9") || /* بصورة */
                           (has_clitic(&doc->tokens[k], BA) &&
                            (tok_is(&doc->tokens[k], "\xd8\xb4\xd9\x83\xd9\x84") ||
                             tok_is(&doc->tokens[k], "\xd8\xb5\xd9\x88\xd8\xb1\xd8\xa9")))))
            k += 2;
        if (inanimate_after(d, k, se) && mention_start(d, k) < 0) {
            c->alive = 0;
            return;
        }
    }
    if (c->cls == EVT_T_RECEIVE && c->te < se &&
        (cue_at(d, c->te) == EVT_C_PLACEHEAD ||
         (mention_start(d, c->te) >= 0 && mention_type(d, mention_start(d, c->te)) == NER_LOC))) {
        /* استضافته مدينة X: a place hosts the meeting named before; the
         * object pronoun is that meeting, not a person */
        c->flags &= ~(unsigned)EVT_TF_OBJ;
        host_place = 1;
    }
    uint32_t L = left_bound(d, sb, c->tb, &stop, &stop_tok);
    uint32_t R = right_bound(d, c, se);
    if (stop == EVT_C_RELATIVE && is_verb_class(c->cls))
        c->rel = 1; /* الذي التقى ...: a description, the main clause reports the meeting */
    for (uint32_t k = c->tb > sb + 2 ? c->tb - 2 : sb; k < c->tb; k++) {
        if (cue_at(d, k) == EVT_C_OCCASION)
            c->occasion = 1;
        /* (not وذلك للقاء Y: ذلك there points back, and ل makes the noun a
         * purpose) */
        if (cue_at(d, k) == EVT_C_DEMONST && k + 1 == c->tb && !has_clitic(&doc->tokens[c->tb], LAM) &&
            !(doc->tokens[c->tb].key && 0 == strncmp(doc->tokens[c->tb].key, LAM LAM, 4)))
            c->demonst = 1;
    }
    /* شارك في الاجتماع، ومثل الوزارة في اللقاء: a verb of taking part
     * within three words before a bare "the meeting" (not a reception or
     * its ceremony: وشارك في مراسم الاستقبال X is an attendee) */
    /* (farther back past a body's name when في stands right before the
     * noun: ومثّل الشركة «X» في الاجتماع) */
    int fi = c->tb > sb && tok_is(&doc->tokens[c->tb - 1], "\xd9\x81\xd9\x8a"); /* في */
    for (uint32_t k = c->tb > sb + (fi ? 8 : 3) ? c->tb - (fi ? 8 : 3) : sb; k < c->tb; k++)
        if (cue_at(d, k) == EVT_C_PARTAKE && c->cls == EVT_T_NOUN && (c->flags & EVT_TF_DEF) &&
            !(c->flags & EVT_TF_POSS))
            c->partake = 1;
    /* a noun after its light verb (وعقد اجتماعا مع X) takes a subject as a verb does */
    int lightnoun = is_noun_class(c->cls) && light_governed(d, c, L);
    int verb = (is_verb_class(c->cls) && !(c->flags & EVT_TF_P1)) || lightnoun;
    /* في استقبال معاليه، خلال لقاء سموه: a meeting noun before an honorific
     * with a pronoun is the noun with a possessor, as استقباله is */
    if (is_noun_class(c->cls) && !(c->flags & EVT_TF_POSS) && c->te < se &&
        honorific_pronoun(&doc->tokens[c->te]))
        c->flags |= EVT_TF_POSS;
    int poss = (c->flags & EVT_TF_POSS) != 0;
    if (verb && person_before(d, L, c->tb, -1) < 0 &&
        (((stop == EVT_C_COMP || stop == EVT_C_BOUNDARY) &&
          pronominal(doc, stop_tok, d->clen[stop_tok])) ||
         (stop == EVT_C_COMP && only_aux(doc, L, c->tb)) ||
         (stop == EVT_C_BOUNDARY && is_subord(d, stop_tok)))) {
        /* قال X إنه التقى Y، نفى X أن يكون التقى Y، سيتوجه X إلى ... حيث سيلتقي Y;
         * after a subordinator, the subject of the meeting told just before */
        int32_t e = -1;
        if (stop == EVT_C_BOUNDARY && ci > 0 && d->cands[ci - 1].sent == s &&
            d->cands[ci - 1].alive && !d->cands[ci - 1].rel)
            e = d->cands[ci - 1].subj;
        if (e < 0)
            e = person_before(d, sb, stop_tok, -1);
        if (e >= 0) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    if (poss) {
        /* the possessor of لقائه، زيارته: a person named before; with ل
         * (يتطلع للقائه) the pronoun is the object, someone before the clause */
        int objpron = has_clitic(&doc->tokens[c->tb], LAM) ||
                      (doc->tokens[c->tb].key && 0 == strncmp(doc->tokens[c->tb].key, LAM LAM, 4));
        int32_t e = person_before(d, sb, objpron ? L : c->tb, -1);
        /* وخلال استقباله ...، أكد X: the possessor is the speaker after it */
        if (e < 0 && !objpron) {
            for (uint32_t j = c->te; j < se && j < c->te + 2 * EVT_WIN && e < 0; j++) {
                if (cue_at(d, j) == EVT_C_HARD)
                    break;
                if (cue_at(d, j) == EVT_C_SPEECH)
                    e = speaker_before(d, j, j + 8 < se ? j + 8 : se);
            }
        }
        /* no person before it in the sentence: maybe a party or a body */
        if (e < 0 && !objpron && !has_clitic(&doc->tokens[c->tb], BA))
            e = org_possessor(d, sb, L, c->tb);
        if (e < 0)
            e = recent_subject(d, ci, s);
        if (e < 0 && s > 0)
            e = d->sent_first_per[s - 1];
        if (e >= 0) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    c->construct = is_noun_class(c->cls) && !(c->flags & (EVT_TF_DEF | EVT_TF_POSS)) && c->te < se &&
                   mention_start(d, c->te) >= 0;
    read_parties(d, c, L, R, &with_seen);
    /* واجتمع المكتب التنفيذي لحركة X، وتلتقي مجموعة آسيان: a body named
     * right after a verb of meeting is its subject (its own session); no
     * dropped subject is looked for */
    if (c->cls == EVT_T_MEET && !(c->flags & (EVT_TF_P1 | EVT_TF_OBJ)) && c->subj < 0 &&
        person_before(d, L, c->tb, -1) < 0) {
        for (uint32_t k = c->te; k < se && k < c->te + 2; k++) {
            int32_t m = mention_start(d, k);
            if (m < 0)
                continue;
            if (mention_type(d, m) == NER_ORG && d->ents->mentions[m].entity >= 0 &&
                cand_has(c, d->ents->mentions[m].entity))
                c->subj = d->ents->mentions[m].entity;
            break;
        }
    }
    /* كان التقى هو الآخر Y، التقته هي X: an independent pronoun right after
     * the verb is its subject; the name after it is the object */
    if (verb && c->subj >= 0 && c->te < se && d->doc->tokens[c->te].kind == TXT_WORD &&
        !in_mention(d, c->te) &&
        (tok_is(&doc->tokens[c->te], "\xd9\x87\xd9\x88") ||               /* هو */
         tok_is(&doc->tokens[c->te], "\xd9\x87\xd9\x8a") ||               /* هي */
         tok_is(&doc->tokens[c->te], "\xd9\x87\xd9\x85\xd8\xa7") ||     /* هما */
         tok_is(&doc->tokens[c->te], "\xd9\x87\xd9\x85")) &&              /* هم */
        person_before(d, L, c->tb, -1) < 0)
        c->subj = -1;
    /* X يزور الأردن ويلتقي الملك Y: a verb of meeting joined by و to the
     * visit or meeting told just before in its sentence shares that
     * verb's subject, and the names after it are its objects; not when
     * the names after it meet someone else (ويلتقي Y مع Z، واستقبل Y وفدا) */
    if (is_verb_class(c->cls) && !(c->flags & EVT_TF_P1) && c->subj >= 0 && ci > 0 &&
        has_clitic(&doc->tokens[c->tb], WAW) && !with_seen && !c->unnamed_obj) {
        const struct cand *p = &d->cands[ci - 1];
        int apart = p->sent != s || p->subj < 0 || p->subj == c->subj || p->te > c->tb ||
                    cand_has(c, p->subj) || !is_verb_class(p->cls) || (p->flags & EVT_TF_P1);
        for (uint32_t k = p->te; !apart && k < c->tb; k++)
            apart = cue_at(d, k) == EVT_C_HARD || cue_at(d, k) == EVT_C_COMP ||
                    (d->tcls[k] && k != p->tb);
        if (!apart) {
            cand_add(c, p->subj, EVT_PARTICIPANT);
            c->subj = p->subj;
        }
    }
    /* جلسة مباحثات ترأس فيها X الجانب الأول فيما ترأس Y الجانب الثاني: the
     * sides of a meeting noun, each told by a verb of presiding or taking
     * part right at the clause's end or after فيما / بينما */
    if (is_noun_class(c->cls) && !c->partake) {
        uint32_t k = R;
        for (int sides = 0; sides < 4 && k < se; sides++) {
            if (k + 1 < se && cue_at(d, k) == EVT_C_BOUNDARY && cue_at(d, k + 1) == EVT_C_PARTAKE)
                k++;
            if (cue_at(d, k) != EVT_C_PARTAKE)
                break;
            uint32_t j2 = k + 1, stop2 = k + 10 < se ? k + 10 : se;
            for (; j2 < stop2; j2++) {
                if (cue_at(d, j2) == EVT_C_HARD || cue_at(d, j2) == EVT_C_BOUNDARY)
                    break;
                int32_t m = mention_start(d, j2);
                if (m >= 0 && mention_type(d, m) == NER_PER) {
                    cand_add(c, d->ents->mentions[m].entity, EVT_PARTICIPANT);
                    j2 = d->ents->mentions[m].tok_end;
                    break;
                }
            }
            /* on to the next side: the next فيما / بينما */
            while (j2 < se && j2 < k + 16 && cue_at(d, j2) != EVT_C_BOUNDARY && cue_at(d, j2) != EVT_C_HARD)
                j2++;
            k = j2;
        }
    }
    /* استقبل X وزير خارجية Y (unnamed)، التقى X مع أعضاء وفد ...: the
     * other party is there but has no name */
    /* وكان على رأس مستقبليه على أرض المطار X: a welcome at the airport */
    for (uint32_t k = c->tb > sb + 2 ? c->tb - 2 : sb; k < se && k < c->te + 5 && !c->airport; k++)
        c->airport = doc->tokens[k].kind == TXT_WORD && doc->tokens[k].key &&
                     (0 == strcmp(doc->tokens[k].key, "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb7\xd8\xa7\xd8\xb1") || /* المطار */
                      0 == strcmp(doc->tokens[k].key, "\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd8\xb7\xd8\xa7\xd8\xb1")); /* بالمطار */
    /* وصل X ...، وكان في استقباله Y؛ وكان في استقباله لدى وصوله Y: the
     * welcome on arrival, apart from the talks after it as well */
    if (c->cls == EVT_T_NRECEIVE && (c->flags & EVT_TF_POSS))
        for (uint32_t k = sb; k < se && k < c->te + 5 && !c->airport; k++)
            c->airport = d->tcls[k] == EVT_T_ARRIVE;
    for (uint32_t k = c->te; k < R && k < c->te + 16 && !c->unnamed_obj; k++)
        c->unnamed_obj = !in_mention(d, k) &&
                         (cue_at(d, k) == EVT_C_GROUP || (d->desc_at[k] >= 0 && d->title_link[k] < 0));
    /* استقبل المحافظ سفيرة كندا X: the verb's subject is an office the
     * article does not name, so the first name after it is the object */
    if (is_verb_class(c->cls) && !(c->flags & EVT_TF_P1) && c->subj >= 0 &&
        unnamed_title_at(d, c->te, se)) {
        int32_t sm = -1;
        for (uint32_t k = c->te; k < R && sm < 0; k++) {
            int32_t m = mention_start(d, k);
            if (m >= 0 && mention_type(d, m) == NER_PER)
                sm = d->ents->mentions[m].entity;
        }
        if (sm == c->subj)
            c->subj = -1;
    }
    /* وأجرى X محادثات مع نظيره الجزائري (no name after it): the person of
     * the same office named before */
    if (c->subj >= 0 && entity_type(d, c->subj) == NER_PER) {
        for (uint32_t k = c->te; k < R && k < c->te + 4; k++) {
            if (cue_at(d, k) != EVT_C_COUNTERPART)
                continue;
            int named = 0;
            for (uint32_t q = k + 1; q < R && q < k + 5 && !named; q++)
                named = mention_start(d, q) >= 0 && mention_type(d, mention_start(d, q)) == NER_PER;
            if (!named) {
                int32_t e = counterpart_by_title(d, c->subj, c->tb);
                if (e >= 0)
                    cand_add(c, e, EVT_PARTICIPANT);
            }
            break;
        }
    }
    if (c->partake && c->subj < 0) {
        /* يصل X ... للمشاركة في أعمال الدورة ...: X takes part */
        int32_t e = person_before(d, sb, c->tb, -1);
        if (e >= 0) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    int named_person = 0;
    for (int i = 0; i < c->np; i++)
        named_person |= c->role[i] != EVT_ATTENDEE && entity_type(d, c->ent[i]) == NER_PER;
    if (is_noun_class(c->cls) && !lightnoun && c->subj < 0 && !named_person &&
        (after_cue(d, sb, c->tb) ||
         (c->demonst && !(doc->tokens[c->tb].flags & TXT_F_IN_QUOTES)))) {
        /* وقال X في حديث عقب اللقاء ...، وأبدى Y ترحيبه بهذا الاجتماع: who
         * speaks right after a meeting, or of this meeting in reported
         * speech (not in a quote: «هذا الاجتماع سيضر ...»), took part in it;
         * an organization read from the speaker's title gives way to him */
        int32_t e = speaker_before(d, sb, c->tb);
        if (e >= 0) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    if (c->subj < 0 && (c->flags & EVT_TF_P1)) {
        /* the speaker: a person of the sentence outside the quote, else the
         * person the article is about */
        /* قال X: "نجتمع ...": the person before the colon or the quote */
        int32_t e = -1;
        uint32_t qpos = c->tb;
        int quoted = 0;
        uint32_t qlo = c->tb > sb + 2 * EVT_WIN ? c->tb - 2 * EVT_WIN : sb;
        for (uint32_t j = c->tb; j > qlo && !quoted; j--) {
            const struct txt_token *t = &doc->tokens[j - 1];
            if ((t->kind == TXT_PUNCT && t->surface && 0 == strcmp(t->surface, ":")) ||
                (t->flags & TXT_F_QUOTE_OPEN)) {
                qpos = j - 1;
                quoted = 1;
            }
        }
        /* the first person of the clause that introduces the quote (ورد X
         * على Y قائلا:), looking back from the quote within a window */
        for (uint32_t j = qpos, steps = 0; j > sb && quoted && steps < 2 * EVT_WIN; j--, steps++) {
            if (cue_at(d, j - 1) == EVT_C_HARD && j - 1 != qpos)
                break;
            int32_t m = mention_start(d, j - 1);
            if (m >= 0 && mention_type(d, m) == NER_PER &&
                !(doc->tokens[j - 1].flags & TXT_F_IN_QUOTES))
                e = d->ents->mentions[m].entity;
        }
        if (e < 0 && !cand_has(c, d->main_person))
            e = d->main_person;
        if (e >= 0) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    /* ومن المقرر أن يلتقي وزير الطاقة X: a verb of meeting in the singular
     * with one name after it and nothing else is transitive, so the name
     * is its object and its subject was dropped (found below) */
    if ((c->cls == EVT_T_MEET || c->cls == EVT_T_RECEIVE) &&
        !(c->flags & (EVT_TF_P1 | EVT_TF_OBJ | EVT_TF_INVITE)) && 1 == c->np &&
        c->subj == c->ent[0] && entity_type(d, c->subj) == NER_PER && !with_seen &&
        !c->unnamed_obj && !c->dual && !c->group_subj && singular_verb(&doc->tokens[c->tb]) &&
        person_before(d, L, c->tb, -1) < 0 && stop == EVT_C_COMP)
        c->subj = -1;
    /* the verb's subject is an office the article does not name: no one else */
    uint32_t vk = c->te;
    if (lightnoun)
        for (uint32_t k = c->tb; k > L && k + 8 > c->tb; k--)
            if (d->tcls[k - 1] == EVT_T_LIGHT) {
                vk = k;
                break;
            }
    int unnamed_subj = verb && unnamed_title_at(d, vk, se);
    /* أكد X أن الرئيسين سيلتقيان: a dual noun before the verb in its clause
     * is its subject (the two parties named before), not the speaker */
    int dual_subj = c->dual && c->dual_tok >= (int32_t)L && c->dual_tok < (int32_t)c->tb &&
                    0 == cand_nparties(c);
    if (c->subj < 0 && verb && !c->dual_gen && !unnamed_subj && !c->group_subj && !dual_subj) {
        /* a dropped subject: the subject of the verb before, the nearest
         * person before the clause, the subject of the last event */
        int32_t e = -1;
        if (stop < 0 && d->cand_at[stop_tok] >= 0)
            e = d->cands[d->cand_at[stop_tok]].subj;
        if (e < 0 && lightnoun && ci > 0 && d->cands[ci - 1].sent == s)
            e = recent_subject(d, ci, s); /* the subject of the clause before */
        if (e < 0)
            e = office_body_before(d, sb, c->tb, se);
        if (e < 0)
            e = person_before(d, sb, L, -1);
        if (e < 0)
            e = recent_subject(d, ci, s);
        if (e < 0 && s > 0)
            e = d->sent_first_per[s - 1];
        if (e >= 0) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    /* وصل X ...، حيث استقبله Y: when the subject was carried over from the
     * clause before and a person is named right after the verb, that
     * person is the subject and the pronoun stands for X */
    int32_t obj_for = -1;
    if ((c->flags & EVT_TF_OBJ) && c->subj >= 0 && c->nright > 0 && person_before(d, sb, L, -1) == c->subj)
        for (uint32_t k = c->te; k < R && k < c->te + 8 && obj_for < 0; k++) {
            int32_t m = mention_start(d, k);
            if (m >= 0 && mention_type(d, m) == NER_PER && d->ents->mentions[m].entity != c->subj &&
                cand_has(c, d->ents->mentions[m].entity))
                obj_for = d->ents->mentions[m].entity;
        }
    if (obj_for >= 0)
        c->subj = obj_for;
    else if (c->flags & EVT_TF_OBJ) {
        int32_t e = person_before(d, sb, L, c->subj);
        if (e < 0 && s > 0 && d->sent_first_per[s - 1] != c->subj)
            e = d->sent_first_per[s - 1];
        if (e >= 0 && !cand_has(c, e))
            c->nright++;
        cand_add(c, e, EVT_PARTICIPANT);
    }
    /* وصل X ...، وذلك للقاء Y، وذلك لإجراء مباحثات مع Y: a meeting noun of
     * the purpose of what was told before is the meeting of that clause's
     * person */
    if (is_noun_class(c->cls) && !c->partake && c->tb > sb + 1 &&
        (has_clitic(&doc->tokens[c->tb], LAM) || has_clitic(&doc->tokens[c->tb - 1], LAM))) {
        int intro = 0;
        for (uint32_t k = c->tb - 2; k < c->tb; k++) {
            if (!purpose_intro(d, k))
                continue;
            intro = 1;
            int32_t e = person_before(d, sb, k, -1);
            if (e >= 0 && !cand_has(c, e)) {
                cand_add(c, e, EVT_PARTICIPANT);
                c->subj = e;
            }
            break;
        }
        /* يتوجه X إلى بنغازي للاجتماع بـY، وصل X ... لإجراء مباحثات مع Y: the
         * purpose of a journey told in the clause is a meeting of the
         * traveller */
        for (uint32_t k = c->tb; !intro && k > sb && k + EVT_WIN > c->tb; k--) {
            enum evt_cue q = cue_at(d, k - 1);
            if (q == EVT_C_HARD || q == EVT_C_BOUNDARY)
                break;
            if (d->tcls[k - 1] != EVT_T_ARRIVE)
                continue;
            /* the traveller: named right after the verb (وصل X إلى), else
             * before it (X سافر نيابة عن Y لإجراء ...) */
            int32_t e = -1;
            uint32_t a = k - 1, ae = a + (d->tlen[a] ? d->tlen[a] : 1);
            for (uint32_t j = ae; j < c->tb && j < ae + 8; j++) {
                int32_t m = mention_start(d, j);
                if (cue_at(d, j) == EVT_C_NONPART || (m >= 0 && mention_type(d, m) == NER_LOC))
                    break;
                if (m >= 0 && mention_type(d, m) == NER_PER) {
                    e = d->ents->mentions[m].entity;
                    break;
                }
            }
            if (e < 0)
                e = person_before(d, sb, a, -1);
            if (e >= 0 && !cand_has(c, e)) {
                cand_add(c, e, EVT_PARTICIPANT);
                c->subj = e;
            }
            break;
        }
    }
    /* لقاء بينه وبين Y: the pronoun stands for the person of the clause */
    if (is_noun_class(c->cls) && c->te + 1 < se) {
        for (uint32_t k = c->te; k < c->te + 3 && k + 1 < se; k++) {
            const struct txt_token *u = &doc->tokens[k], *v = &doc->tokens[k + 1];
            if (u->kind != TXT_WORD || NULL == u->base || v->kind != TXT_WORD || !has_clitic(v, WAW) ||
                NULL == v->base || !txt_str_is(v->base, "\xd8\xa8\xd9\x8a\xd9\x86")) /* و + بين */
                continue;
            if (!txt_str_is(u->base, "\xd8\xa8\xd9\x8a\xd9\x86\xd9\x87") && /* بينه */
                !txt_str_is(u->base, "\xd8\xa8\xd9\x8a\xd9\x86\xd9\x87\xd8\xa7")) /* بينها */
                continue;
            int32_t e = person_before(d, sb, c->tb, -1);
            if (e >= 0 && !cand_has(c, e)) {
                cand_add(c, e, EVT_PARTICIPANT);
                if (c->subj < 0)
                    c->subj = e;
            }
            break;
        }
    }
    /* لكنه لم يستبعد لقاء مع Y: a meeting noun with مع and nobody before it
     * in its clause, after a pronoun on a boundary or a complementizer, is
     * the meeting of the person the pronoun stands for */
    if (is_noun_class(c->cls) && with_seen && c->subj < 0 && !c->partake &&
        person_before(d, L, c->tb, -1) < 0 && (stop == EVT_C_COMP || stop == EVT_C_BOUNDARY) &&
        pronominal(doc, stop_tok, d->clen[stop_tok])) {
        int32_t e = -1;
        if (ci > 0 && d->cands[ci - 1].sent == s && d->cands[ci - 1].alive && !d->cands[ci - 1].rel)
            e = d->cands[ci - 1].subj;
        if (e < 0)
            e = person_before(d, sb, stop_tok, -1);
        if (e >= 0 && !cand_has(c, e)) {
            cand_add(c, e, EVT_PARTICIPANT);
            c->subj = e;
        }
    }
    drop_affiliations(d, c);
    if (c->cls == EVT_T_DISCUSS && !with_seen && !joint_subjects(d, c, R)) {
        c->alive = 0;
        return;
    }
    if (d->sports_doc) {
        int orgs = 0, all = 0;
        for (int i = 0; i < c->np; i++) {
            if (c->role[i] == EVT_ATTENDEE)
                continue;
            all++;
            orgs += entity_type(d, c->ent[i]) == NER_ORG;
        }
        if (all > 0 && orgs == all) {
            c->alive = 0;
            return;
        }
    }
    /* roles of receptions and visits */
    /* لدى استقباله X: the possessor of a reception noun hosts it */
    int nrec_host = c->cls == EVT_T_NRECEIVE && (c->flags & EVT_TF_POSS) && c->subj >= 0;
    /* ... but خلال استقباله من قبل X: he was received */
    for (uint32_t k = c->te; nrec_host && k + 1 < se && k < c->te + 8; k++)
        if (tok_is(&doc->tokens[k], "\xd9\x85\xd9\x86") && /* من */
            (tok_is(&doc->tokens[k + 1], "\xd9\x82\xd8\xa8\xd9\x84") || /* قبل */
             tok_is(&doc->tokens[k + 1], "\xd8\xb7\xd8\xb1\xd9\x81"))) /* طرف */
            nrec_host = 0;
    /* وكان في استقباله X، وكان على رأس مستقبليه X: X received him */
    int nrec_guest = 0;
    if (nrec_host) {
        const struct txt_token *tt = &doc->tokens[c->tb];
        nrec_guest = (c->tb > sb && tok_is(&doc->tokens[c->tb - 1], "\xd9\x81\xd9\x8a")) || /* في */
                     0 == strncmp(tt->base, "\xd9\x85\xd8\xb3\xd8\xaa\xd9\x82\xd8\xa8\xd9\x84", 10); /* مستقبل */
    }
    if (c->cls == EVT_T_RECEIVE || c->cls == EVT_T_VISIT || nrec_host) {
        int guest = c->cls == EVT_T_VISIT || nrec_guest;
        enum evt_role rs = !guest ? EVT_HOST : EVT_VISITOR;
        enum evt_role ro = !guest ? EVT_VISITOR : EVT_HOST;
        for (int i = 0; i < c->np; i++)
            if (c->role[i] != EVT_ATTENDEE)
                c->role[i] = (uint8_t)(c->ent[i] == c->subj ? rs : ro);
    }
    if (c->cls == EVT_T_NVISIT && (c->flags & EVT_TF_POSS))
        visit_addressees(d, c, sb);
    int in_visit = is_verb_class(c->cls) && visit_frame(d, c, sb, R);
    if (in_visit)
        c->several = 1;
    read_location(d, c, L, R, sb, se);
    if (c->loc < 0 && (in_visit || c->addressed))
        visit_destination(d, ci, c);
    if (host_place) {
        uint32_t k = c->te;
        while (k < se && k < c->te + 3 && mention_start(d, k) < 0)
            k++;
        int32_t m = k < se ? mention_start(d, k) : -1;
        if (m >= 0 && mention_type(d, m) == NER_LOC) {
            c->loc = d->ents->mentions[m].entity;
            c->loc_rank = 3;
            c->loc_dist = (int)(k - c->te);
        }
    }
    /* قال X إن دعوة Y لزيارة ... مطروحة، وقدم له الدعوة لزيارة مصر: the
     * inviter of an invitation noun is the person named before it in the
     * sentence (the speaker, the subject) */
    if ((c->flags & EVT_TF_INVITE) && is_noun_class(c->cls)) {
        /* the persons named before it, nearest first, that are not in yet */
        for (uint32_t k = c->tb; k > sb && k + 2 * EVT_WIN > c->tb && cand_nparties(c) < 2; k--) {
            int32_t m = mention_start(d, k - 1);
            int32_t e = m >= 0 && mention_type(d, m) == NER_PER ? d->ents->mentions[m].entity : -1;
            /* (ووجه العاهل الأردني دعوة: an unnamed title that refers back to a person) */
            if (m < 0 && !in_mention(d, k - 1) && d->title_link && d->title_link[k - 1] >= 0)
                e = d->title_link[k - 1];
            if (e >= 0 && !cand_has(c, e))
                cand_add(c, e, EVT_PARTICIPANT);
        }
    }
    /* an invitation of one party only (تلقى X دعوة لزيارة عدن): a trip */
    if ((c->flags & EVT_TF_INVITE) && cand_nparties(c) < 2) {
        c->alive = 0;
        return;
    }
    if (c->cls == EVT_T_NOUN)
        session_organizer(d, c, se);
    read_time(d, c, L, R, sb);
    read_status(d, c, sb, R, L);
    /* أعلن X اليوم أنه سيلتقي Y: the reporting clause's day dates the
     * announcement, not a meeting still to come */
    if (c->tmx >= 0 && !c->tmx_near && c->status != EVT_OCCURRED)
        c->tmx = -1;
    if (in_visit)
        visit_time(d, ci, c);
}

/* ------------------------------------------------------------------------ */
/* merging */

/* Do two time expressions (indices into the document's) name compatible
 * times, resolved with the given tenses? */
static int
times_agree_f(const struct dstate *d, int32_t ta, int fa, int32_t tb, int fb)
{
    const struct tmx_expr *x = &d->tx[ta], *y = &d->tx[tb];
    if (x->grain == TMX_VAGUE || y->grain == TMX_VAGUE)
        return 1;
    char va[24], vb[24];
    int ha = tmx_resolve(x, d->dct, fa, va, sizeof(va));
    int hb = tmx_resolve(y, d->dct, fb, vb, sizeof(vb));
    if (!ha || !hb)
        return 1;
    /* a day inside a month or year is no conflict */
    size_t n = strlen(va) < strlen(vb) ? strlen(va) : strlen(vb);
    if (strchr(va, 'W') || strchr(vb, 'W'))
        return 0 == strcmp(va, vb);
    return 0 == strncmp(va, vb, n);
}

static int
same_time(const struct dstate *d, const struct cand *a, const struct cand *b)
{
    if (a->tmx < 0 || b->tmx < 0)
        return 1;
    return times_agree_f(d, a->tmx, a->future, b->tmx, b->future);
}

static int
times_agree(const struct dstate *d, int32_t ta, int32_t tb)
{
    return times_agree_f(d, ta, 0, tb, 0);
}

/* Do the lexicons know that neither of two places lies in the other (جدة
 * and الولايات المتحدة; two countries)? lq_place_within() on their names.
 * (Not a reason to keep two tellings apart: a topic's place, للأشقاء في
 * اليمن, often stands where a venue would.) */
static int
places_apart(const struct dstate *d, int32_t x, int32_t y)
{
    const struct ent_entity *E = d->ents->entities;
    if (x < 0 || y < 0 || x == y || NULL == E[x].name || NULL == E[y].name)
        return 0;
    return 0 == lq_place_within(d->ctx->lex, E[x].name, E[y].name) &&
           0 == lq_place_within(d->ctx->lex, E[y].name, E[x].name);
}

/* Are the places of a and b compatible (the same, or a site in a city)? */
static int
same_place(const struct dstate *d, const struct cand *a, const struct cand *b)
{
    if (a->loc < 0 || b->loc < 0 || a->loc == b->loc || a->headline || b->headline)
        return 1;
    if (a->loc_rank < 2 || b->loc_rank < 2)
        return 1;
    /* a city in a country, a palace in a city: compatible; two cities, or a
     * city and a region, are not */
    int sa = loc_spec(d, a->loc), sb = loc_spec(d, b->loc);
    if (sa > sb) {
        int t = sa;
        sa = sb;
        sb = t;
    }
    return sa <= 1 || (sb >= 4 && sa != sb);
}

static int
anaphoric(const struct cand *c);

/*
 * استقبل X اليوم Y ... ويعقد الوزيران جلسة مباحثات: the two of a meeting
 * that took place, told again in the present tense with no time of its own
 * in the same or the next sentence, are still at that meeting, not at
 * another one to come.
 */
static int
held_on(const struct cand *p, const struct cand *c)
{
    return p->status == EVT_OCCURRED && c->tense_plan && !c->tmx_near &&
           c->sent <= p->last_sent + 1;
}

/* Move what b says into a; b's new names become attendees when @p as_att. */
static void
absorb(const struct dstate *d, struct cand *a, const struct cand *b, int as_att)
{
    /* أرجئ الاجتماع، ألغي اللقاء: news of a cancellation is the meeting's status */
    if (b->status == EVT_NEGATED && b->cue && anaphoric(b) && a->status != EVT_NEGATED)
        a->status = EVT_NEGATED;
    for (int i = 0; i < b->np; i++)
        cand_add(a, b->ent[i], as_att ? EVT_ATTENDEE : (enum evt_role)b->role[i]);
    if (b->loc >= 0 && b->loc != a->loc) {
        /* a place said in a sentence beats one inherited; between two said,
         * the more specific (الدوحة over قطر), then the nearer */
        int sa = loc_spec(d, a->loc), sb = loc_spec(d, b->loc);
        int take = a->loc < 0 || (b->loc_rank > a->loc_rank && (a->loc_rank < 2 || sb >= sa)) ||
                   (a->headline && !a->hl_fixed && !b->headline && b->loc_rank >= a->loc_rank) ||
                   (b->loc_rank >= 2 && sb > sa && !places_apart(d, a->loc, b->loc));
        if (take) {
            a->loc = b->loc;
            a->loc_rank = b->loc_rank;
            a->loc_dist = b->loc_dist;
        }
    }
    if (b->tmx >= 0 && (a->tmx < 0 || (b->tmx_near && !a->tmx_near))) {
        /* a meeting told with no time and no word of its status, then with
         * a time still to come (قد يتم في الشهر المقبل): planned */
        if (a->tmx < 0 && EVT_OCCURRED == a->status && !a->cue &&
            (EVT_PLANNED == b->status || EVT_UNCERTAIN == b->status))
            a->status = b->status;
        a->tmx = b->tmx;
        a->tmx_near = b->tmx_near;
    }
    if (a->subj < 0)
        a->subj = b->subj;
    /* يلتقي X Y و Z ... سيعقد اجتماعات مع Y و Z: one meeting with each */
    if ((b->flags & EVT_TF_PL) && b->subj >= 0 && b->subj == a->subj)
        a->several = 1;
    if (b->last_sent > a->last_sent)
        a->last_sent = b->last_sent;
    a->nmerged += b->nmerged;
    a->cue |= b->cue;
    if (b->argdist < a->argdist)
        a->argdist = b->argdist;
}

static int
overlap(const struct cand *a, const struct cand *b, int *inter, int *uni)
{
    int na = 0, nb = 0, in = 0;
    for (int i = 0; i < a->np; i++)
        if (a->role[i] != EVT_ATTENDEE)
            na++;
    for (int i = 0; i < b->np; i++) {
        if (b->role[i] == EVT_ATTENDEE)
            continue;
        nb++;
        for (int j = 0; j < a->np; j++)
            if (a->ent[j] == b->ent[i] && a->role[j] != EVT_ATTENDEE)
                in++;
    }
    *inter = in;
    *uni = na + nb - in;
    return in;
}

static int
shares_party(const struct cand *a, const struct cand *b)
{
    int in, un;
    return overlap(a, b, &in, &un) > 0;
}

/* An anaphoric noun (اللقاء، لقائه، هذا الاجتماع) may refer to a meeting before. */
static int
anaphoric(const struct cand *c)
{
    return is_noun_class(c->cls) && !(c->flags & EVT_TF_PL) &&
           ((c->flags & (EVT_TF_DEF | EVT_TF_POSS)) || c->demonst);
}

/* The latest kept event of the last sentences that @p c may refer to. */
static struct cand *
antecedent(struct dstate *d, const struct cand *c, const size_t *order, size_t nk, int need2)
{
    /* الرئيسان and هذا اللقاء reach further back than a bare "the meeting" */
    uint32_t reach = need2 || c->demonst ? 3 * EVT_ANAPHOR_SENTS : EVT_ANAPHOR_SENTS;
    for (size_t k = nk; k-- > 0 && k + EVT_MERGE_BACK >= nk;) {
        struct cand *p = &d->cands[order[k]];
        if (p->sent + reach < c->sent)
            break;
        if (need2 && cand_nparties(p) < 2)
            continue;
        if (!same_place(d, p, c) || !same_time(d, p, c))
            return NULL;
        return p;
    }
    return NULL;
}

/*
 * الوزيران، الرئيسان، الزعيمان: the two persons named last before the dual
 * whose stated title holds its singular (وزير، رئيس، زعيم), unless the
 * parties of the latest meeting (@p order, @p nk kept so far) fit the dual.
 * Adds them to @p c and returns 1, or 0 when the latest meeting's parties
 * are the better reading or fewer than two persons are found.
 */
static int
dual_by_title(const struct dstate *d, struct cand *c, const size_t *order, size_t nk)
{
    if (c->dual_tok < 0)
        return 0;
    const struct txt_token *t = &d->doc->tokens[c->dual_tok];
    const char *w = t->base ? t->base : t->key;
    size_t n = w ? strlen(w) : 0;
    const char *al = "\xd8\xa7\xd9\x84", *an = "\xd8\xa7\xd9\x86", *yn = "\xd9\x8a\xd9\x86"; /* ال ان ين */
    if (n > 4 && 0 == strncmp(w, al, 4)) {
        w += 4;
        n -= 4;
    }
    if (n < 4 + 3 * 2 || (0 != strcmp(w + n - 4, an) && 0 != strcmp(w + n - 4, yn)))
        return 0;
    char stem[64];
    if (n - 4 >= sizeof(stem))
        return 0;
    memcpy(stem, w, n - 4);
    stem[n - 4] = '\0';
    const struct ent_result *er = d->ents;
    /* the latest meeting's two parties, when their titles agree with the
     * dual (or one is the other's counterpart, نظيره): those */
    for (size_t k = nk; k-- > 0 && k + EVT_MERGE_BACK >= nk;) {
        const struct cand *p = &d->cands[order[k]];
        if (p->sent + 3 * EVT_ANAPHOR_SENTS < c->sent)
            break;
        if (cand_nparties(p) < 2)
            continue;
        int agree = 1;
        for (int i = 0; i < p->np && agree; i++) {
            if (p->role[i] == EVT_ATTENDEE)
                continue;
            const char *title = er->entities[p->ent[i]].title;
            char tk[256];
            if (NULL == title)
                continue;
            txt_fold(title, strlen(title), tk, sizeof(tk));
            agree = NULL != strstr(tk, stem) ||
                    NULL != strstr(tk, "\xd9\x86\xd8\xb8\xd9\x8a\xd8\xb1"); /* نظير */
        }
        if (agree)
            return 0;
        break;
    }
    int32_t found[2] = { -1, -1 };
    int nf = 0;
    uint32_t lo = c->dual_tok > 4 * EVT_WIN ? (uint32_t)c->dual_tok - 4 * EVT_WIN : 0;
    for (uint32_t j = (uint32_t)c->dual_tok; j > lo && nf < 2; j--) {
        int32_t m = er->tok_mention[j - 1];
        if (m < 0 || mention_type(d, m) != NER_PER || er->mentions[m].tok_begin != j - 1)
            continue;
        int32_t e = er->mentions[m].entity;
        if (e < 0 || e == found[0] || NULL == er->entities[e].title)
            continue;
        char tk[256];
        const char *title = er->entities[e].title;
        txt_fold(title, strlen(title), tk, sizeof(tk));
        if (strstr(tk, stem))
            found[nf++] = e;
    }
    if (nf < 2)
        return 0;
    cand_add(c, found[1], EVT_PARTICIPANT);
    cand_add(c, found[0], EVT_PARTICIPANT);
    return 1;
}

/* Does the name begin with the head noun @p head, with or without ال? */
static int
headed_by(const char *name, const char *head)
{
    static const char al[] = "\xd8\xa7\xd9\x84"; /* ال */
    if (0 == strncmp(name, al, 4))
        name += 4;
    if (0 == strncmp(head, al, 4))
        head += 4;
    size_t n = strlen(head);
    return n > 0 && 0 == strncmp(name, head, n) && (name[n] == ' ' || name[n] == '\0');
}

/*
 * لقاء تشاوري مع الأحزاب السياسية ... وقال X، عضو المكتب السياسي لحزب Y:
 * a meeting with a plural of bodies (cues.txt class `members`) was held with
 * their people; the speakers of the next sentences whose affiliation is such
 * a body (حزب ...) took part in it. The run ends at the next meeting.
 */
static void
group_speakers(struct dstate *d, const size_t *order, size_t nk)
{
    const struct txt_doc *doc = d->doc;
    int groups = 0; /* bounded work: at most EVT_GROUP_MAX such meetings a document */
    for (size_t k = 0; k < nk && groups < EVT_GROUP_MAX; k++) {
        struct cand *c = &d->cands[order[k]];
        const struct txt_sentence *st = &doc->sents[c->sent];
        const char *head = NULL;
        for (uint32_t j = c->te; j + 1 < st->tok_end && j < c->te + EVT_WIN && NULL == head; j++) {
            if (cue_at(d, j) != EVT_C_WITH || cue_at(d, j + 1) != EVT_C_MEMBERS)
                continue;
            const char *v = lex_get(d->ctx->lex->cues, doc->tokens[j + 1].base);
            const char *sp = v ? strchr(v, ' ') : NULL;
            if (sp && sp[1])
                head = sp + 1;
        }
        if (NULL == head || c->status != EVT_OCCURRED)
            continue;
        groups++;
        for (uint32_t s = c->sent + 1; s < doc->nsents && s <= c->last_sent + EVT_GROUP_SENTS; s++) {
            /* another meeting told, or one told by a verb (merged or not) */
            const struct txt_sentence *ss = &doc->sents[s];
            int other = 0;
            for (size_t q = 0; q < nk && !other; q++)
                other = q != k && d->cands[order[q]].sent == s;
            for (uint32_t j = ss->tok_begin; j < ss->tok_end && !other; j++)
                other = d->cand_at[j] >= 0 && is_verb_class(d->cands[d->cand_at[j]].cls);
            if (other)
                break;
            /* every verb of saying at a clause's head: وقال X ...، وقال Y */
            for (uint32_t j = ss->tok_begin; j < ss->tok_end; j++) {
                if (cue_at(d, j) != EVT_C_SPEECH)
                    continue;
                uint32_t from = j > ss->tok_begin + 1 ? j - 2 : ss->tok_begin;
                int32_t e = speaker_before(d, from, ss->tok_end);
                if (e < 0 || (size_t)e >= d->ents->nentities)
                    continue;
                int32_t org = d->ents->entities[e].affiliation;
                if (org < 0 || (size_t)org >= d->ents->nentities ||
                    d->ents->entities[org].type != NER_ORG || NULL == d->ents->entities[org].name ||
                    !headed_by(d->ents->entities[org].name, head))
                    continue;
                cand_add(c, e, EVT_PARTICIPANT);
            }
        }
    }
}

/* في قمة مجموعة العشرين، على هامش قمة X: is the noun of candidate c, whose
 * only parties are bodies, the occasion or venue of another meeting of the
 * same sentence with persons among its parties? The body is then no party
 * of a meeting of its own (a body takes part only when no one is named). */
static int
occasion_of_other(const struct dstate *d, const struct cand *c)
{
    if (!is_noun_class(c->cls) || c->tb == 0)
        return 0;
    int bodies = 0;
    for (int k = 0; k < c->np; k++) {
        if (c->role[k] == EVT_ATTENDEE)
            continue;
        if (entity_type(d, c->ent[k]) != NER_ORG)
            return 0;
        bodies++;
    }
    if (0 == bodies)
        return 0;
    const struct txt_token *t = &d->doc->tokens[c->tb], *pv = &d->doc->tokens[c->tb - 1];
    int venue = tok_is(pv, "\xd9\x81\xd9\x8a") /* في */ || has_clitic(t, BA) ||
                cue_at(d, c->tb - 1) == EVT_C_OCCASION || (c->tb > 1 && cue_at(d, c->tb - 2) == EVT_C_OCCASION);
    if (!venue)
        return 0;
    /* (the candidates are in text order: only those of c's sentence) */
    size_t ci = (size_t)(c - d->cands), lo = ci, hi = ci + 1;
    while (lo > 0 && d->cands[lo - 1].sent == c->sent)
        lo--;
    while (hi < d->ncands && d->cands[hi].sent == c->sent)
        hi++;
    for (size_t i = lo; i < hi; i++) {
        const struct cand *p = &d->cands[i];
        if (p == c || !p->alive || p->sent != c->sent || cand_nparties(p) < 2)
            continue;
        for (int k = 0; k < p->np; k++)
            if (p->role[k] != EVT_ATTENDEE && entity_type(d, p->ent[k]) == NER_PER)
                return 1;
    }
    return 0;
}

/*
 * ورافق الرئيس X، Y، وZ; ويرافق X في جولته Y; وحضره من الجانب الآخر Y: a
 * sentence that opens with an attend cue and tells no meeting of its own
 * names the people who attend the meeting told last (in the two sentences
 * before).
 */
static void
companions(struct dstate *d, const size_t *order, size_t nk)
{
    const struct txt_doc *doc = d->doc;
    const struct ent_result *er = d->ents;
    size_t m = 0; /* mentions walk with the sentences */
    for (size_t s = 1; s < doc->nsents && nk > 0; s++) {
        uint32_t sb = doc->sents[s].tok_begin, se = doc->sents[s].tok_end;
        int opens = 0;
        for (uint32_t k = sb; k < se && k < sb + 2 && !opens; k++)
            opens = cue_at(d, k) == EVT_C_ATTEND;
        if (!opens)
            continue;
        struct cand *p = NULL;
        int own = 0;
        for (size_t k = 0; k < nk; k++) {
            struct cand *c = &d->cands[order[k]];
            if (c->sent == s || c->last_sent == s)
                own = 1;
            if (c->sent < s && c->last_sent + 2 >= s && (NULL == p || c->last_sent >= p->last_sent))
                p = c;
        }
        if (own || NULL == p)
            continue;
        while (m < er->nmentions && er->mentions[m].tok_begin < sb)
            m++;
        for (size_t k = m; k < er->nmentions && er->mentions[k].tok_begin < se; k++) {
            const struct ent_mention *mn = &er->mentions[k];
            if (mn->type != NER_PER || mn->entity < 0 || cand_has(p, mn->entity))
                continue;
            cand_add(p, mn->entity, EVT_ATTENDEE);
        }
    }
}

static void
merge_all(struct dstate *d, size_t *order, size_t *nkept)
{
    size_t nk = 0;
    for (size_t i = 0; i < d->ncands; i++) {
        struct cand *c = &d->cands[i];
        if (!c->alive)
            continue;
        if (occasion_of_other(d, c)) {
            c->alive = 0;
            continue;
        }
        int np = cand_nparties(c);
        int ana = anaphoric(c);
        if (np == 1 && c->dual && c->subj >= 0 && !c->dual_gen) {
            /* وبحث X مع الوزيرين: the latest meeting of X with two others */
            struct cand *p = antecedent(d, c, order, nk, 1);
            if (p && cand_has(p, c->subj) && cand_nparties(p) == 3 &&
                (p->status == c->status || !c->cue)) {
                absorb(d, p, c, 0);
                c->alive = 0;
                continue;
            }
        }
        if (np == 0 && c->dual && dual_by_title(d, c, order, nk)) {
            /* الوزيران: the two ministers named last; one meeting with the
             * latest event when it is the same */
            struct cand *p = antecedent(d, c, order, nk, 1);
            int in = 0, un = 0;
            overlap(p ? p : c, c, &in, &un);
            if (p && 2 == in && (p->status == c->status || ana || !c->cue || held_on(p, c))) {
                absorb(d, p, c, 0);
                c->alive = 0;
                continue;
            }
            order[nk++] = i;
            continue;
        }
        if (np == 0 && c->dual) {
            /* الرئيسان: the two parties of the latest meeting */
            struct cand *p = antecedent(d, c, order, nk, 1);
            if (p && (p->status == c->status || ana || !c->cue || held_on(p, c))) {
                if (c->loc_dist > 4 || c->loc_rank < 3)
                    c->loc = -1;
                absorb(d, p, c, 0);
                c->alive = 0;
                continue;
            }
            if (p) {
                for (int k = 0; k < p->np; k++)
                    if (p->role[k] != EVT_ATTENDEE)
                        cand_add(c, p->ent[k], (enum evt_role)p->role[k]);
                if (c->loc < 0 && p->loc >= 0) {
                    c->loc = p->loc;
                    c->loc_rank = p->loc_rank;
                }
                if (c->tmx < 0 && p->tmx >= 0) {
                    c->tmx = p->tmx; /* the same visit: the same day */
                    c->tmx_near = 0;
                }
                order[nk++] = i;
                continue;
            }
        }
        if (np == 0 || c->demonst) {
            /* a bare "the meeting", "this meeting": the latest event */
            struct cand *p = (ana || np == 0) && is_noun_class(c->cls)
                                 ? antecedent(d, c, order, nk, 0) : NULL;
            if (p) {
                int in, un;
                overlap(p, c, &in, &un);
                if (c->loc_dist > 4 || c->loc_rank < 3)
                    c->loc = -1; /* a place far from a bare noun is not its venue */
                absorb(d, p, c, np > 0 && in == 0 && cand_nparties(p) >= 2 && !c->demonst);
                c->alive = 0;
                continue;
            }
            if (np == 0 || c->demonst) {
                c->alive = 0; /* هذا الاجتماع with no meeting before: nothing to add to */
                continue;
            }
        }
        if (c->partake) {
            /* وشارك في الاجتماع X: X is a party of the meeting told before */
            struct cand *p = antecedent(d, c, order, nk, 0);
            if (p && p->status == c->status) {
                if (c->loc_dist > 4 || c->loc_rank < 3)
                    c->loc = -1;
                absorb(d, p, c, 0);
                c->alive = 0;
                continue;
            }
        }
        if (ana && (c->flags & EVT_TF_DEF) && !(c->flags & EVT_TF_POSS) && !c->dual_gen) {
            /* وشارك في حفل الاستقبال X: new names around a bare "the
             * reception" right after a meeting attend that meeting */
            struct cand *p = antecedent(d, c, order, nk, 1);
            int in = 0, un = 0;
            if (p && p->sent + EVT_ANAPHOR_SENTS + 1 >= c->sent && p->status == c->status &&
                !overlap(p, c, &in, &un)) {
                absorb(d, p, c, 1);
                c->alive = 0;
                continue;
            }
        }
        int merged = 0;
        for (size_t k = nk; k-- > 0 && k + EVT_MERGE_BACK >= nk;) {
            struct cand *p = &d->cands[order[k]];
            int in, un;
            if (!overlap(p, c, &in, &un))
                continue;
            int np_p = cand_nparties(p);
            int subset = in == np || in == np_p;
            int small = np < np_p ? np : np_p;
            int near = p->sent == c->sent || ana || p->headline || c->headline;
            /* ... or a meeting told with one named party, then again with
             * the others in the next sentences (استقبل X وفدا ... وضم الوفد Y و Z
             * الذين التقاهم X) */
            int ok = 2 * in >= un ||
                     (subset && (small >= 2 || near || (1 == np_p && c->sent <= p->last_sent + 2)));
            /* far apart, one shared name is not enough; nor for لقاءات (several
             * meetings) told in another sentence */
            if (ok && in < 2 && p->sent + 6 < c->sent && !ana)
                ok = 0;
            /* (... but لم يعقد أي لقاءات ... نفى لقاءه: what is denied is one
             * matter, told again) */
            if (ok && in < 2 && p->sent != c->sent && ((c->flags | p->flags) & EVT_TF_PL) &&
                !(EVT_NEGATED == p->status && EVT_NEGATED == c->status))
                ok = 0;
            /* the welcome at the airport and the talks after it: two */
            if (ok && p->airport != c->airport && p->sent != c->sent)
                ok = 0;
            /* one person meeting two unnamed others in two sentences told by
             * verbs: two meetings (التقى X مع أعضاء الوفد ... واستقبل X وزير
             * خارجية Y) */
            if (ok && 1 == np && 1 == np_p && p->sent != c->sent && !ana && p->unnamed_obj &&
                c->unnamed_obj && is_verb_class(p->cls) && is_verb_class(c->cls))
                ok = 0;
            /* من جهة أخرى، يعقد X اجتماعا مع Y و Z: another matter, another
             * meeting, unless the very same parties */
            if (ok && d->sent_newtopic[c->sent] && p->sent != c->sent && !(in == np && in == np_p))
                ok = 0;
            if (!ok)
                continue;
            /* a headline takes the status of the first body mention merged
             * into it; after that it is like any other event */
            int open_hl = p->headline && !p->hl_fixed;
            /* (أهمية لقاء X و Y with no status of its own: the meeting told
             * before, whatever its status) */
            if (p->status != c->status && !ana && !open_hl && !(c->construct && !c->cue))
                continue;
            /* the same three parties or more, not yet held: one meeting,
             * whichever of its days each telling names (يومي الثاني والثالث) */
            int trio = in >= 3 && in == np && in == np_p && p->status == EVT_PLANNED &&
                       c->status == EVT_PLANNED;
            if (!same_place(d, p, c) || (!same_time(d, p, c) && !trio))
                continue;
            if (open_hl && p->status != c->status && !ana) {
                p->status = c->status; /* the body says more than the headline */
                p->future = c->future;
            }
            if (open_hl && !ana && !c->headline)
                p->hl_fixed = 1;
            absorb(d, p, c, 0);
            c->alive = 0;
            merged = 1;
            break;
        }
        if (!merged)
            order[nk++] = i;
    }
    *nkept = nk;
}

/* Is @p needle (a name) inside @p hay (a title), both as written? */
static int
name_in(const char *hay, const char *needle)
{
    return hay && needle && *needle && strlen(needle) < strlen(hay) + 1 && strstr(hay, needle);
}

/* Is the name @p a inside the longer name @p b, compared by match keys? */
static int
name_inside(const char *a, const char *b)
{
    char ka[256], kb[256];
    if (NULL == a || NULL == b)
        return 0;
    size_t na = txt_fold(a, strlen(a), ka, sizeof(ka));
    size_t nb = txt_fold(b, strlen(b), kb, sizeof(kb));
    return na > 0 && na < nb && nb < sizeof(kb) && NULL != strstr(kb, ka);
}

/* A party that the others' titles already stand for: an organization a
 * person of the meeting belongs to or heads (قائد القيادة المركزية X), an
 * organization inside a longer one, a person named inside another's title. */
static void
clean_parties(const struct dstate *d, struct cand *c)
{
    const struct ent_entity *E = d->ents->entities;
    int k = 0;
    for (int i = 0; i < c->np; i++) {
        int32_t e = c->ent[i];
        int drop = 0;
        for (int j = 0; j < c->np && !drop; j++) {
            int32_t p = c->ent[j];
            if (p == e || c->role[j] == EVT_ATTENDEE)
                continue;
            if (E[e].type == NER_ORG && E[p].type == NER_PER &&
                (E[p].affiliation == e || name_in(E[p].title, E[e].name)))
                drop = 1;
            if (E[e].type == NER_ORG && E[p].type == NER_ORG && name_inside(E[e].name, E[p].name))
                drop = 1;
            if (E[e].type == NER_PER && E[p].type == NER_PER && name_in(E[p].title, E[e].name))
                drop = 1;
        }
        if (!drop) {
            c->ent[k] = c->ent[i];
            c->role[k] = c->role[i];
            k++;
        }
    }
    c->np = k;
}

/* How many events a candidate makes: لقاءات (several meetings) of a named
 * subject with several named others make one each, anything else one. */
static int
split_count(const struct cand *c)
{
    if (!((c->flags & EVT_TF_PL) || c->several) || c->subj < 0)
        return 1;
    int nobj = 0, has_subj = 0;
    for (int i = 0; i < c->np; i++) {
        if (c->role[i] == EVT_ATTENDEE)
            continue;
        if (c->ent[i] == c->subj)
            has_subj = 1;
        else
            nobj++;
    }
    return has_subj && nobj >= 2 ? nobj : 1;
}

/* ------------------------------------------------------------------------ */
/* confidence: a logistic model over features of the event, fitted on the
 * dev set by server/event/calibrate.py (see the note there). */

/* Coefficients of the model, in the order of calibrate.py's features,
 * fitted with `server/event/calibrate.py ../shared/dev/gold RESPONSES` on the
 * service's answers for the 82 dev articles (130 events; L2 0.01). See the
 * report printed by calibrate.py for the reliability table; refit when the
 * rules change. */
#define EVT_LEAD 300 /* code points: an event told in the article's first lines */
static const double conf_w[] = {
    -0.965, /* bias */
    0.463,  /* the trigger is a verb */
    0.905,  /* two named parties or more */
    0.953,  /* two named persons or more */
    1.125,  /* a place */
    0.504,  /* a time */
    -0.010, /* a status other than occurred */
    0.420,  /* told in the first lines */
    0.347,  /* a reception (استقبل) */
};

static float
confidence(const struct dstate *d, const struct cand *c)
{
    int np = cand_nparties(c);
    int nper = 0;
    for (int i = 0; i < c->np; i++)
        if (c->role[i] != EVT_ATTENDEE && entity_type(d, c->ent[i]) == NER_PER)
            nper++;
    double x[9] = { 1.0,
                    is_verb_class(c->cls) ? 1.0 : 0.0,
                    np >= 2 ? 1.0 : 0.0,
                    nper >= 2 ? 1.0 : 0.0,
                    c->loc >= 0 ? 1.0 : 0.0,
                    c->tmx >= 0 ? 1.0 : 0.0,
                    c->status != EVT_OCCURRED ? 1.0 : 0.0,
                    d->doc->sents[c->sent].start < EVT_LEAD ? 1.0 : 0.0,
                    c->cls == EVT_T_RECEIVE ? 1.0 : 0.0 };
    double z = 0.0;
    for (int i = 0; i < 9; i++)
        z += conf_w[i] * x[i];
    double p = 1.0 / (1.0 + exp(-z));
    return (float)(floor(p * 100.0 + 0.5) / 100.0);
}

/* ------------------------------------------------------------------------ */

static int
is_hard_punct(const struct txt_token *t)
{
    static const char *const marks[] = { ".", "?", "!", ";", ":", "\xd8\x9f" /* ؟ */,
                                         "\xd8\x9b" /* ؛ */ };
    if (t->kind != TXT_PUNCT || NULL == t->surface)
        return 0;
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (0 == strcmp(t->surface, marks[i]))
            return 1;
    return 0;
}

/* د. م. أ.: a one-letter word before a full stop is an abbreviation */
static int
abbreviation(const struct txt_token *prev, const struct txt_token *dot)
{
    if (prev->kind != TXT_WORD || prev->end != dot->start || NULL == dot->surface ||
        0 != strcmp(dot->surface, "."))
        return 0;
    return prev->end - prev->start == 1;
}

static int
ends_with_ta_marbuta(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n >= 2 && 0 == strcmp(s + n - 2, "\xd8\xa9"); /* ة */
}

/* Does a relative pronoun stand before token j in its sentence (within a
 * window), so that a place at j belongs to a description (الذي كان في X)? */
static int
after_relative(const struct dstate *d, uint32_t sb, uint32_t j)
{
    for (uint32_t k = j, steps = 0; k > sb && steps < 2 * EVT_WIN; k--, steps++) {
        enum evt_cue q = cue_at(d, k - 1);
        if (q == EVT_C_RELATIVE)
            return 1;
        if (q == EVT_C_HARD)
            return 0;
    }
    return 0;
}

/* -، –، —: the dash of a dateline */
static int
is_dash(const struct txt_token *t)
{
    return t->kind == TXT_PUNCT && t->surface &&
           (0 == strcmp(t->surface, "-") || 0 == strcmp(t->surface, "\xe2\x80\x93") ||
            0 == strcmp(t->surface, "\xe2\x80\x94"));
}

/*
 * دعا X لزيارة Y، دعوة X إلى زيارة، الدعوة للقاء: an invitation is a meeting
 * only when a visit or meeting noun, with ل or after إلى, follows it within
 * a few words (past the invitee's name), or when it is accepted (تلبيتها);
 * دعا إلى وقف ... is no invitation, and no trigger at all. The cues of the
 * sentence must be known.
 */
/* تلبية الدعوة، حرصه على تلبيتها، لبى: an invitation accepted */
static int
accepting(const struct txt_token *t)
{
    static const char *const words[] = {
        "\xd8\xaa\xd9\x84\xd8\xa8\xd9\x8a\xd9\x87",                 /* تلبيه (تلبية) */
        "\xd8\xaa\xd9\x84\xd8\xa8\xd9\x8a\xd8\xaa\xd9\x87\xd8\xa7", /* تلبيتها */
        "\xd8\xaa\xd9\x84\xd8\xa8\xd9\x8a\xd8\xaa\xd9\x87",         /* تلبيته */
        "\xd9\x84\xd8\xa8\xd9\x8a",                                     /* لبي (لبى) */
        "\xd9\x8a\xd9\x84\xd8\xa8\xd9\x8a",                           /* يلبي */
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (tok_is(t, words[i]))
            return 1;
    return 0;
}

static int
invited_to_visit(const struct dstate *d, uint32_t te, uint32_t se)
{
    const struct txt_token *tk = d->doc->tokens;
    /* رحب X بدعوة Y، مؤكدا حرصه على تلبيتها: accepted, it will be held */
    for (uint32_t k = te; k < se && k < te + 16; k++)
        if (accepting(&tk[k]))
            return 1;
    for (uint32_t k = te; k < se && k < te + 10; k++) {
        enum evt_cue q = cue_at(d, k);
        if (q == EVT_C_HARD || q == EVT_C_BOUNDARY || q == EVT_C_COMP)
            return 0;
        if (d->tcls[k] != EVT_T_NVISIT && d->tcls[k] != EVT_T_NOUN)
            continue;
        int marked = has_clitic(&tk[k], LAM) ||
                     (k > te && (tok_is(&tk[k - 1], "\xd8\xa7\xd9\x84\xd9\x89") || /* الى */
                                 tok_is(&tk[k - 1], "\xd8\xa7\xd9\x84\xd9\x8a"))); /* الي */
        /* a visit of someone or somewhere named, or of him (لزيارته), not
         * of things (دعوة لزيارة المعارض) */
        uint32_t ke = k + (d->tlen[k] ? d->tlen[k] : 1);
        int named = (d->tflags[k] & EVT_TF_POSS) || (ke < se && mention_start(d, ke) >= 0);
        return marked && named;
    }
    return 0;
}

static int
prepare(struct dstate *d, struct lq_arena *arena)
{
    const struct txt_doc *doc = d->doc;
    const struct lq_lexicons *lex = d->ctx->lex;
    size_t n = doc->ntokens;
    size_t nn = n ? n : 1, ns = doc->nsents ? doc->nsents : 1;
    d->tcls = lq_arena_calloc(arena, nn, 1);
    d->tflags = lq_arena_calloc(arena, nn, sizeof(uint16_t));
    d->tlen = lq_arena_calloc(arena, nn, 1);
    d->ccls = lq_arena_calloc(arena, nn, 1);
    d->clen = lq_arena_calloc(arena, nn, 1);
    d->tmx_at = lq_arena_alloc(arena, nn * sizeof(int32_t));
    d->desc_at = lq_arena_alloc(arena, nn * sizeof(int32_t));
    d->cand_at = lq_arena_alloc(arena, nn * sizeof(int32_t));
    d->sent_first_per = lq_arena_alloc(arena, ns * sizeof(int32_t));
    d->headline = lq_arena_calloc(arena, ns, 1);
    d->sent_sports = lq_arena_calloc(arena, ns, 1);
    d->sent_newtopic = lq_arena_calloc(arena, ns, 1);
    d->coord_verb = lq_arena_calloc(arena, nn, 1);
    d->arr_loc = lq_arena_alloc(arena, ns * sizeof(int32_t));
    d->arr_per = lq_arena_alloc(arena, ns * sizeof(int32_t));
    d->arr_tmx = lq_arena_alloc(arena, ns * sizeof(int32_t));
    d->arr_fut = lq_arena_calloc(arena, ns, 1);
    if (!d->arr_loc || !d->arr_per || !d->arr_tmx || !d->arr_fut)
        return LQ_ERR_NOMEM;
    d->desc_person = lq_arena_alloc(arena, (d->ents->ndescriptors + 1) * sizeof(int32_t));
    d->org_holder = lq_arena_alloc(arena, (d->ents->nentities + 1) * sizeof(int32_t));
    if (!d->sent_sports || !d->sent_newtopic || !d->coord_verb || !d->desc_person || !d->org_holder)
        return LQ_ERR_NOMEM;
    for (size_t i = 0; i < d->ents->ndescriptors; i++)
        d->desc_person[i] = -2;
    for (size_t i = 0; i < d->ents->nentities; i++)
        d->org_holder[i] = -2;
    if (!d->tcls || !d->tflags || !d->tlen || !d->ccls || !d->clen || !d->tmx_at || !d->desc_at ||
        !d->cand_at || !d->sent_first_per || !d->headline)
        return LQ_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        d->tmx_at[i] = d->desc_at[i] = d->cand_at[i] = -1;
    for (size_t s = 0; s < doc->nsents; s++)
        d->sent_first_per[s] = d->arr_loc[s] = d->arr_per[s] = d->arr_tmx[s] = -1;
    /* which of triggers, cues and titles each token's base and key start:
     * one probe each, where the three lookups below and those of the title
     * links would each hash the word again, most of them for nothing */
    d->first = NULL;
    if (d->ctx->firsts) {
        d->first = lq_arena_alloc(arena, nn);
        if (NULL == d->first)
            return LQ_ERR_NOMEM;
        /* the entity stage has the bits of every base already, when it
         * used these lexicons (the same three bits of the same index) */
        const uint16_t *ef = d->ents->tok_first_lex == lex ? d->ents->tok_first : NULL;
        for (size_t i = 0; i < n; i++) {
            const struct txt_token *t = &doc->tokens[i];
            uint32_t mb;
            if (NULL != ef)
                mb = (ef[i] & ENT_TOK_FIRST_TRIGGERS ? EVT_FIRST_TRIGGER : 0u) |
                     (ef[i] & ENT_TOK_FIRST_CUES ? EVT_FIRST_CUE : 0u) |
                     (ef[i] & ENT_TOK_FIRST_TITLES ? EVT_FIRST_TITLE : 0u);
            else
                mb = lex_firsts_mask(d->ctx->firsts, t->base);
            uint32_t mk = t->key == t->base ? mb : lex_firsts_mask(d->ctx->firsts, t->key);
            d->first[i] = (uint8_t)(mb | EVT_FIRST_KEY(mk));
        }
    }
    int sports = 0, rc0 = LQ_OK;
    for (size_t s = 0; s < doc->nsents; s++) {
        size_t sb = doc->sents[s].tok_begin, se = doc->sents[s].tok_end;
        int invites = 0; /* an invitation among the sentence's triggers */
        size_t status_end = 0; /* end of the last status cue of two words or more */
        for (size_t i = sb; i < se; i++) {
            size_t k = 0;
            unsigned fl = 0;
            if (is_hard_punct(&doc->tokens[i]) &&
                !(i > sb && abbreviation(&doc->tokens[i - 1], &doc->tokens[i]))) {
                d->ccls[i] = EVT_C_HARD;
                d->clen[i] = 1;
                continue;
            }
            if (lex->triggers) {
                enum evt_tclass c = evt_match_trigger(lex->triggers, doc, i, se, d->first, &fl, &k);
                if (c != EVT_T_NONE && !in_mention(d, (uint32_t)i)) {
                    d->tcls[i] = (uint8_t)c;
                    d->tflags[i] = (uint16_t)fl;
                    invites |= (fl & EVT_TF_INVITE) != 0;
                    d->tlen[i] = (uint8_t)(k > 255 ? 255 : k);
                }
            }
            if (lex->cues) {
                enum evt_cue q = evt_match_cue(lex->cues, doc, i, se, d->first, &k);
                /* حضرة (an honorific) folds like حضره (attended it) */
                /* (برفقة، بمرافقة: an attend cue of its own) */
                if (q == EVT_C_ATTEND && ends_with_ta_marbuta(doc->tokens[i].surface) && doc->tokens[i].base &&
                    0 == strncmp(doc->tokens[i].base, "\xd8\xad\xd8\xb6\xd8\xb1", 6)) /* حضر */
                    q = EVT_C_NONE;
                /* لم يستبعد (uncertain): the يستبعد inside it (negated) is no cue */
                int status_q = q == EVT_C_NEGATED || q == EVT_C_UNCERTAIN || q == EVT_C_PLANNED ||
                               q == EVT_C_HABITUAL;
                if (status_q && i < status_end)
                    q = EVT_C_NONE;
                else if (status_q && k > 1)
                    status_end = i + k;
                if (q != EVT_C_NONE) {
                    d->ccls[i] = (uint8_t)q;
                    d->clen[i] = (uint8_t)(k > 255 ? 255 : k);
                    if (q == EVT_C_NEWTOPIC && i < sb + 3)
                        d->sent_newtopic[s] = 1;
                    if (q == EVT_C_SPORTS && !in_mention(d, (uint32_t)i)) {
                        sports++;
                        d->sent_sports[s] = 1;
                    }
                }
            }
        }
        for (size_t i = sb; i < se && invites; i++)
            if ((d->tflags[i] & EVT_TF_INVITE) &&
                !invited_to_visit(d, (uint32_t)(i + (d->tlen[i] ? d->tlen[i] : 1)), (uint32_t)se))
                d->tcls[i] = EVT_T_NONE, d->tflags[i] = 0, d->tlen[i] = 0;
        /* a headline: one of the first lines, short, a line of its own,
         * without a final full stop */
        if (s < 2 && doc->nsents > 1 && se > sb && se - sb <= 25 &&
            (doc->tokens[sb].flags & TXT_F_LINE_START) &&
            (se >= n || (doc->tokens[se].flags & TXT_F_LINE_START)) &&
            !(doc->tokens[se - 1].kind == TXT_PUNCT && is_hard_punct(&doc->tokens[se - 1])))
            d->headline[s] = 1;
    }
    d->sports_doc = sports >= 4;
    for (size_t i = 0; i < d->ents->ndescriptors; i++) {
        uint32_t b = d->ents->descriptors[i].tok_begin;
        if (b < n && d->desc_at[b] < 0)
            d->desc_at[b] = (int32_t)i;
    }
    /* the first person of each sentence, and the most mentioned person */
    d->main_person = -1;
    size_t best = 0;
    for (size_t i = 0; i < d->ents->nentities; i++) {
        if (d->ents->entities[i].type == NER_PER && d->ents->entities[i].nmentions > best) {
            best = d->ents->entities[i].nmentions;
            d->main_person = (int32_t)i;
        }
    }
    for (size_t i = 0; i < d->ents->nmentions; i++) {
        const struct ent_mention *m = &d->ents->mentions[i];
        if (m->sentence < doc->nsents && d->sent_first_per[m->sentence] < 0 && m->entity >= 0 &&
            mention_type(d, (int32_t)i) == NER_PER)
            d->sent_first_per[m->sentence] = m->entity;
    }
    /* time expressions */
    d->ntx = 0;
    if (d->ctx->tmx && n) {
        /* at most one expression per token, and a bound for long texts */
        size_t maxx = n < EVT_MAX_TIMEX ? n : EVT_MAX_TIMEX;
        /* not zeroed: tmx_scan() writes every entry below d->ntx, and no
         * other is read (an index into d->tx comes from those entries) */
        d->tx = lq_arena_alloc(arena, maxx * sizeof(struct tmx_expr));
        if (NULL == d->tx)
            return LQ_ERR_NOMEM;
        size_t found = 0;
        int rc = tmx_scan(d->ctx->tmx, doc, 0, n, d->tx, maxx, &found);
        if (LQ_OK != rc)
            return rc;
        d->ntx = found < maxx ? found : maxx;
        for (size_t i = 0; i < d->ntx; i++) {
            uint32_t b = d->tx[i].tok_begin;
            if (b < n && d->tmx_at[b] < 0)
                d->tmx_at[b] = (int32_t)i;
        }
    }
    rc0 = evt_title_links(lex, doc, d->ents, d->first, arena, &d->title_link);
    if (LQ_OK != rc0)
        return rc0;
    /* the lead's time: the first day or week said in the first sentences */
    d->lead_tmx = -1;
    for (size_t i = 0; i < d->ntx; i++) {
        const struct tmx_expr *e = &d->tx[i];
        if (e->tok_begin >= n || doc->tokens[e->tok_begin].sentence > 2)
            break;
        if ((e->grain == TMX_DAY || e->grain == TMX_WEEK) &&
            ((e->anchor == TMX_RELATIVE && e->offset <= 0) || e->anchor == TMX_WEEKDAY)) {
            d->lead_tmx = (int32_t)i;
            break;
        }
    }
    /* the place most often in a locative slot (في X، بـX) */
    d->doc_loc = -1;
    {
        struct cand probe;
        memset(&probe, 0, sizeof(probe));
        probe.cls = EVT_T_MEET;
        uint32_t first_body = 0;
        while (first_body + 1 < doc->nsents && d->headline[first_body])
            first_body++;
        d->lead_loc = -1;
        int32_t best_e = -1;
        int best_n = 0;
        int32_t *cnt = lq_arena_calloc(arena, d->ents->nentities + 1, sizeof(int32_t));
        if (NULL == cnt)
            return LQ_ERR_NOMEM;
        for (size_t i = 0; i < d->ents->nmentions; i++) {
            const struct ent_mention *m = &d->ents->mentions[i];
            if (m->entity < 0 || mention_type(d, (int32_t)i) != NER_LOC || m->sentence >= doc->nsents)
                continue;
            uint32_t msb = doc->sents[m->sentence].tok_begin;
            probe.cls = EVT_T_MEET;
            probe.tb = probe.te = m->tok_begin;
            /* زيارة X، زار X: the place visited, a venue twice over */
            int visited = m->tok_begin > msb && (d->tcls[m->tok_begin - 1] == EVT_T_VISIT ||
                                                 d->tcls[m->tok_begin - 1] == EVT_T_NVISIT);
            /* سيزور واشنطن: a trip still to come is no venue of the article */
            if (visited && (d->tflags[m->tok_begin - 1] & EVT_TF_FUT))
                continue;
            if (visited)
                probe.cls = EVT_T_NVISIT;
            if (!locative(d, &probe, msb, m->tok_begin))
                continue;
            /* the lead's place: the first venue of the headline or the first sentence */
            if (d->lead_loc < 0 && (d->headline[m->sentence] || m->sentence <= first_body) &&
                !after_relative(d, msb, m->tok_begin))
                d->lead_loc = m->entity;
            /* a place in a relative clause about a person describes a trip */
            if (person_relative(d, msb, m->tok_begin))
                continue;
            cnt[m->entity] += visited ? 2 : 1;
            int n2 = cnt[m->entity];
            if (n2 > best_n || (n2 == best_n && loc_spec(d, m->entity) > loc_spec(d, best_e))) {
                best_n = n2;
                best_e = m->entity;
            }
        }
        d->doc_loc = best_e;
        d->doc_loc_n = best_n;
        d->loc_n = cnt;
    }
    /* the dateline: a place at the start of one of the first lines, then a dash */
    d->dateline = -1;
    int lines = 0;
    for (size_t i = 0; i < n && lines <= 3 && d->dateline < 0; i++) {
        if (!(doc->tokens[i].flags & TXT_F_LINE_START) && i != 0)
            continue;
        lines++;
        int32_t m = mention_start(d, (uint32_t)i);
        /* هسبريس - الرباط on a line of its own: the agency, a dash, the city */
        if (m >= 0 && mention_type(d, m) == NER_ORG) {
            size_t k = d->ents->mentions[m].tok_end;
            int32_t m2 = k + 1 < n && is_dash(&doc->tokens[k]) ? mention_start(d, (uint32_t)(k + 1)) : -1;
            if (m2 >= 0 && mention_type(d, m2) == NER_LOC) {
                size_t e2 = d->ents->mentions[m2].tok_end;
                if (e2 >= n || (doc->tokens[e2].flags & TXT_F_LINE_START)) {
                    d->dateline = d->ents->mentions[m2].entity;
                    break;
                }
            }
        }
        if (m < 0 || mention_type(d, m) != NER_LOC)
            continue;
        for (size_t k = d->ents->mentions[m].tok_end; k < n && k < i + 10; k++) {
            const struct txt_token *t = &doc->tokens[k];
            /* بغداد – ...، بغداد (رويترز)، دمشق-سانا، بغداد/ المدى */
            if (t->kind == TXT_PUNCT && (is_dash(t) || 0 == strcmp(t->surface, "(") ||
                                         0 == strcmp(t->surface, "/"))) {
                d->dateline = d->ents->mentions[m].entity;
                break;
            }
            if (t->kind == TXT_WORD && !in_mention(d, (uint32_t)k) && d->tmx_at[k] < 0)
                break;
        }
    }
    return LQ_OK;
}

/* Arrivals (وصل X إلى Y، بعد وصوله إلى Y): per sentence, the place reached,
 * the person who arrives and the time said with it. They are no meetings;
 * a meeting of that person told in the next sentences without a place or
 * time of its own took place there and then. One pass, capped windows. */
static void
read_arrivals(struct dstate *d)
{
    const struct txt_doc *doc = d->doc;
    for (size_t s = 0; s < doc->nsents; s++) {
        const struct txt_sentence *st = &doc->sents[s];
        uint32_t sb = st->tok_begin, se = st->tok_end;
        for (uint32_t i = sb; i < se && d->arr_loc[s] < 0; i++) {
            if (d->tcls[i] != EVT_T_ARRIVE)
                continue;
            /* قبل أن يتوجه إلى X، قبيل مغادرته إلى X: a later leg of the trip */
            int later = 0;
            for (uint32_t k = i > sb + 3 ? i - 3 : sb; k < i; k++)
                later |= tok_is(&doc->tokens[k], "\xd9\x82\xd8\xa8\xd9\x84") || /* قبل */
                         tok_is(&doc->tokens[k], "\xd9\x82\xd8\xa8\xd9\x8a\xd9\x84"); /* قبيل */
            if (later)
                continue;
            struct cand probe;
            memset(&probe, 0, sizeof(probe));
            probe.cls = EVT_T_NVISIT; /* a place after إلى or لـ is the one reached */
            probe.tb = i;
            probe.te = i + (d->tlen[i] ? d->tlen[i] : 1);
            int32_t loc = -1, per = -1;
            for (uint32_t j = probe.te; j < se && j < probe.te + EVT_ARRIVE_WIN; j++) {
                enum evt_cue q = cue_at(d, j);
                if (q == EVT_C_HARD || q == EVT_C_BOUNDARY || q == EVT_C_COMP)
                    break;
                int32_t m = mention_start(d, j);
                if (m < 0)
                    continue;
                const struct ent_mention *mn = &d->ents->mentions[m];
                if (mention_type(d, m) == NER_PER && per < 0 && loc < 0)
                    per = mn->entity; /* وصل الرئيس X إلى */
                else if (mention_type(d, m) == NER_LOC && mn->entity >= 0 &&
                         j != probe.te && locative(d, &probe, sb, j)) {
                    loc = mn->entity;
                    break;
                }
                if (mn->tok_end > j + 1)
                    j = mn->tok_end - 1;
            }
            if (loc < 0)
                continue;
            /* X وصل، وصوله: the person before, then the first of the sentence */
            if (per < 0)
                per = person_before(d, sb, i, -1);
            if (per < 0 && s > 0 && (d->tflags[i] & EVT_TF_POSS))
                per = d->sent_first_per[s - 1];
            if (per < 0)
                continue;
            d->arr_loc[s] = loc;
            d->arr_per[s] = per;
            /* the time nearest the verb within the window, not a vague one */
            uint32_t lo = i > sb + EVT_ARRIVE_WIN ? i - EVT_ARRIVE_WIN : sb;
            uint32_t hi = i + EVT_ARRIVE_WIN < se ? i + EVT_ARRIVE_WIN : se;
            uint32_t best = UINT32_MAX;
            for (uint32_t j = lo; j < hi; j++) {
                int32_t x = d->tmx_at[j];
                if (x < 0 || d->tx[x].grain == TMX_VAGUE)
                    continue;
                uint32_t dist = j < i ? i - j : j - i;
                if (dist < best) {
                    best = dist;
                    d->arr_tmx[s] = x;
                }
            }
            /* ووصل X الخميس إلى البلد ... وبعد وصوله إلى العاصمة: a second
             * arrival of the same person on the trip, with no time of its
             * own, is on the day of the first */
            for (uint32_t k = 1; d->arr_tmx[s] < 0 && k <= EVT_ARRIVE_BACK && k <= s; k++)
                if (d->arr_loc[s - k] >= 0 && d->arr_per[s - k] == per) {
                    d->arr_tmx[s] = d->arr_tmx[s - k];
                    break;
                }
            d->arr_fut[s] = (d->tflags[i] & EVT_TF_FUT) ||
                            (d->arr_tmx[s] >= 0 && time_future(d, &d->tx[d->arr_tmx[s]]));
        }
    }
}

/* The arrival of a party of @p c told in its sentence or the sentences just
 * before, as a sentence index, or -1. */
static int32_t
arrival_for(const struct dstate *d, const struct cand *c)
{
    for (uint32_t k = 0; k <= EVT_ARRIVE_BACK && k <= c->sent; k++) {
        uint32_t s = c->sent - k;
        /* سيتوجه X إلى Y: an arrival still to come is the place of a
         * meeting still to come only, and one on another day of none; an
         * arrival that took place is the place of the meetings planned
         * for the visit too (وصل X إلى Y ... ومن المقرر أن يلتقي Z) */
        /* (... but a trip to come told in another sentence lends it only
         * to a meeting the traveller leads: سيصل X إلى موسكو ...، then
         * يعقد Y لقاء مع Z و X is another matter) */
        if (d->arr_loc[s] >= 0 && cand_has(c, d->arr_per[s]) &&
            (!d->arr_fut[s] || c->status == EVT_PLANNED) &&
            !(d->arr_fut[s] && s != c->sent && c->subj >= 0 && c->subj != d->arr_per[s]) &&
            !(c->tmx >= 0 && d->arr_tmx[s] >= 0 && c->tmx != d->arr_tmx[s] &&
              !times_agree(d, c->tmx, d->arr_tmx[s])))
            return (int32_t)s;
    }
    return -1;
}

/*
 * دعوة لحضور قمة مرتقبة في باريس ... واستقبل X Y: the place @p loc is the
 * venue the article names once, for a meeting still to come, so a meeting
 * that took place (@p c) borrows nothing from it. True when @p loc is in a
 * venue's slot once only, some kept meeting has it as a place of its own
 * and is planned, and none of @p c's status has.
 */
static int
future_venue(const struct dstate *d, const size_t *order, size_t nk, int32_t loc,
             const struct cand *c)
{
    if (c->status != EVT_OCCURRED || (d->loc_n && d->loc_n[loc] > 1))
        return 0; /* (a venue named more than once is the article's) */
    int planned = 0;
    for (size_t k = 0; k < nk; k++) {
        const struct cand *p = &d->cands[order[k]];
        if (p == c || p->loc != loc || p->loc_rank < 2)
            continue;
        if (p->status == c->status)
            return 0;
        planned |= p->status == EVT_PLANNED;
    }
    return planned;
}

/* زيارته الأخيرة، زيارتها السابقة، الزيارة الماضية: a visit noun that an
 * adjective right after it places before the one being told (unless خلال
 * or أثناء before it frames the meeting in that visit) */
static int
past_visit(const struct dstate *d, const struct cand *c)
{
    static const char *const adj[] = { "الاخيره", "الاخير", "السابقه", "السابق", "الماضيه",
                                       "الماضي" };
    const struct txt_token *tk = d->doc->tokens;
    uint32_t se = d->doc->sents[c->sent].tok_end;
    if (c->te >= se || TXT_WORD != tk[c->te].kind || NULL == tk[c->te].key)
        return 0;
    for (size_t i = 0; i < sizeof(adj) / sizeof(adj[0]); i++)
        if (txt_str_is(tk[c->te].key, adj[i]))
            return 1;
    return 0;
}

/* Weak triggers (a visit, an occasion, a relative clause) lend their place
 * and time to a meeting of their sentence unless they name two parties. */
static void
settle_weak(struct dstate *d)
{
    for (size_t i = 0; i < d->ncands; i++) {
        struct cand *c = &d->cands[i];
        if (!c->alive)
            continue;
        int weak = (c->flags & EVT_TF_WEAK) || c->rel || c->occasion;
        if (!weak)
            continue;
        int keep = (!c->rel && !c->occasion && c->cls != EVT_T_NVISIT && cand_nparties(c) >= 2) ||
                   c->addressed;
        if (keep && c->cls == EVT_T_VISIT && c->nright == 0)
            keep = 0; /* a trip with nobody met */
        if (keep)
            continue;
        /* a relative clause lends the place of a visit (الذي يزور مصر), not
         * that of another event it describes (مؤتمر ... الذي التأم في X) */
        int lend = c->cls == EVT_T_VISIT || c->cls == EVT_T_NVISIT || c->occasion;
        /* ... but a past visit with a time of its own (Y الذي زار X الشهر
         * الماضي) is another trip */
        if (c->rel && (c->flags & EVT_TF_PAST) && c->tmx >= 0)
            lend = 0;
        /* ... and so is a visit called the last or the previous one
         * (زيارته الأخيرة إلى X، زيارتها السابقة) */
        if (lend && is_noun_class(c->cls) && past_visit(d, c) &&
            !(c->tb > 0 && cue_at(d, c->tb - 1) == EVT_C_BARRIER))
            lend = 0; /* (خلال زيارته الأخيرة: the meeting was held on it) */
        size_t k0 = i > 32 ? i - 32 : 0, k1 = i + 32 < d->ncands ? i + 32 : d->ncands;
        struct cand *best = NULL;
        uint32_t best_d = UINT32_MAX;
        for (size_t k = k0; k < k1; k++) {
            struct cand *p = &d->cands[k];
            if (k == i || !p->alive || p->sent != c->sent || (p->flags & EVT_TF_WEAK) || p->rel ||
                p->occasion)
                continue;
            uint32_t dist = p->tb > c->tb ? p->tb - c->tb : c->tb - p->tb;
            if (dist >= best_d || dist > 2 * EVT_WIN)
                continue;
            /* قال X خلال اللقاء إن زيارته إلى Y ...: no lending across a
             * complementizer or a clause-final mark */
            uint32_t lo = p->tb < c->tb ? p->te : c->te, hi = p->tb < c->tb ? c->tb : p->tb;
            int apart = 0;
            for (uint32_t t = lo; t < hi && !apart; t++) {
                enum evt_cue q = cue_at(d, t);
                apart = q == EVT_C_COMP || q == EVT_C_HARD;
            }
            if (!apart) {
                best_d = dist;
                best = p; /* the meeting told nearest to the visit */
            }
        }
        if (best) {
            struct cand *p = best;
            if (lend && c->loc >= 0 && (p->loc < 0 || p->loc_rank < c->loc_rank)) {
                p->loc = c->loc;
                p->loc_rank = c->loc_rank;
                p->loc_dist = 99;
            }
            if (lend && p->tmx < 0 && c->tmx >= 0)
                p->tmx = c->tmx;
        }
        c->alive = 0;
    }
}

int
evt_extract(const struct evt_ctx *ctx, const struct txt_doc *doc, const struct ent_result *ents,
            const struct tmx_date *dct, struct lq_arena *arena, struct evt_result *out)
{
    out->events = NULL;
    out->nevents = 0;
    if (NULL == ctx || NULL == doc || NULL == ents || 0 == doc->ntokens)
        return LQ_OK;
    struct dstate d;
    memset(&d, 0, sizeof(d));
    d.ctx = ctx;
    d.doc = doc;
    d.ents = ents;
    d.dct = (dct && dct->year > 0) ? dct : NULL;
    int rc = prepare(&d, arena);
    if (LQ_OK != rc)
        return rc;
    size_t maxc = 0;
    for (size_t i = 0; i < doc->ntokens; i++)
        maxc += d.tcls[i] != EVT_T_NONE && d.tcls[i] != EVT_T_LIGHT && d.tcls[i] != EVT_T_ARRIVE;
    if (maxc > EVT_MAX_CANDS)
        maxc = EVT_MAX_CANDS;
    d.cands = lq_arena_calloc(arena, maxc ? maxc : 1, sizeof(struct cand));
    if (NULL == d.cands)
        return LQ_ERR_NOMEM;
    for (size_t s = 0; s < doc->nsents && d.ncands < maxc; s++) {
        const struct txt_sentence *st = &doc->sents[s];
        for (uint32_t i = st->tok_begin; i < st->tok_end && d.ncands < maxc; i++) {
            enum evt_tclass cls = (enum evt_tclass)d.tcls[i];
            if (cls == EVT_T_NONE || cls == EVT_T_LIGHT || cls == EVT_T_ARRIVE)
                continue;
            struct cand *c = &d.cands[d.ncands];
            memset(c, 0, sizeof(*c));
            c->tb = i;
            c->te = i + (d.tlen[i] ? d.tlen[i] : 1);
            if (c->te > st->tok_end)
                c->te = st->tok_end;
            c->sent = c->last_sent = (uint32_t)s;
            c->cls = cls;
            c->flags = d.tflags[i];
            c->subj = c->loc = c->tmx = -1;
            c->dual_tok = -1;
            c->nmerged = 1;
            c->alive = 1;
            d.cand_at[i] = (int32_t)d.ncands;
            build_cand(&d, d.ncands, (uint32_t)s);
            d.ncands++;
            i = c->te - 1;
        }
    }
    read_arrivals(&d);
    settle_weak(&d);
    size_t *order = lq_arena_alloc(arena, (d.ncands ? d.ncands : 1) * sizeof(size_t));
    if (NULL == order)
        return LQ_ERR_NOMEM;
    size_t nk = 0;
    merge_all(&d, order, &nk);
    group_speakers(&d, order, nk);
    companions(&d, order, nk);
    /* لقاءات مع X و Y: one meeting of the subject with each of them */
    size_t cap = 0;
    for (size_t k = 0; k < nk; k++)
        cap += (size_t)split_count(&d.cands[order[k]]);
    out->events = lq_arena_calloc(arena, cap ? cap : 1, sizeof(struct evt_event));
    if (NULL == out->events)
        return LQ_ERR_NOMEM;
    size_t ne = 0;
    int32_t last_loc = -1, last_tmx = -1;
    const struct cand *last_ev = NULL;
    uint32_t last_loc_sent = 0, last_tmx_sent = 0;
    enum evt_status last_status = EVT_OCCURRED;
    for (size_t k = 0; k < nk; k++) {
        struct cand *c = &d.cands[order[k]];
        clean_parties(&d, c);
        int32_t arr = arrival_for(&d, c);
        if (c->loc < 0 && arr >= 0)
            c->loc = d.arr_loc[arr], c->loc_rank = 1;
        /* no place said: the place of the meeting just before, the dateline,
         * the place the article keeps coming back to */
        /* a habit has no one place: none is borrowed for it */
        /* ... nor an invitation: it is to come where the inviter is, not
         * where the article was written */
        int borrow = c->status != EVT_HABITUAL && !(c->flags & EVT_TF_INVITE);
        if (borrow && c->loc < 0 && last_loc >= 0 && c->sent <= last_loc_sent + 3 && last_ev &&
            shares_party(last_ev, c) && same_time(&d, last_ev, c) && last_ev->status == c->status)
            c->loc = last_loc, c->loc_rank = 1; /* not on another day said, nor of another status */
        if (borrow && c->loc < 0 && d.dateline >= 0)
            c->loc = d.dateline, c->loc_rank = 1;
        if (borrow && c->loc < 0 && d.lead_loc >= 0 && c->sent < 6 &&
            !future_venue(&d, order, nk, d.lead_loc, c))
            c->loc = d.lead_loc, c->loc_rank = 1;
        if (borrow && c->loc < 0 && d.doc_loc >= 0 && !future_venue(&d, order, nk, d.doc_loc, c))
            c->loc = d.doc_loc, c->loc_rank = 1;
        /* سيتوجه إلى إيران حيث سيلتقي X، and the article's venue is طهران:
         * the most specific place, the city of that country it names */
        if (c->loc >= 0 && loc_spec(&d, c->loc) == 1) {
            int32_t in[2] = { d.lead_loc, d.doc_loc };
            for (int q = 0; q < 2; q++)
                if (in[q] >= 0 && in[q] != c->loc && loc_spec(&d, in[q]) > 1 &&
                    1 == lq_place_within(d.ctx->lex, d.ents->entities[in[q]].name,
                                         d.ents->entities[c->loc].name)) {
                    c->loc = in[q];
                    break;
                }
        }
        if (c->loc >= 0 && c->loc_rank >= 2)
            last_loc = c->loc, last_loc_sent = c->sent, last_ev = c;
        /* no time said: the time of the meeting just before, of the same status */
        if (c->tmx < 0 && last_tmx >= 0 && c->sent <= last_tmx_sent + 2 && c->status == last_status)
            c->tmx = last_tmx;
        if (c->tmx >= 0 && c->tmx_near)
            last_tmx = c->tmx, last_tmx_sent = c->sent, last_status = c->status;
        /* the day of the arrival it followed */
        if (c->tmx < 0 && arr >= 0 && d.arr_tmx[arr] >= 0 && c->status == EVT_OCCURRED &&
            !time_future(&d, &d.tx[d.arr_tmx[arr]]))
            c->tmx = d.arr_tmx[arr];
        /* the day the lead gives, for a meeting told near the top */
        /* (not a day still to come: that is another meeting's) */
        if (c->tmx < 0 && d.lead_tmx >= 0 && c->status == EVT_OCCURRED && c->sent < 6 &&
            !time_future(&d, &d.tx[d.lead_tmx]))
            c->tmx = d.lead_tmx;
        int nsplit = split_count(c);
        for (int part = 0; part < nsplit && ne < cap; part++) {
            struct evt_event *ev = &out->events[ne];
            ev->trig_start = doc->tokens[c->tb].body_start;
            ev->trig_end = doc->tokens[c->te - 1].end;
            const struct txt_sentence *st = &doc->sents[c->sent];
            ev->sent_start = st->start;
            ev->sent_end = st->end;
            ev->status = c->status;
            ev->parts = lq_arena_calloc(arena, (size_t)(c->np ? c->np : 1),
                                        sizeof(struct evt_participant));
            if (NULL == ev->parts)
                return LQ_ERR_NOMEM;
            size_t np = 0;
            int obj = 0;
            for (int i = 0; i < c->np; i++) {
                int is_obj = c->role[i] != EVT_ATTENDEE && c->ent[i] != c->subj;
                if (nsplit > 1 && is_obj && obj++ != part)
                    continue;
                ev->parts[np].entity = c->ent[i];
                ev->parts[np].role = (enum evt_role)c->role[i];
                np++;
            }
            ev->nparts = np;
            ev->location = c->loc;
            if (c->tmx >= 0) {
                ev->has_time = 1;
                ev->time = d.tx[c->tmx];
                ev->has_time_value = tmx_resolve(&ev->time, d.dct, c->status == EVT_PLANNED,
                                                 ev->time_value, sizeof(ev->time_value));
                if (!ev->has_time_value)
                    ev->time_value[0] = '\0';
            }
            ev->confidence = confidence(&d, c);
            ne++;
        }
    }
    out->nevents = ne;
    return LQ_OK;
}

/* end of event.c */
