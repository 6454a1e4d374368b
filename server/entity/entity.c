/*
 * The entity stage: tagger spans and rule spans compete for tokens, the
 * names found are looked for again elsewhere in the text, and the mentions
 * are grouped into entities (entity_coref.c).
 */
#include "liqa/entity.h"

#include <stdlib.h>
#include <string.h>

#include "entity_internal.h"
#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

#define REPEAT_MAX_WORDS 8
#define REPEAT_BUCKET_MAX 32

int
ent_ctx_new(const struct lq_lexicons *lex, const struct ner_model *model, struct ent_ctx **out)
{
    *out = NULL;
    if (NULL == lex)
        return LQ_ERR_INVALID;
    struct ent_ctx *ctx = calloc(1, sizeof(*ctx));
    if (NULL == ctx)
        return LQ_ERR_NOMEM;
    ctx->lex = lex;
    ctx->model = model;
    const struct lex *first[ENT_FIRST_NLEX];
    ent_first_lexicons(lex, first);
    ctx->firsts = lex_firsts_new(first, ENT_FIRST_NLEX);
    if (NULL == ctx->firsts) {
        free(ctx);
        return LQ_ERR_NOMEM;
    }
    *out = ctx;
    return LQ_OK;
}

void
ent_ctx_free(struct ent_ctx *ctx)
{
    if (NULL == ctx)
        return;
    lex_firsts_free(ctx->firsts);
    free(ctx);
}

int
ent_add_cand(struct ent_work *w, const struct ent_cand *c)
{
    if (c->e <= c->b)
        return LQ_OK;
    if (w->ncands == w->capcands) {
        size_t cap = w->capcands ? 2 * w->capcands : 64;
        struct ent_cand *n = lq_arena_alloc(w->arena, cap * sizeof(*n));
        if (NULL == n)
            return LQ_ERR_NOMEM;
        if (w->ncands)
            memcpy(n, w->cands, w->ncands * sizeof(*n));
        w->cands = n;
        w->capcands = cap;
    }
    w->cands[w->ncands++] = *c;
    return LQ_OK;
}

/* The tagger's spans over the whole document (ner_tag_doc makes repeated
 * names consistent across sentences) become candidates. */
static int
run_tagger(struct ent_work *w, struct ner_tagger *tagger)
{
    const struct txt_doc *doc = w->doc;
    if (0 == doc->ntokens)
        return LQ_OK;
    /* at most one span per token */
    size_t cap = doc->ntokens;
    struct ner_span *spans = lq_arena_alloc(w->arena, cap * sizeof(*spans));
    if (NULL == spans)
        return LQ_ERR_NOMEM;
    size_t n = 0;
    int rc = ner_tag_doc(tagger, doc, spans, cap, &n);
    if (LQ_OK != rc)
        return rc;
    if (n > cap)
        n = cap;
    for (size_t k = 0; k < n; k++) {
        if (spans[k].type < NER_PER || spans[k].type > NER_LOC)
            continue;
        struct ent_cand c = { .b = spans[k].tok_begin, .e = spans[k].tok_end,
                              .type = spans[k].type, .source = ENT_SRC_TAGGER, .prio = 1,
                              .title_b = -1, .title_e = -1, .mention = -1,
                              .margin = spans[k].margin };
        /* a tagged span never starts with a punctuation token */
        while (c.b < c.e && TXT_WORD != doc->tokens[c.b].kind &&
               TXT_LATIN != doc->tokens[c.b].kind)
            c.b++;
        while (c.e > c.b && TXT_WORD != doc->tokens[c.e - 1].kind &&
               TXT_LATIN != doc->tokens[c.e - 1].kind)
            c.e--;
        if (LQ_OK != (rc = ent_add_cand(w, &c)))
            return rc;
    }
    return LQ_OK;
}

/* order of preference: longer, then rule > lexicon > tagger; a rule or
 * lexicon span also beats a tagger span one token longer */
static int
cand_score(const struct ent_cand *c)
{
    int len = (int)(c->e - c->b);
    return 4 * len + (c->prio >= 2 ? 4 : 0) + c->prio;
}

static int
cand_pref(const void *a, const void *b)
{
    const struct ent_cand *x = a, *y = b;
    int sx = cand_score(x), sy = cand_score(y);
    if (sx != sy)
        return sx > sy ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return 0;
}

