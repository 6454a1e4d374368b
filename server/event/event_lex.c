/* Trigger and cue classes of the event lexicons, and matching them on tokens. */
#include "event_internal.h"

#include <string.h>

#include "liqa/lexicon.h"
#include "liqa/text.h"

struct name_code {
    const char *name;
    unsigned code;
};

static const struct name_code tclasses[] = {
    { "meet", EVT_T_MEET },       { "receive", EVT_T_RECEIVE }, { "visit", EVT_T_VISIT },
    { "discuss", EVT_T_DISCUSS }, { "noun", EVT_T_NOUN },       { "nvisit", EVT_T_NVISIT },
    { "nreceive", EVT_T_NRECEIVE }, { "light", EVT_T_LIGHT },
    { "arrive", EVT_T_ARRIVE },
};

static const struct name_code tflags[] = {
    { "past", EVT_TF_PAST }, { "impf", EVT_TF_IMPF }, { "jus", EVT_TF_JUS },
    { "def", EVT_TF_DEF },   { "pl", EVT_TF_PL },     { "poss", EVT_TF_POSS },
    { "obj", EVT_TF_OBJ },   { "p1", EVT_TF_P1 },     { "amb", EVT_TF_AMB },
    { "weak", EVT_TF_WEAK },
};

static const struct name_code cues[] = {
    { "future", EVT_C_FUTURE },       { "planned", EVT_C_PLANNED },
    { "planpost", EVT_C_PLANPOST },   { "uncertain", EVT_C_UNCERTAIN },
    { "negated", EVT_C_NEGATED },     { "negverb", EVT_C_NEGVERB },
    { "habitual", EVT_C_HABITUAL },   { "attend", EVT_C_ATTEND },
    { "counterpart", EVT_C_COUNTERPART }, { "phone", EVT_C_PHONE },
    { "sports", EVT_C_SPORTS },       { "media", EVT_C_MEDIA },
    { "with", EVT_C_WITH },           { "between", EVT_C_BETWEEN },
    { "group", EVT_C_GROUP },         { "boundary", EVT_C_BOUNDARY },
    { "comp", EVT_C_COMP },           { "purpose", EVT_C_PURPOSE },
    { "nonpart", EVT_C_NONPART },     { "dual", EVT_C_DUAL },
    { "relative", EVT_C_RELATIVE },   { "placehead", EVT_C_PLACEHEAD },
    { "present", EVT_C_PRESENT },     { "barrier", EVT_C_BARRIER },
    { "demonst", EVT_C_DEMONST },     { "occasion", EVT_C_OCCASION },
    { "subord", EVT_C_SUBORD },       { "topic", EVT_C_TOPIC },
    { "speech", EVT_C_SPEECH },       { "after", EVT_C_AFTER },
    { "partake", EVT_C_PARTAKE },     { "members", EVT_C_MEMBERS },
};

/* The code of the word [s, s + n) in @p tab, or 0. */
static unsigned
lookup_word(const struct name_code *tab, size_t ntab, const char *s, size_t n)
{
    for (size_t i = 0; i < ntab; i++)
        if (strlen(tab[i].name) == n && 0 == memcmp(tab[i].name, s, n))
            return tab[i].code;
    return 0;
}

enum evt_tclass
evt_parse_trigger(const char *value, unsigned *flags)
{
    unsigned cls = 0, fl = 0;
    int first = 1;
    const char *p = value ? value : "";
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (p == w)
            break;
        if (first)
            cls = lookup_word(tclasses, sizeof(tclasses) / sizeof(tclasses[0]), w,
                              (size_t)(p - w));
        else
            fl |= lookup_word(tflags, sizeof(tflags) / sizeof(tflags[0]), w, (size_t)(p - w));
        first = 0;
    }
    *flags = fl;
    return (enum evt_tclass)cls;
}

enum evt_cue
evt_parse_cue(const char *value)
{
    if (NULL == value)
        return EVT_C_NONE;
    size_t n = strcspn(value, " \t");
    return (enum evt_cue)lookup_word(cues, sizeof(cues) / sizeof(cues[0]), value, n);
}

