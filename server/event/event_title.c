/*
 * Unnamed title phrases that refer back to a named person: news prose names
 * a person once with a title ("وزير الدفاع الأمريكي X") and later only by a
 * shorter form of it ("الوزير الأمريكي"). The event stage reads such a phrase
 * as that person when it stands in a party slot.
 *
 * One pass over the tokens, bounded: each person keeps at most
 * EVT_TITLE_WORDS title words, and a phrase is compared with the
 * EVT_TITLE_RECENT persons mentioned most recently.
 */
#include "event_internal.h"

#include <string.h>

#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

#define EVT_TITLE_WORDS 12
#define EVT_TITLE_RECENT 48
#define EVT_TITLE_PHRASE 5

/* FNV-1a of a word's skeleton: the stem without a final ه (ة) or ي and
 * without inner ي, so that الأميركي / الأمريكية and الروسي / الروسية agree. */
static uint32_t
skeleton_hash(const char *stem)
{
    size_t n = stem ? strlen(stem) : 0;
    if (n >= 4 && 0 == strcmp(stem + n - 2, "\xd9\x87")) /* ه */
        n -= 2;
    if (n >= 4 && 0 == memcmp(stem + n - 2, "\xd9\x8a", 2)) /* ي */
        n -= 2;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && (unsigned char)stem[i] == 0xd9 && (unsigned char)stem[i + 1] == 0x8a) {
            i++; /* ي */
            continue;
        }
        h ^= (unsigned char)stem[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

/* The hash of a title's first word, through synonyms.txt when it lists
 * the word (العاهل → الملك): its canonical word without ال. (The words
 * after it are hashed as they are.) */
static uint32_t
word_hash(const struct lq_lexicons *lex, const struct txt_token *t)
{
    const char *v = lex->synonyms && t->base ? lex_get(lex->synonyms, t->base) : NULL;
    if (v && *v && NULL == strchr(v, ' ')) {
        char key[64];
        size_t n = txt_fold(v, strlen(v), key, sizeof(key));
        if (n > 0 && n < sizeof(key)) {
            const char *k = key;
            if (n > 4 && 0 == strncmp(k, "\xd8\xa7\xd9\x84", 4)) /* ال */
                k += 4;
            return skeleton_hash(k);
        }
    }
    return skeleton_hash(t->stem);
}

struct person_title {
    uint32_t w[EVT_TITLE_WORDS];
    uint8_t n;
    uint32_t head; /* the first word of the latest title before the name, or 0 */
};

static void
bag_add(struct person_title *pt, uint32_t h)
{
    for (unsigned i = 0; i < pt->n; i++)
        if (pt->w[i] == h)
            return;
    if (pt->n < EVT_TITLE_WORDS)
        pt->w[pt->n++] = h;
}

static int
bag_has(const struct person_title *pt, uint32_t h)
{
    for (unsigned i = 0; i < pt->n; i++)
        if (pt->w[i] == h)
            return 1;
    return 0;
}

static int32_t
person_at(const struct ent_result *er, size_t j)
{
    int32_t m = er->tok_mention ? er->tok_mention[j] : -1;
    if (m < 0 || (size_t)m >= er->nmentions)
        return -1;
    const struct ent_mention *mn = &er->mentions[m];
    int32_t e = mn->entity;
    if (e < 0 || (size_t)e >= er->nentities || er->entities[e].type != NER_PER)
        return -1;
    return m;
}

/* Does token k start another title behind a preposition (الرئيس المصري
 * للعاهل الأردني X، بالرئيس)? Then what follows is someone else's. */
static int
other_title(const struct lq_lexicons *lex, const struct txt_doc *doc, const struct ent_result *er,
            const uint8_t *first, size_t k, size_t se)
{
    const struct txt_token *t = &doc->tokens[k];
    if (er->tok_mention[k] >= 0 || NULL == t->clitics ||
        (NULL == strstr(t->clitics, "\xd9\x84") && NULL == strstr(t->clitics, "\xd8\xa8")))
        return 0;
    return evt_first_may(first, k, EVT_FIRST_TITLE, 0) &&
           lex_longest(lex->titles, doc, k, se, LEX_BASE, NULL) > 0;
}

/* Does token k start a second title right after a nationality adjective
 * (العاهل الأردني الرئيس العراقي X)? Then X is the second title's. */
static int
title_after_nationality(const struct lq_lexicons *lex, const struct txt_doc *doc,
                        const struct ent_result *er, const uint8_t *first, size_t k, size_t se)
{
    if (k == 0 || er->tok_mention[k] >= 0 || NULL == lex->nationalities ||
        !evt_first_may(first, k, EVT_FIRST_TITLE, 0))
        return 0;
    const struct txt_token *p = &doc->tokens[k - 1];
    if (p->kind != TXT_WORD || NULL == p->base || NULL == lex_get(lex->nationalities, p->base))
        return 0;
    return lex_longest(lex->titles, doc, k, se, LEX_BASE, NULL) > 0;
}

/* The hashes of the words of the phrase [b, e) into @p ph (room for
 * EVT_TITLE_PHRASE + 4): the first through synonyms.txt. Returns how many. */
static size_t
phrase_hashes(const struct lq_lexicons *lex, const struct txt_doc *doc, size_t b, size_t e,
              uint32_t *ph)
{
    size_t np = 0;
    for (size_t k = b; k < e && np < EVT_TITLE_PHRASE + 4; k++)
        if (doc->tokens[k].stem && doc->tokens[k].kind == TXT_WORD)
            ph[np++] = k == b ? word_hash(lex, &doc->tokens[k]) : skeleton_hash(doc->tokens[k].stem);
    return np;
}

/* How many of the @p np hashes are in the person's title words. */
static size_t
hits(const struct person_title *pt, const uint32_t *ph, size_t np)
{
    size_t hit = 0;
    for (size_t a = 0; a < np; a++)
        hit += bag_has(pt, ph[a]);
    return hit;
}

/* The person, most recent first, whose title words hold the phrase: every
 * word, or all but the head when two or more words of its complement
 * agree (رئيس/مدير المخابرات الروسية), or for a generic noun (المسؤول
 * الألماني) the words after it. Returns the entity, or -1. */
static int32_t
match_recent(const struct person_title *bags, const int32_t *recent, size_t nrecent,
             const uint32_t *ph, size_t np, int generic)
{
    for (size_t r = 0; r < nrecent && np > 0; r++) {
        const struct person_title *pt = &bags[recent[r]];
        size_t hit = hits(pt, ph, np);
        int head = bag_has(pt, ph[0]);
        if (hit == np || (np >= 3 && hit == np - 1 && !head) ||
            (generic && np >= 2 && hit == np - 1 && !head))
            return recent[r];
    }
    return -1;
}

/* Is token k inside an honorific of several words (آية الله العظمى) that
 * starts at most two tokens before it, at lo or after, and ends before j? */
static int
in_honorific(const struct lq_lexicons *lex, const struct txt_doc *doc, size_t lo, size_t k, size_t j)
{
    if (NULL == lex->honorifics)
        return 0;
    for (size_t b = k + 1; b-- > lo && b + 3 > k;)
        if (lex_longest(lex->honorifics, doc, (uint32_t)b, (uint32_t)j, LEX_BASE, NULL) > k - b)
            return 1;
    return 0;
}

static int
is_break(const struct txt_token *t)
{
    return t->kind == TXT_PUNCT && t->surface && 0 != strcmp(t->surface, "-");
}

int
evt_title_links(const struct lq_lexicons *lex, const struct txt_doc *doc,
                const struct ent_result *er, const uint8_t *first, struct lq_arena *arena,
                int32_t **out)
{
    size_t n = doc->ntokens;
    int32_t *link = lq_arena_alloc(arena, (n ? n : 1) * sizeof(int32_t));
    *out = link;
    if (NULL == link)
        return LQ_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        link[i] = -1;
    if (NULL == lex->titles || NULL == er->tok_mention || 0 == er->nentities)
        return LQ_OK;
    struct person_title *bags = lq_arena_calloc(arena, er->nentities, sizeof(*bags));
    if (NULL == bags)
        return LQ_ERR_NOMEM;
    int32_t recent[EVT_TITLE_RECENT];
    size_t nrecent = 0;
    for (size_t s = 0; s < doc->nsents; s++) {
        size_t sb = doc->sents[s].tok_begin, se = doc->sents[s].tok_end;
        for (size_t j = sb; j < se; j++) {
            int32_t m = person_at(er, j);
            if (m >= 0 && er->mentions[m].tok_begin == j) {
                /* a person: take the title words before the name */
                int32_t e = er->mentions[m].entity;
                size_t lo = j > sb + 7 ? j - 7 : sb, start = j;
                for (size_t k = j; k > lo; k--) {
                    const struct txt_token *t = &doc->tokens[k - 1];
                    if (person_at(er, k - 1) >= 0 || (is_break(t) && 0 != strcmp(t->surface, ",") &&
                                                       0 != strcmp(t->surface, "\xd8\x8c")))
                        break;
                    if (evt_first_may(first, k - 1, EVT_FIRST_TITLE, 0) &&
                        lex_longest(lex->titles, doc, k - 1, j, LEX_BASE, NULL) > 0) {
                        start = k - 1;
                        continue;
                    }
                    /* لخادم الحرمين تحيات الرئيس X: an indefinite noun outside
                     * any title, name or head noun ends the title words */
                    if (t->kind == TXT_WORD && !(t->flags & TXT_F_AL) && !(t->clitics && *t->clitics) &&
                        er->tok_mention[k - 1] < 0 &&
                        !(lex->org_heads && lex_get(lex->org_heads, t->base)) &&
                        !(lex->honorifics && lex_get(lex->honorifics, t->base)) &&
                        !in_honorific(lex, doc, lo, k - 1, j))
                        break;
                }
                for (size_t k = start; k < j; k++)
                    if (doc->tokens[k].kind == TXT_WORD && doc->tokens[k].stem) {
                        uint32_t h = k == start ? word_hash(lex, &doc->tokens[k])
                                                : skeleton_hash(doc->tokens[k].stem);
                        bag_add(&bags[e], h);
                        if (k == start)
                            bags[e].head = h;
                    }
                size_t r = 0;
                while (r < nrecent && recent[r] != e)
                    r++;
                if (r == nrecent && nrecent < EVT_TITLE_RECENT)
                    nrecent++;
                if (r >= nrecent)
                    r = nrecent - 1;
                memmove(recent + 1, recent, r * sizeof(recent[0]));
                recent[0] = e;
                j = er->mentions[m].tok_end - 1;
                continue;
            }
            if (er->tok_mention[j] >= 0 || doc->tokens[j].kind != TXT_WORD)
                continue;
            const char *tv = NULL;
            size_t tl = evt_first_may(first, j, EVT_FIRST_TITLE, 0)
                            ? lex_longest(lex->titles, doc, j, se, LEX_BASE, &tv) : 0;
            if (0 == tl)
                continue;
            int generic = tv && 0 == strcmp(tv, "generic");
            int ruler = tv && 0 == strcmp(tv, "ruler");
            /* the phrase: the title and up to a few definite words after it */
            size_t e_ = j + tl;
            while (e_ < se && e_ < j + EVT_TITLE_PHRASE && doc->tokens[e_].kind == TXT_WORD &&
                   ((doc->tokens[e_].flags & TXT_F_AL) || er->tok_mention[e_] >= 0) &&
                   person_at(er, e_) < 0 && !other_title(lex, doc, er, first, e_, se) &&
                   !title_after_nationality(lex, doc, er, first, e_, se))
                e_++;
            /* a name right after: this is that person's own title */
            int named = 0;
            int32_t named_m = -1;
            for (size_t k = e_; k < se && k < e_ + 4 && !named; k++) {
                if (person_at(er, k) >= 0)
                    named = 1, named_m = person_at(er, k);
                else if (er->tok_mention[k] < 0 && doc->tokens[k].kind == TXT_WORD &&
                         !(doc->tokens[k].flags & TXT_F_AL))
                    break;
                else if (other_title(lex, doc, er, first, k, se) ||
                         title_after_nationality(lex, doc, er, first, k, se))
                    break; /* the name after belongs to the other title */
            }
            /* ورئيس شركة X: a title in the construct state whose genitive
             * is an organization (a head noun, a name) names that body's
             * office, which the phrase compared would leave out */
            if (e_ < se && doc->tokens[e_].kind == TXT_WORD && !(doc->tokens[e_].flags & TXT_F_AL) &&
                !(doc->tokens[e_].clitics && *doc->tokens[e_].clitics) && person_at(er, e_) < 0 &&
                (er->tok_mention[e_] >= 0 ||
                 (lex->org_heads && doc->tokens[e_].base && lex_get(lex->org_heads, doc->tokens[e_].base)))) {
                j = e_ - 1;
                continue;
            }
            uint32_t ph[EVT_TITLE_PHRASE + 4];
            size_t np;
            if (named) {
                /* واستقبل رئيس المجلس X: the title is, word for word, that
                 * of a person named before, and X has been named with
                 * another: the title stands for the first (the subject), X
                 * is the object */
                int32_t x = er->mentions[named_m].entity;
                if (bags[x].n > 0 && nrecent > 1) {
                    np = phrase_hashes(lex, doc, j, e_, ph);
                    int32_t a = np > 0 && !bag_has(&bags[x], ph[0])
                                    ? match_recent(bags, recent, nrecent, ph, np, 0) : -1;
                    if (a >= 0 && a != x && np == hits(&bags[a], ph, np))
                        link[j] = a;
                }
                j = e_ - 1;
                continue;
            }
            np = phrase_hashes(lex, doc, j, e_, ph);
            /* a nationality adjective right after the title (العاهل المغربي) */
            const struct txt_token *nt = j + tl < se ? &doc->tokens[j + tl] : NULL;
            int nat_next = nt && nt->kind == TXT_WORD && nt->base && !(nt->clitics && *nt->clitics) &&
                           lex->nationalities && NULL != lex_get(lex->nationalities, nt->base);
            link[j] = match_recent(bags, recent, nrecent, ph, np, generic);
            /* واستقبل رئيس المجلس السفير الفرنسي: no one's title as a
             * whole, but two titles of two persons one after the other, the
             * second definite (the subject, then the object) */
            for (size_t k = j + tl; link[j] < 0 && nrecent > 1 && k + 1 <= e_ && k < j + EVT_TITLE_PHRASE;
                 k++) {
                size_t tl2 = evt_first_may(first, k, EVT_FIRST_TITLE, 0) &&
                                     (doc->tokens[k].flags & TXT_F_AL)
                                 ? lex_longest(lex->titles, doc, k, se, LEX_BASE, NULL) : 0;
                if (0 == tl2)
                    continue;
                uint32_t ph1[EVT_TITLE_PHRASE + 4], ph2[EVT_TITLE_PHRASE + 4];
                size_t n1 = phrase_hashes(lex, doc, j, k, ph1), n2 = phrase_hashes(lex, doc, k, e_, ph2);
                int32_t a = match_recent(bags, recent, nrecent, ph1, n1, 0);
                int32_t b = a >= 0 ? match_recent(bags, recent, nrecent, ph2, n2, 0) : -1;
                if (a >= 0 && b >= 0 && a != b && n1 == hits(&bags[a], ph1, n1) &&
                    n2 == hits(&bags[b], ph2, n2)) {
                    link[j] = a;
                    link[k] = b;
                }
                break;
            }
            /* العاهل المغربي: a monarch's title and a nationality, when the
             * article has named one monarch only (a person whose title began
             * with that word: الملك X, not رئيس الديوان الملكي X) */
            if (link[j] < 0 && ruler && tl == 1 && nat_next) {
                int32_t only = -1;
                size_t nmon = 0;
                for (size_t r = 0; r < nrecent; r++)
                    if (bags[recent[r]].head == ph[0] && 1 == ++nmon)
                        only = recent[r];
                if (1 == nmon)
                    link[j] = only;
            }
            j = e_ - 1;
        }
    }
    return LQ_OK;
}

/* end of event_title.c */