static int
cand_pos(const void *a, const void *b)
{
    const struct ent_cand *x = a, *y = b;
    return x->b < y->b ? -1 : x->b > y->b ? 1 : 0;
}

/* qsort() of the candidates, skipped when they are in order already, as
 * they often are when sorted by position again: glibc's qsort() is a
 * stable merge sort here, which gives an ordered array back unchanged. */
static void
sort_cands(struct ent_work *w, int (*cmp)(const void *, const void *))
{
    size_t k = 1;
    while (k < w->ncands && cmp(&w->cands[k - 1], &w->cands[k]) <= 0)
        k++;
    if (k < w->ncands)
        qsort(w->cands, w->ncands, sizeof(*w->cands), cmp);
}

/* Keep the preferred candidates that do not overlap; returns the count kept. */
static size_t
resolve(struct ent_work *w, uint8_t *taken)
{
    if (0 == w->ncands)
        return 0;
    sort_cands(w, cand_pref);
    size_t kept = 0;
    for (size_t k = 0; k < w->ncands; k++) {
        struct ent_cand *c = &w->cands[k];
        if (c->e <= c->b)
            continue; /* emptied by the tagger's clean-up */
        int free_ = 1;
        for (uint32_t t = c->b; t < c->e && free_; t++)
            if (taken[t])
                free_ = 0;
        if (!free_)
            continue;
        for (uint32_t t = c->b; t < c->e; t++)
            taken[t] = 1;
        w->cands[kept++] = *c;
    }
    w->ncands = kept;
    if (kept)
        sort_cands(w, cand_pos);
    return kept;
}

/* ---- repeats: names found once are looked for again ---- */

struct phrase {
    const char **words;  /* token keys (base form of the first, key of the others) */
    uint32_t nwords;
    enum ner_type type;
    int32_t next;        /* next phrase with the same first word */
};

struct ptable {
    const char **keys;   /* first word */
    int32_t *head;       /* first phrase of the bucket */
    size_t cap;
    struct phrase *ph;
    size_t nph, capph;
};

static uint64_t
hash_str(const char *s)
{
    return ent_hash_str(s);
}

/* بن and ابن are one word for matching */
static const char *
match_word(const struct txt_token *t)
{
    /* asked of every token: the first two letters (اب) before strcmp() */
    const unsigned char *b = (const unsigned char *)t->base;
    if (0xD8 == b[0] && 0xA7 == b[1] && 0xD8 == b[2] && 0xA8 == b[3] && 0 == strcmp(t->base, "ابن"))
        return "بن";
    return t->base;
}

static const char *
match_word_rest(const struct txt_token *t)
{
    if (0 == strcmp(t->key, "ابن"))
        return "بن";
    return t->key;
}

static int32_t *
pt_slot(struct ptable *pt, const char *key, int insert)
{
    size_t mask = pt->cap - 1;
    size_t i = (size_t)hash_str(key) & mask;
    for (size_t probes = 0; probes < pt->cap; probes++, i = (i + 1) & mask) {
        if (NULL == pt->keys[i]) {
            if (!insert)
                return NULL;
            pt->keys[i] = key;
            pt->head[i] = -1;
            return &pt->head[i];
        }
        if (0 == strcmp(pt->keys[i], key))
            return &pt->head[i];
    }
    return NULL;
}

/* An empty table of @p cap key slots (a power of two) and @p capph phrases. */
static int
pt_init(struct ptable *pt, struct lq_arena *arena, size_t cap, size_t capph)
{
    memset(pt, 0, sizeof(*pt));
    pt->cap = cap;
    pt->capph = capph;
    pt->keys = lq_arena_calloc(arena, cap, sizeof(*pt->keys));
    pt->head = lq_arena_calloc(arena, cap, sizeof(*pt->head));
    pt->ph = lq_arena_calloc(arena, capph, sizeof(*pt->ph));
    return pt->keys && pt->head && pt->ph ? LQ_OK : LQ_ERR_NOMEM;
}

