/* Trigger and cue classes of the event lexicons, and matching them on tokens. */
#include "event_internal.h"

#include <string.h>

#include "liqa/lexicon.h"
#include "liqa/text.h"

/* A class or flag name with its length, so that a lookup compares lengths
 * before bytes instead of taking strlen() of every name (values are parsed
 * for every trigger and cue the tokens match). */
struct name_code {
    const char *name;
    size_t len;
    unsigned code;
};

#define NC(name, code) { name, sizeof(name) - 1, code }

static const struct name_code tclasses[] = {
    NC("meet", EVT_T_MEET),       NC("receive", EVT_T_RECEIVE), NC("visit", EVT_T_VISIT),
    NC("discuss", EVT_T_DISCUSS), NC("noun", EVT_T_NOUN),       NC("nvisit", EVT_T_NVISIT),
    NC("nreceive", EVT_T_NRECEIVE), NC("light", EVT_T_LIGHT),
    NC("arrive", EVT_T_ARRIVE),
};

static const struct name_code tflags[] = {
    NC("past", EVT_TF_PAST), NC("impf", EVT_TF_IMPF), NC("jus", EVT_TF_JUS),
    NC("def", EVT_TF_DEF),   NC("pl", EVT_TF_PL),     NC("poss", EVT_TF_POSS),
    NC("obj", EVT_TF_OBJ),   NC("p1", EVT_TF_P1),     NC("amb", EVT_TF_AMB),
    NC("weak", EVT_TF_WEAK), NC("invite", EVT_TF_INVITE),
};

static const struct name_code cues[] = {
    NC("future", EVT_C_FUTURE),       NC("planned", EVT_C_PLANNED),
    NC("planpost", EVT_C_PLANPOST),   NC("uncertain", EVT_C_UNCERTAIN),
    NC("negated", EVT_C_NEGATED),     NC("negverb", EVT_C_NEGVERB),
    NC("habitual", EVT_C_HABITUAL),   NC("attend", EVT_C_ATTEND),
    NC("counterpart", EVT_C_COUNTERPART), NC("phone", EVT_C_PHONE),
    NC("sports", EVT_C_SPORTS),       NC("media", EVT_C_MEDIA),
    NC("with", EVT_C_WITH),           NC("between", EVT_C_BETWEEN),
    NC("group", EVT_C_GROUP),         NC("boundary", EVT_C_BOUNDARY),
    NC("comp", EVT_C_COMP),           NC("purpose", EVT_C_PURPOSE),
    NC("nonpart", EVT_C_NONPART),     NC("dual", EVT_C_DUAL),
    NC("relative", EVT_C_RELATIVE),   NC("placehead", EVT_C_PLACEHEAD),
    NC("present", EVT_C_PRESENT),     NC("barrier", EVT_C_BARRIER),
    NC("demonst", EVT_C_DEMONST),     NC("occasion", EVT_C_OCCASION),
    NC("subord", EVT_C_SUBORD),       NC("topic", EVT_C_TOPIC),
    NC("speech", EVT_C_SPEECH),       NC("after", EVT_C_AFTER),
    NC("partake", EVT_C_PARTAKE),     NC("members", EVT_C_MEMBERS),
    NC("newtopic", EVT_C_NEWTOPIC),   NC("plain", EVT_C_NONE),
};

/* The code of the word [s, s + n) in @p tab, or 0. */
static unsigned
lookup_word(const struct name_code *tab, size_t ntab, const char *s, size_t n)
{
    for (size_t i = 0; i < ntab; i++)
        if (tab[i].len == n && n && tab[i].name[0] == s[0] && 0 == memcmp(tab[i].name, s, n))
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
                  size_t tok_end, const uint8_t *first, unsigned *flags, size_t *ntok)
{
    const struct txt_token *t = &doc->tokens[tok];
    const char *val = NULL;
    size_t n = 0;
    *flags = 0;
    *ntok = 0;
    if (t->kind != TXT_WORD)
        return EVT_T_NONE;
    if (evt_first_may(first, tok, EVT_FIRST_TRIGGER, 0))
        n = lex_longest(triggers, doc, tok, tok_end, LEX_BASE, &val);
    if (0 == n && t->base != t->key && /* the same lookup when no clitic was cut */
        evt_first_may(first, tok, EVT_FIRST_TRIGGER, 1))
        n = lex_longest(triggers, doc, tok, tok_end, LEX_KEY, &val);
    /* (the bytes of س compared first: most words start otherwise) */
    if (0 == n && t->base && '\xd8' == t->base[0] && '\xb3' == t->base[1] && strlen(t->base) > 6) {
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
    unsigned fut = (t->clitics && strstr(t->clitics, SIN)) ? EVT_TF_FUT : 0;
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
        int more = 0;
        const char *v = lex_probe(lx, buf, len, &more);
        if (v) {
            best = n;
            *value = v;
        }
        if (!more)
            break; /* no longer entry starts with these words */
    }
    return best;
}

enum evt_cue
evt_match_cue(const struct lex *cuelex, const struct txt_doc *doc, size_t tok, size_t tok_end,
              const uint8_t *first, size_t *ntok)
{
    const char *val = NULL;
    const struct txt_token *t = &doc->tokens[tok];
    size_t n = 0;
    if (evt_first_may(first, tok, EVT_FIRST_CUE, 0))
        n = lex_longest(cuelex, doc, tok, tok_end, LEX_BASE, &val);
    if (0 == n && t->base != t->key && /* the same lookup when no clitic was cut */
        evt_first_may(first, tok, EVT_FIRST_CUE, 1))
        n = lex_longest(cuelex, doc, tok, tok_end, LEX_KEY, &val);
    if (0 == n && t->kind == TXT_WORD && t->base && '\xd9' == t->base[0] &&
        ('\x88' == t->base[1] || '\x81' == t->base[1]) && strlen(t->base) > 4)
        n = longest_from(cuelex, doc, tok, tok_end, t->base + 2, &val); /* و ف */
    *ntok = n;
    if (0 == n)
        return EVT_C_NONE;
    return evt_parse_cue(val);
}

/* end of event_lex.c */