/* "س" in UTF-8, the future prefix. */
#define SIN "\xd8\xb3"

enum evt_tclass
evt_match_trigger(const struct lex *triggers, const struct txt_doc *doc, size_t tok,
                  size_t tok_end, unsigned *flags, size_t *ntok)
{
    const struct txt_token *t = &doc->tokens[tok];
    const char *val = NULL;
    size_t n = 0;
    *flags = 0;
    *ntok = 0;
    if (t->kind != TXT_WORD)
        return EVT_T_NONE;
    n = lex_longest(triggers, doc, tok, tok_end, LEX_BASE, &val);
    if (0 == n && t->base != t->key) /* the same lookup when no clitic was cut */
        n = lex_longest(triggers, doc, tok, tok_end, LEX_KEY, &val);
    unsigned fut = (t->clitics && strstr(t->clitics, SIN)) ? EVT_TF_FUT : 0;
    if (0 == n && t->base && 0 == strncmp(t->base, SIN, 2) && strlen(t->base) > 6) {
        /* a future prefix the segmenter left on the verb: سيلتقي */
        val = lex_get(triggers, t->base + 2);
        if (val) {
            unsigned fl = 0;
            enum evt_tclass c = evt_parse_trigger(val, &fl);
            if (fl & EVT_TF_IMPF) {
                *flags = fl | EVT_TF_FUT;
                *ntok = 1;
                return c;
            }
        }
        return EVT_T_NONE;
    }
    if (0 == n)
        return EVT_T_NONE;
    unsigned fl = 0;
    enum evt_tclass c = evt_parse_trigger(val, &fl);
    if (EVT_T_NONE == c)
        return EVT_T_NONE;
    /* لبحث، لمناقشة: a purpose (to discuss), not a report of talks */
    if (c == EVT_T_DISCUSS && t->clitics && strstr(t->clitics, "\xd9\x84"))
        return EVT_T_NONE;
    /* the prefix س only marks the future on an imperfective verb */
    if (fut && (fl & EVT_TF_IMPF))
        fl |= EVT_TF_FUT;
    *flags = fl;
    *ntok = n;
    return c;
}

/* The longest entry of @p lx at token @p tok whose first word is @p first
 * and whose other words are the keys of the next tokens; 0 when none. */
static size_t
longest_from(const struct lex *lx, const struct txt_doc *doc, size_t tok, size_t tok_end,
             const char *first, const char **value)
{
    char buf[512];
    size_t len = strlen(first), best = 0;
    unsigned maxw = lex_max_words(lx);
    if (len >= sizeof(buf))
        return 0;
    memcpy(buf, first, len + 1);
    for (size_t n = 1; n <= maxw && tok + n <= tok_end; n++) {
        if (n > 1) {
            const char *k = doc->tokens[tok + n - 1].key;
            size_t kl = k ? strlen(k) : 0;
            if (0 == kl || len + 1 + kl >= sizeof(buf))
                break;
            buf[len++] = ' ';
            memcpy(buf + len, k, kl + 1);
            len += kl;
        }
        const char *v = lex_get(lx, buf);
        if (v) {
            best = n;
            *value = v;
        }
    }
    return best;
}

enum evt_cue
evt_match_cue(const struct lex *cuelex, const struct txt_doc *doc, size_t tok, size_t tok_end,
              size_t *ntok)
{
    const char *val = NULL;
    const struct txt_token *t = &doc->tokens[tok];
    size_t n = lex_longest(cuelex, doc, tok, tok_end, LEX_BASE, &val);
    if (0 == n && t->base != t->key) /* the same lookup when no clitic was cut */
        n = lex_longest(cuelex, doc, tok, tok_end, LEX_KEY, &val);
    if (0 == n && t->kind == TXT_WORD && t->base && strlen(t->base) > 4 &&
        (0 == strncmp(t->base, "\xd9\x88", 2) || 0 == strncmp(t->base, "\xd9\x81", 2)))
        n = longest_from(cuelex, doc, tok, tok_end, t->base + 2, &val); /* و ف */
    *ntok = n;
    if (0 == n)
        return EVT_C_NONE;
    return evt_parse_cue(val);
}

/* end of event_lex.c */