static int
pt_add(struct ptable *pt, struct lq_arena *arena, const char **words, uint32_t n, enum ner_type type)
{
    if (0 == n || n > REPEAT_MAX_WORDS)
        return LQ_OK;
    int32_t *slot = pt_slot(pt, words[0], 1);
    if (NULL == slot)
        return LQ_OK;
    int depth = 0;
    for (int32_t p = *slot; p >= 0; p = pt->ph[p].next, depth++) {
        struct phrase *x = &pt->ph[p];
        if (x->nwords == n) {
            uint32_t k = 0;
            while (k < n && 0 == strcmp(x->words[k], words[k]))
                k++;
            if (k == n)
                return LQ_OK; /* already there */
        }
    }
    if (depth >= REPEAT_BUCKET_MAX)
        return LQ_OK;
    if (pt->nph == pt->capph)
        return LQ_OK;
    const char **copy = lq_arena_alloc(arena, n * sizeof(*copy));
    if (NULL == copy)
        return LQ_ERR_NOMEM;
    memcpy(copy, words, n * sizeof(*copy));
    pt->ph[pt->nph] = (struct phrase){ copy, n, type, *slot };
    *slot = (int32_t)pt->nph++;
    return LQ_OK;
}

static int
has_clitic_tok(const struct txt_token *t)
{
    return t->clitics && t->clitics[0];
}

static int
definite_tok(const struct txt_token *t)
{
    return 0 == strncmp(t->base, "ال", strlen("ال"));
}

/*
 * Can token i be a noun of its own, not an adjective of the word before?
 * After the start of the sentence, punctuation, or a function word or verb
 * (nonname.txt entries with no value: بين، قال، أكد) it can.
 */
static int
noun_slot(const struct ent_work *w, size_t i)
{
    const struct txt_token *tk = w->doc->tokens;
    if (i == w->doc->sents[tk[i].sentence].tok_begin)
        return 1;
    const struct txt_token *p = &tk[i - 1];
    if (TXT_PUNCT == p->kind)
        return 1;
    if (TXT_WORD != p->kind)
        return 0;
    const char *v = lex_get(w->lx->nonname, p->base);
    if (v && !v[0])
        return 1;
    return NULL == v && w->lx->cues && (v = lex_get(w->lx->cues, p->base)) && 0 == strcmp(v, "speech");
}

/*
 * Is token i the subject of a verb of saying, as in وقال X إن / وقال X: ...?
 * The verb (cues.txt `speech`) right before, and إن / أن or a colon or comma
 * right after: a slot only a name (or a pronoun, which is no word here) fills.
 */
static int
speech_subject(const struct ent_work *w, size_t i)
{
    const struct txt_token *tk = w->doc->tokens;
    const struct txt_sentence *s = &w->doc->sents[tk[i].sentence];
    if (i == s->tok_begin || i + 1 >= s->tok_end || NULL == w->lx->cues)
        return 0;
    const struct txt_token *p = &tk[i - 1], *n = &tk[i + 1];
    if (TXT_WORD != p->kind)
        return 0;
    const char *v = lex_get(w->lx->cues, p->base);
    /* the text layer leaves و of وقال on when unsure: a verb here */
    if (NULL == v && (0 == strncmp(p->base, "و", strlen("و")) ||
                      0 == strncmp(p->base, "ف", strlen("ف"))))
        v = lex_get(w->lx->cues, p->base + strlen("و"));
    if (NULL == v || 0 != strcmp(v, "speech"))
        return 0;
    if (TXT_PUNCT == n->kind)
        return 0 == strcmp(n->key, ":") || 0 == strcmp(n->key, "،") || 0 == strcmp(n->key, ",");
    return TXT_WORD == n->kind && !has_clitic_tok(n) && 0 == strcmp(n->key, "ان");
}

/* A 6-bit sketch of a token's whole key, from its length in code points
 * and its first bytes: a filter that rules most words out without hashing
 * their key. */
static unsigned
key_sketch(const struct txt_token *t)
{
    const unsigned char *k = (const unsigned char *)t->key;
    unsigned b0 = k[0], b1 = b0 ? k[1] : 0, b2 = b1 ? k[2] : 0, b3 = b2 ? k[3] : 0;
    return ((t->end - t->start) * 13u + b1 * 7u + b3) & 63u;
}

/* Token i, alone, is the subject of a verb of saying and a family name of
 * @p given (also a given name), or the first word of a two-word name of
 * @p firsts (a family name written first that is also a given name:
 * وانغ of وانغ يي). */
static int
lone_given(const struct ent_work *w, struct ptable *given, struct ptable *firsts, uint64_t sketches,
           size_t i)
{
    const struct txt_token *t = &w->doc->tokens[i];
    if (!(sketches >> key_sketch(t) & 1u) || has_clitic_tok(t))
        return 0;
    /* the small tables first: most words are in neither */
    return ((given->nph && pt_slot(given, t->key, 0)) || (firsts->nph && pt_slot(firsts, t->key, 0))) &&
           speech_subject(w, i);
}

/* A repeat of a family name at token i, alone: a person's candidate. */
static int
add_lone_person(struct ent_work *w, size_t i, uint8_t *taken)
{
    struct ent_cand c = { .b = (uint32_t)i, .e = (uint32_t)i + 1, .type = NER_PER,
                          .source = ENT_SRC_COREF, .prio = 0, .title_b = -1, .title_e = -1,
                          .mention = -1 };
    int rc = ent_add_cand(w, &c);
    if (LQ_OK == rc)
        taken[i] = 1;
    return rc;
}

/* Is a one-word name safe to look for everywhere? */
static int
repeatable_word(const struct ent_work *w, const struct txt_token *t, enum ner_type type)
{
    const struct lq_lexicons *lx = w->lx;
    if (TXT_WORD != t->kind && TXT_LATIN != t->kind)
        return 0;
    if (strlen(t->base) < 3 * 2) /* fewer than three Arabic letters */
        return 0;
    struct lex_key k; /* up to eight lexicons are asked: hash the word once */
    lex_key_init(&k, t->base);
    if (lex_get_key(lx->nonname, &k) || lex_get_key(lx->titles, &k) ||
        lex_get_key(lx->honorifics, &k) || lex_get_key(lx->nationalities, &k) ||
        (lx->triggers && lex_get_key(lx->triggers, &k)) ||
        (lx->time_words && lex_get_key(lx->time_words, &k)))
        return 0;
    /* فتح in quotes is the movement; فتح elsewhere is a verb */
    const char *ov = lex_get_key(lx->organizations, &k);
    if (ov && 0 == strcmp(ov, "ambig"))
        return 0;
    if (NER_PER == type) {
        const char *v = lex_get_key(lx->first_names, &k);
        if (v && 0 == strcmp(v, "ambig"))
            return 0;
    }
    return 1;
}

static int
repeats(struct ent_work *w, uint8_t *taken)
{
    const struct txt_doc *doc = w->doc;
    const struct txt_token *tk = doc->tokens;
    size_t n0 = w->ncands;
    if (0 == n0)
        return LQ_OK;
    size_t cap = 16;
    while (cap < 4 * n0 + 16)
        cap *= 2;
    struct ptable pt, skel, nisba, given, firsts;
    /* few family names are adjectives of nationality (nisba), and few are
     * given names too (given: إدريس نوري محمد; firsts: وانغ of وانغ يي,
     * which repeat only as the subject of a verb of saying): small tables */
    if (LQ_OK != pt_init(&pt, w->arena, cap, 3 * n0 + 8) ||
        LQ_OK != pt_init(&skel, w->arena, cap, 3 * n0 + 8) ||
        LQ_OK != pt_init(&nisba, w->arena, 64, 48) || LQ_OK != pt_init(&given, w->arena, 64, 48) ||
        LQ_OK != pt_init(&firsts, w->arena, 64, 48))
        return LQ_ERR_NOMEM;
    uint64_t sketches = 0; /* key_sketch() of the words in given and firsts */
    const char *words[REPEAT_MAX_WORDS];
    for (size_t k = 0; k < n0; k++) {
        const struct ent_cand *c = &w->cands[k];
        uint32_t n = c->e - c->b;
        if (n > REPEAT_MAX_WORDS)
            continue;
        if (1 == n && !repeatable_word(w, &tk[c->b], c->type))
            continue;
        for (uint32_t j = 0; j < n; j++)
            words[j] = j ? match_word_rest(&tk[c->b + j]) : match_word(&tk[c->b]);
        int rc = pt_add(&pt, w->arena, words, n, c->type);
        if (LQ_OK != rc)
            return rc;
        if (NER_PER == c->type && (2 == n || 3 == n) && !has_clitic_tok(&tk[c->b]) &&
            !lex_get(w->lx->first_names, tk[c->b].base) && repeatable_word(w, &tk[c->b], NER_PER) &&
            !lex_get(w->lx->places, tk[c->b].base) && 0 != strcmp(tk[c->b + 1].key, "بن")) {
            /* وانغ of وانغ تشيمينغ: a first word no lexicon knows may be a
             * family name written first, or a given name used alone */
            const char *one[1] = { tk[c->b].base };
            int rc2 = pt_add(&pt, w->arena, one, 1, NER_PER);
            if (LQ_OK != rc2)
                return rc2;
        } else if (NER_PER == c->type && 2 == n && !has_clitic_tok(&tk[c->b]) &&
                   !definite_tok(&tk[c->b]) && !definite_tok(&tk[c->b + 1]) &&
                   !has_clitic_tok(&tk[c->b + 1]) && lex_get(w->lx->first_names, tk[c->b].base) &&
                   0 != strcmp(tk[c->b + 1].key, "بن")) {
            /* ... and when it is a given name too, only where a name must
             * stand (lone_given()) */
            const char *one[1] = { tk[c->b].key };
            if (LQ_OK != (rc = pt_add(&firsts, w->arena, one, 1, NER_PER)))
                return rc;
            sketches |= 1ull << key_sketch(&tk[c->b]);
        }
        if (NER_PER == c->type && n >= 2) {
            /* the family name alone, or بن + name: بومبيو، ابن سلمان */
            for (uint32_t j = 1; j < n; j++) {
                const struct txt_token *t = &tk[c->b + j];
                if (0 == strcmp(t->key, "بن") || 0 == strcmp(t->key, "ابن")) {
                    /* (the father's name of a longer chain too: بن سعود of
                     * عبد العزيز بن سعود بن نايف; not the grandfather's) */
                    if (j + 2 == n || (j + 2 < n && 0 != strcmp(tk[c->b + j + 1].key, "عبد"))) {
                        const char *pair[2] = { "بن", tk[c->b + j + 1].key };
                        if (LQ_OK != (rc = pt_add(&pt, w->arena, pair, 2, NER_PER)))
                            return rc;
                    }
                    break;
                }
                /* محمد شياع السوداني: a family name that is also an
                 * adjective of nationality repeats only where an adjective
                 * cannot stand (بين السوداني و ...) */
                if (j + 1 == n && j >= 1 && definite_tok(t) && lex_get(w->lx->nationalities, t->base)) {
                    const char *one[1] = { t->key };
                    if (LQ_OK != (rc = pt_add(&nisba, w->arena, one, 1, NER_PER)))
                        return rc;
                }
                if (j + 1 == n && !has_clitic_tok(t) &&
                    repeatable_word(w, t, NER_PER) && lex_get(w->lx->first_names, t->base) &&
                    !lex_get(w->lx->places, t->base)) {
                    const char *one[1] = { t->key };
                    if (LQ_OK != (rc = pt_add(&given, w->arena, one, 1, NER_PER)))
                        return rc;
                    sketches |= 1ull << key_sketch(t);
                }
                if (j + 1 == n && repeatable_word(w, t, NER_PER) &&
                    !lex_get(w->lx->first_names, t->base) && !lex_get(w->lx->places, t->base)) {
                    const char *one[1] = { t->key };
                    if (LQ_OK != (rc = pt_add(&pt, w->arena, one, 1, NER_PER)))
                        return rc;
                    char sk[256];
                    size_t sl = ent_skeleton(t->key, sk, sizeof(sk));
                    if (sl >= 4 * 2 && sl < sizeof(sk)) {
                        const char *key = lq_arena_strndup(w->arena, sk, sl);
                        if (NULL == key)
                            return LQ_ERR_NOMEM;
                        const char *kw[1] = { key };
                        if (LQ_OK != (rc = pt_add(&skel, w->arena, kw, 1, NER_PER)))
                            return rc;
                    }
                }
            }
        }
    }
    for (size_t i = 0; i < doc->ntokens; i++) {
        if (taken[i])
            continue;
        const struct txt_token *t = &tk[i];
        if (TXT_WORD != t->kind && TXT_LATIN != t->kind)
            continue;
        int32_t *slot = pt_slot(&pt, match_word(t), 0);
        if (NULL == slot && nisba.nph && !has_clitic_tok(t) && pt_slot(&nisba, t->key, 0) &&
            noun_slot(w, i)) {
            int rc = add_lone_person(w, i, taken);
            if (LQ_OK != rc)
                return rc;
            continue;
        }
        if (NULL == slot && lone_given(w, &given, &firsts, sketches, i)) {
            int rc = add_lone_person(w, i, taken);
            if (LQ_OK != rc)
                return rc;
            continue;
        }
        if (NULL == slot) {
            /* a spelling variant of a family name: بورتنيكوف for بورتينكوف
             * (no skeleton to match when no family name gave one; the
             * table is asked before the lexicons: the same test, cheaper) */
            if (0 == skel.nph || strlen(t->base) < 4 * 2) /* a skeleton is never longer */
                continue;
            char sk[256];
            size_t sl = ent_skeleton(t->base, sk, sizeof(sk));
            if (sl < 4 * 2 || sl >= sizeof(sk) || NULL == pt_slot(&skel, sk, 0) ||
                !repeatable_word(w, t, NER_PER) ||
                lex_get(w->lx->first_names, t->base) || lex_get(w->lx->places, t->base) ||
                lex_get(w->lx->org_heads, t->base))
                continue;
            int rc = add_lone_person(w, i, taken);
            if (LQ_OK != rc)
                return rc;
            continue;
        }
        uint32_t best = 0;
        enum ner_type bt = NER_NONE;
        size_t send = doc->sents[t->sentence].tok_end;
        for (int32_t p = *slot; p >= 0; p = pt.ph[p].next) {
            const struct phrase *x = &pt.ph[p];
            if (x->nwords <= best || i + x->nwords > send)
                continue;
            uint32_t k = 1;
            while (k < x->nwords && !taken[i + k] && !(tk[i + k].clitics && tk[i + k].clitics[0]) &&
                   0 == strcmp(x->words[k], match_word_rest(&tk[i + k])))
                k++;
            if (k == x->nwords) {
                best = k;
                bt = x->type;
            }
        }
        if (0 == best) {
            /* محمد of محمد ولد الشيخ أحمد did not match here: the family
             * name of another person, perhaps */
            if (lone_given(w, &given, &firsts, sketches, i)) {
                int rc = add_lone_person(w, i, taken);
                if (LQ_OK != rc)
                    return rc;
            }
            continue;
        }
        /* a following name word would make this part of a longer unknown name */
        struct ent_cand c = { .b = (uint32_t)i, .e = (uint32_t)i + best, .type = bt,
                              .source = ENT_SRC_COREF, .prio = 0, .title_b = -1, .title_e = -1,
                              .mention = -1 };
        int rc = ent_add_cand(w, &c);
        if (LQ_OK != rc)
            return rc;
        for (uint32_t k = 0; k < best; k++)
            taken[i + k] = 1;
        i += best - 1;
    }
    if (w->ncands > 1)
        sort_cands(w, cand_pos);
    return LQ_OK;
}

/* how many candidates back split_surnames() looks for the full names */
#define SPLIT_LOOKBACK 400

/* is the word a given name, and not also a common word (شي)? */
static int
given_name(const struct ent_work *w, const struct txt_token *t)
{
    const char *v = lex_get(w->lx->first_names, t->base);
    return v && 0 != strcmp(v, "ambig");
}

/* a candidate before the k-th of a person named in two or more words that
 * ends with the word t (بومبيو) or, for a word that is no given name, begins
 * with it (شي in شي جينبينغ: the family name comes first); -1 when none */
static int32_t
full_name_with(const struct ent_work *w, size_t k, const struct txt_token *t)
{
    const struct txt_token *tk = w->doc->tokens;
    int given = given_name(w, t);
    for (size_t q = k; q > 0 && k - q < SPLIT_LOOKBACK; q--) {
        const struct ent_cand *p = &w->cands[q - 1];
        if (NER_PER == p->type && p->e - p->b >= 2 &&
            (0 == strcmp(tk[p->e - 1].base, t->base) || (!given && 0 == strcmp(tk[p->b].base, t->base))))
            return (int32_t)(q - 1);
    }
    return -1;
}

/* do the words of a and then b stand in that order in the candidate? */
static int
in_order(const struct ent_work *w, const struct ent_cand *p, const struct txt_token *a,
         const struct txt_token *b)
{
    const struct txt_token *tk = w->doc->tokens;
    for (uint32_t t = p->b; t < p->e; t++)
        if (0 == strcmp(tk[t].base, a->base))
            for (uint32_t u = t + 1; u < p->e; u++)
                if (0 == strcmp(tk[u].base, b->base))
                    return 1;
    return 0;
}

/*
 * واستقبل شي إردوغان: two persons named earlier in full, each by his family
 * name alone, side by side as subject and object, read as one two-word
 * name. When both words end different full names told before and neither
 * is a given name, the span is two names.
 */
static int
split_surnames(struct ent_work *w)
{
    const struct txt_token *tk = w->doc->tokens;
    size_t n0 = w->ncands;
    int split = 0;
    for (size_t k = 0; k < n0; k++) {
        struct ent_cand *c = &w->cands[k];
        if (NER_PER != c->type || c->e - c->b != 2 || c->title_b >= 0)
            continue;
        const struct txt_token *a = &tk[c->b], *b = &tk[c->b + 1];
        if ((b->clitics && b->clitics[0]) || TXT_WORD != a->kind || TXT_WORD != b->kind)
            continue;
        int32_t fa = full_name_with(w, k, a), fb = full_name_with(w, k, b);
        if (fa < 0 || fb < 0 || fa == fb)
            continue;
        /* الشيخ عبدالعزيز الحمين: an honorific names one person */
        if (c->b > 0 && lex_get(w->lx->honorifics, tk[c->b - 1].base))
            continue;
        /* the two words stand in that order in one earlier name
         * (عبدالعزيز الحمين of عبدالعزيز بن حمين الحمين) */
        if (in_order(w, &w->cands[fa], a, b) || in_order(w, &w->cands[fb], a, b))
            continue;
        struct ent_cand second = *c;
        c->e = c->b + 1;
        second.b = c->b + 1;
        second.cut = 0;
        int rc = ent_add_cand(w, &second);
        if (LQ_OK != rc)
            return rc;
        c = &w->cands[k]; /* the array may have moved */
        split = 1;
    }
    if (split)
        sort_cands(w, cand_pos);
    return LQ_OK;
}

static int
make_mentions(struct ent_work *w, struct ent_result *out)
{
    const struct txt_doc *doc = w->doc;
    out->mentions = lq_arena_calloc(w->arena, w->ncands ? w->ncands : 1, sizeof(*out->mentions));
    if (NULL == out->mentions)
        return LQ_ERR_NOMEM;
    size_t n = 0;
    for (size_t k = 0; k < w->ncands; k++) {
        struct ent_cand *c = &w->cands[k];
        const struct txt_token *first = &doc->tokens[c->b], *last = &doc->tokens[c->e - 1];
        struct ent_mention *m = &out->mentions[n];
        m->tok_begin = c->b;
        m->tok_end = c->e;
        m->start = first->body_start + c->cut;
        m->end = last->end;
        if (m->end <= m->start)
            continue;
        m->text = txt_slice(doc, w->arena, m->start, m->end);
        if (NULL == m->text)
            return LQ_ERR_NOMEM;
        m->type = c->type;
        m->entity = -1;
        m->sentence = first->sentence;
        m->source = c->source;
        c->mention = (int32_t)n;
        n++;
    }
    out->nmentions = n;
    out->tok_mention = lq_arena_alloc(w->arena, (doc->ntokens ? doc->ntokens : 1) * sizeof(int32_t));
    if (NULL == out->tok_mention)
        return LQ_ERR_NOMEM;
    for (size_t i = 0; i < doc->ntokens; i++)
        out->tok_mention[i] = -1;
    for (size_t k = 0; k < n; k++)
        for (uint32_t t = out->mentions[k].tok_begin; t < out->mentions[k].tok_end; t++)
            out->tok_mention[t] = (int32_t)k;
    return LQ_OK;
}

/*
 * في البيت الأبيض، بالكرملين: a seat of government (organizations.txt
 * `seat`) stands for its administration when it acts (أعلن البيت الأبيض),
 * and is the building when the article only ever names it as a place one is
 * in: every mention after في، داخل، إلى or with ب, one at least not after
 * إلى. Such an entity is a LOCATION.
 */
static void
seats_as_places(const struct ent_work *w, struct ent_result *out)
{
    const struct txt_token *tk = w->doc->tokens;
    char key[256];
    for (size_t e = 0; e < out->nentities; e++) {
        struct ent_entity *en = &out->entities[e];
        if (en->type != NER_ORG || NULL == en->name || 0 == en->nmentions)
            continue;
        /* no name of organizations.txt starts at its first mention: no seat
         * (bit 5 of the first-word bits: organizations, ent_first_lexicons()) */
        uint32_t tb0 = out->mentions[en->mentions[0]].tok_begin;
        if (w->first_memo && w->first_memo[tb0] && !(w->first_memo[tb0] & (1u << 5)))
            continue;
        size_t n = txt_fold(en->name, strlen(en->name), key, sizeof(key));
        const char *v = n > 0 && n < sizeof(key) ? lex_get(w->lx->organizations, key) : NULL;
        if (NULL == v || 0 != strcmp(v, "seat"))
            continue;
        int inside = 1, in = 0;
        for (size_t k = 0; k < en->nmentions && inside; k++) {
            const struct ent_mention *m = &out->mentions[en->mentions[k]];
            const struct txt_token *t = &tk[m->tok_begin];
            const struct txt_token *p = m->tok_begin > 0 ? &tk[m->tok_begin - 1] : NULL;
            int at = (t->clitics && strstr(t->clitics, "ب")) ||
                     (p && !has_clitic_tok(p) && p->base &&
                      (0 == strcmp(p->base, "في") || 0 == strcmp(p->base, "داخل")));
            /* (يصل X إلى البيت الأبيض: going there, beside a mention of being there) */
            int to = p && !has_clitic_tok(p) && p->base &&
                     (0 == strcmp(p->base, "الى") || 0 == strcmp(p->base, "الي"));
            in |= at;
            inside = at || to;
        }
        /* (the body a person belongs to stays a body: المتحدثة بالبيت الأبيض) */
        for (size_t q = 0; q < out->nentities && inside; q++)
            inside = out->entities[q].affiliation != (int32_t)e;
        if (!inside || !in)
            continue;
        en->type = NER_LOC;
        for (size_t k = 0; k < en->nmentions; k++)
            out->mentions[en->mentions[k]].type = NER_LOC;
    }
}

int
ent_extract(const struct ent_ctx *ctx, struct ner_tagger *tagger, const struct txt_doc *doc,
            struct lq_arena *arena, struct ent_result *out)
{
    memset(out, 0, sizeof(*out));
    struct ent_work w = { .ctx = ctx, .lx = ctx->lex, .doc = doc, .arena = arena };
    int rc;
    w.nonname_memo = lq_arena_calloc(arena, doc->ntokens ? doc->ntokens : 1, 1);
    if (NULL == w.nonname_memo)
        return LQ_ERR_NOMEM;
    w.first_memo = lq_arena_calloc(arena, doc->ntokens ? doc->ntokens : 1, sizeof(uint16_t));
    if (NULL == w.first_memo)
        return LQ_ERR_NOMEM;
    if (tagger && ctx->model && LQ_OK != (rc = run_tagger(&w, tagger)))
        return rc;
    w.ntagged = w.ncands;
    if (LQ_OK != (rc = ent_rules(&w)))
        return rc;
    if (tagger && ctx->model && LQ_OK != (rc = ent_clean_tagger(&w)))
        return rc;
    if (tagger && ctx->model && LQ_OK != (rc = ent_extend_by_tagger(&w)))
        return rc;
    uint8_t *taken = lq_arena_calloc(arena, doc->ntokens ? doc->ntokens : 1, 1);
    if (NULL == taken)
        return LQ_ERR_NOMEM;
    resolve(&w, taken);
    if (LQ_OK != (rc = split_surnames(&w)))
        return rc;
    if (LQ_OK != (rc = repeats(&w, taken)))
        return rc;
    if (LQ_OK != (rc = make_mentions(&w, out)))
        return rc;
    /* the first-word bits of every token, for the event stage */
    ent_first_bits_all(&w);
    out->tok_first = w.first_memo;
    out->tok_first_lex = w.lx;
    if (LQ_OK != (rc = ent_coref(&w, out)))
        return rc;
    seats_as_places(&w, out);
    return LQ_OK;
}

/* end of entity.c */
