/*
 * In-document coreference: mentions with one normalized name form one
 * group; groups join when a family name alone matches a full name, when
 * two spellings of a foreign name share their consonant skeleton, when two
 * organization names differ only by their head noun or nationality
 * adjective, or when an acronym stands for the organization. Every lookup
 * goes through hash tables and bounded buckets, so the work grows with the
 * number of distinct names, not with the square of the mentions.
 */
#include <stdio.h>
#include <string.h>

#include "entity_internal.h"
#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

#define NAME_MAX_WORDS 16
#define BUCKET_MAX 48
#define WORD_MAX_BYTES 256

/* One distinct name (normalized form) and what coreference knows of it. */
struct name {
    const char *skey;        /* normalized words joined by one space */
    const char **words;      /* normalized words */
    uint32_t nwords;
    const char **skel;       /* consonant skeleton of each word */
    int typecount[NER_NTYPES];
    enum ner_type type;
    uint32_t count;          /* mentions */
    uint32_t first;          /* first mention */
    int32_t parent;          /* union-find */
    /* organizations */
    const char *head;        /* indefinite head noun, or "" */
    const char *core;        /* words without head and nationality */
    const char *natl;        /* country of a closing nationality adjective, or "" */
    int32_t next_bucket;     /* chain in a bucket table */
    const char *fuzzy;       /* organizations: consonant skeletons of the words before the
                                nationality, without ال and generic adjectives, or NULL */
    int32_t next_fuzzy;      /* chain in the fuzzy table */
    int canon;               /* the core came from synonyms.txt: nationalities must agree */
    int quality;             /* 2 a rule or lexicon found it, 1 the tagger, 0 repeats only */
    int after_link;          /* a mention of it follows بن / ابن (بن سلمان: the son) */
};

/* open-addressing table: string → int32 */
struct table {
    const char **keys;
    int32_t *vals;
    size_t cap;
};

static uint64_t
hash_str(const char *s)
{
    return ent_hash_str(s);
}

static int
table_init(struct table *t, struct lq_arena *a, size_t n)
{
    t->cap = 16;
    while (t->cap < 2 * n + 16)
        t->cap *= 2;
    t->keys = lq_arena_calloc(a, t->cap, sizeof(*t->keys));
    t->vals = lq_arena_calloc(a, t->cap, sizeof(*t->vals));
    return t->keys && t->vals ? LQ_OK : LQ_ERR_NOMEM;
}

/* the value slot of key, inserted with -1 when @p insert */
static int32_t *
table_slot(struct table *t, const char *key, int insert)
{
    size_t mask = t->cap - 1, i = (size_t)hash_str(key) & mask;
    for (size_t probes = 0; probes < t->cap; probes++, i = (i + 1) & mask) {
        if (NULL == t->keys[i]) {
            if (!insert)
                return NULL;
            t->keys[i] = key;
            t->vals[i] = -1;
            return &t->vals[i];
        }
        if (0 == strcmp(t->keys[i], key))
            return &t->vals[i];
    }
    return NULL;
}

static int32_t
find(struct name *nm, int32_t i)
{
    while (nm[i].parent != i) {
        nm[i].parent = nm[nm[i].parent].parent;
        i = nm[i].parent;
    }
    return i;
}

static void
unite(struct name *nm, int32_t a, int32_t b)
{
    a = find(nm, a);
    b = find(nm, b);
    if (a == b)
        return;
    /* the root is the name mentioned first */
    if (nm[a].first <= nm[b].first)
        nm[b].parent = a;
    else
        nm[a].parent = b;
}

static const char *
fold_dup(struct lq_arena *a, const char *s)
{
    char buf[1024];
    size_t n = txt_fold(s, strlen(s), buf, sizeof(buf));
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    return lq_arena_strndup(a, buf, n);
}

/* one UTF-8 character starting at s: its length */
static size_t
u8len(const unsigned char *s)
{
    if (*s < 0x80)
        return 1;
    if ((*s & 0xE0) == 0xC0)
        return 2;
    if ((*s & 0xF0) == 0xE0)
        return 3;
    return 4;
}

size_t
ent_skeleton(const char *key, char *out, size_t cap)
{
    const char *s = key;
    size_t n = 0;
    /* ال (the bytes compared in place: this runs for every word of every
     * mention) and more than one letter after it */
    if ('\xd8' == s[0] && '\xa7' == s[1] && '\xd9' == s[2] && '\x84' == s[3] &&
        strlen(s) > strlen("ال") + 2)
        s += strlen("ال");
    while (*s) {
        size_t l = u8len((const unsigned char *)s);
        /* every letter dropped or merged is two bytes: one switch on them
         * (the UTF-8 bytes of each letter in its comment) instead of
         * strcmp() against each */
        unsigned c2 = 2 == l ? ((unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1]) : 0;
        int skip = 0;
        const char *rep = NULL; /* NULL: the letter itself */
        switch (c2) {
        case 0xd8a7: /* ا */
        case 0xd988: /* و */
        case 0xd98a: /* ي */
        case 0xd989: /* ى */
        case 0xd8a1: /* ء */
        case 0xd8a3: /* أ */
        case 0xd8a5: /* إ */
        case 0xd8a2: /* آ */
        case 0xd8a4: /* ؤ */
        case 0xd8a6: /* ئ */
        case 0xd8a9: /* ة */
            skip = 1;
            break;
        case 0xd987: /* ه only at the end (ة folded) */
            skip = s[l] == '\0';
            break;
        case 0xd8ba: /* غ */
        case 0xd8ac: /* ج */
        case 0xdaa0: /* ڠ */
        case 0xdaaf: /* گ */
            rep = "ج";
            break;
        case 0xdaa4: /* ڤ */
            rep = "ف";
            break;
        case 0xd8ab: /* ث */
        case 0xd8b7: /* ط */
            rep = "ت"; /* باتيلي / باثيلي */
            break;
        case 0xd8b0: /* ذ */
        case 0xd8b8: /* ظ */
            rep = "ز";
            break;
        case 0xd8b5: /* ص */
            rep = "س";
            break;
        case 0xd8b6: /* ض */
            rep = "د";
            break;
        case 0xd9be: /* پ */
            rep = "ب";
            break;
        default:
            break;
        }
        if (!skip) {
            /* the letter itself: its bytes up to the fourth, or to a NUL
             * (as a copy of them measured with strlen()); no call per
             * letter, the words of every mention pass here */
            size_t rl = 0;
            if (NULL == rep) {
                rep = s;
                while (rl < l && rl < 4 && s[rl])
                    rl++;
            } else {
                rl = strlen(rep);
            }
            /* doubled consonants count once */
            int same = n >= rl;
            for (size_t k = 0; same && k < rl; k++)
                same = out[n - rl + k] == rep[k];
            if (!same) {
                if (n + rl + 1 > cap)
                    break;
                for (size_t k = 0; k < rl; k++) /* at most four bytes */
                    out[n + k] = rep[k];
                n += rl;
            }
        }
        s += l;
    }
    if (cap)
        out[n < cap ? n : cap - 1] = '\0';
    return n;
}

/* is the word a generic place head (مدينة، محافظة) that a place's name drops? */
static int
admin_head(const struct lq_lexicons *lx, const char *word)
{
    const char *v = lex_get(lx->org_heads, word);
    return v && NULL != strstr(v, "admin");
}

/* normalized words of a mention: word synonyms, then a whole-name synonym */
static int
mention_words(struct ent_work *w, const struct ent_mention *m, int cut, const char **words,
              uint32_t *nw)
{
    const struct txt_token *tk = w->doc->tokens;
    const struct lex *syn = w->lx->synonyms;
    uint32_t n = 0;
    char joined[2048];
    size_t jl = 0;
    for (uint32_t t = m->tok_begin; t < m->tok_end && n < NAME_MAX_WORDS; t++) {
        const char *k = t == m->tok_begin ? tk[t].base : tk[t].key;
        if (t == m->tok_begin && cut) {
            /* skip the unsplit proclitic: one letter */
            const unsigned char *u = (const unsigned char *)k;
            k += (*u < 0x80) ? 1 : ((*u & 0xE0) == 0xC0) ? 2 : 3;
        }
        if (0 == strcmp(k, "ابن"))
            k = "بن";
        /* للسعودية left whole: ل + السعودية */
        if (t == m->tok_begin && !cut && 0 == strncmp(k, "لل", strlen("لل")) &&
            strlen(k) >= strlen("لل") + 3 * 2 && !(tk[t].clitics && tk[t].clitics[0])) {
            char buf[256];
            int l = snprintf(buf, sizeof(buf), "ال%s", k + strlen("لل"));
            if (l > 0 && (size_t)l < sizeof(buf)) {
                k = lq_arena_strndup(w->arena, buf, (size_t)l);
                if (NULL == k)
                    return LQ_ERR_NOMEM;
            }
        }
        size_t kl = strlen(k);
        if (jl + kl + 2 < sizeof(joined)) {
            if (jl)
                joined[jl++] = ' ';
            memcpy(joined + jl, k, kl);
            jl += kl;
            joined[jl] = '\0';
        }
        words[n++] = k;
    }
    joined[jl] = '\0';
    /* عبد الحفيظ and عبدالحفيظ are one word */
    for (uint32_t k = 0; k + 1 < n; k++) {
        if (0 != strcmp(words[k], "عبد"))
            continue;
        char buf[256];
        int l = snprintf(buf, sizeof(buf), "عبد%s", words[k + 1]);
        if (l <= 0 || (size_t)l >= sizeof(buf))
            continue;
        const char *merged = lq_arena_strndup(w->arena, buf, (size_t)l);
        if (NULL == merged)
            return LQ_ERR_NOMEM;
        words[k] = merged;
        memmove(words + k + 1, words + k + 2, (n - k - 2) * sizeof(*words));
        n--;
    }
    if (NER_LOC == m->type && n >= 2 && admin_head(w->lx, words[0]) &&
        !(syn && lex_get(syn, joined))) {
        /* مدينة القدس is القدس */
        memmove(words, words + 1, (n - 1) * sizeof(*words));
        n--;
        const char *sp = strchr(joined, ' ');
        if (sp)
            memmove(joined, sp + 1, strlen(sp + 1) + 1);
    }
    const char *whole = syn ? lex_get(syn, joined) : NULL;
    if (whole && whole[0]) {
        const char *f = fold_dup(w->arena, whole);
        if (NULL == f)
            return LQ_ERR_NOMEM;
        /* split the canonical form into words */
        n = 0;
        char *copy = lq_arena_strndup(w->arena, f, strlen(f));
        if (NULL == copy)
            return LQ_ERR_NOMEM;
        char *p = copy;
        while (*p && n < NAME_MAX_WORDS) {
            words[n++] = p;
            char *sp = strchr(p, ' ');
            if (NULL == sp)
                break;
            *sp = '\0';
            p = sp + 1;
        }
    } else if (syn) {
        for (uint32_t k = 0; k < n; k++) {
            const char *v = lex_get(syn, words[k]);
            if (v && v[0] && NULL == strchr(v, ' ')) {
                const char *f = fold_dup(w->arena, v);
                if (NULL == f)
                    return LQ_ERR_NOMEM;
                words[k] = f;
            }
        }
    }
    *nw = n;
    return LQ_OK;
}

static const char *
join(struct lq_arena *a, const char **words, uint32_t n)
{
    size_t len = 0;
    for (uint32_t k = 0; k < n; k++)
        len += strlen(words[k]) + 1;
    char *s = lq_arena_alloc(a, len + 1);
    if (NULL == s)
        return NULL;
    size_t o = 0;
    for (uint32_t k = 0; k < n; k++) {
        if (k)
            s[o++] = ' ';
        size_t l = strlen(words[k]);
        memcpy(s + o, words[k], l);
        o += l;
    }
    s[o] = '\0';
    return s;
}

/* split a lexicon text (an acronym's expansion) into normalized words */
static uint32_t
split_words(struct ent_work *w, const char *text, const char **words)
{
    const char *f = fold_dup(w->arena, text);
    if (NULL == f)
        return 0;
    char *copy = lq_arena_strndup(w->arena, f, strlen(f));
    if (NULL == copy)
        return 0;
    uint32_t n = 0;
    char *p = copy;
    while (*p && n < NAME_MAX_WORDS) {
        words[n++] = p;
        char *sp = strchr(p, ' ');
        if (NULL == sp)
            break;
        *sp = '\0';
        p = sp + 1;
    }
    const struct lex *syn = w->lx->synonyms;
    for (uint32_t k = 0; syn && k < n; k++) {
        const char *v = lex_get(syn, words[k]);
        if (v && v[0] && NULL == strchr(v, ' ')) {
            const char *g = fold_dup(w->arena, v);
            if (g)
                words[k] = g;
        }
    }
    return n;
}

/* head, core and nationality of an organization's words */
static int
org_parts(struct ent_work *w, struct name *nm, const char **words, uint32_t n)
{
    const struct lq_lexicons *lx = w->lx;
    uint32_t b = 0, e = n;
    nm->head = "";
    nm->natl = "";
    if (n >= 2 && strncmp(words[0], "ال", strlen("ال")) != 0) {
        const char *v = lex_get(lx->org_heads, words[0]);
        if (v) {
            nm->head = words[0];
            b = 1;
        }
    }
    if (e > b + 1) {
        const char *c = lex_get(lx->nationalities, words[e - 1]);
        if (c && c[0]) {
            const char *f = fold_dup(w->arena, c);
            if (NULL == f)
                return LQ_ERR_NOMEM;
            nm->natl = f;
            e--;
        }
    }
    nm->core = join(w->arena, words + b, e - b);
    if (NULL == nm->core)
        return LQ_ERR_NOMEM;
    /* الجيش الأردني is القوات المسلحة الأردنية: a synonym of the whole name
     * before its nationality (synonyms.txt) */
    if (lx->synonyms && e < n) {
        const char *all = join(w->arena, words, e);
        if (NULL == all)
            return LQ_ERR_NOMEM;
        const char *v = lex_get(lx->synonyms, all);
        if (v && v[0]) {
            const char *f = fold_dup(w->arena, v);
            if (NULL == f)
                return LQ_ERR_NOMEM;
            /* its head noun, as above */
            const char *sp = strchr(f, ' ');
            nm->head = "";
            nm->core = f;
            if (sp && 0 != strncmp(f, "ال", strlen("ال"))) {
                const char *hd = lq_arena_strndup(w->arena, f, (size_t)(sp - f));
                if (NULL == hd)
                    return LQ_ERR_NOMEM;
                if (lex_get(lx->org_heads, hd)) {
                    nm->head = hd;
                    nm->core = sp + 1;
                }
            }
            nm->canon = 1;
        }
    }
    /* the fuzzy key: مجلس الرئاسة / المجلس الرئاسي, مجلس الشعب / المجلس
     * الشعبي, الفدرالية / الفيدرالي, الاستخبارات العامة الأردنية / الاستخبارات
     * الأردنية */
    char buf[512];
    size_t bl = 0;
    uint32_t kept = 0, cons = 0;
    int ba = 0; /* a dropped بمدينة: the next word takes its ب */
    for (uint32_t k = 0; k < e; k++) {
        const char *wd = words[k];
        if (k > 0 && (0 == strcmp(wd, "العام") || 0 == strcmp(wd, "العامه")))
            continue;
        /* الغرفة التجارية بمدينة تبوك is الغرفة التجارية بتبوك */
        if (k > 0 && k + 1 < e && 0 == strncmp(wd, "ب", strlen("ب")) && !ba) {
            const char *hv = lex_get(lx->org_heads, wd + strlen("ب"));
            if (hv && strstr(hv, "admin")) {
                ba = 1;
                continue;
            }
        }
        char sk[WORD_MAX_BYTES];
        size_t sl;
        if (ba) {
            memcpy(sk, "ب", strlen("ب"));
            sl = strlen("ب") + ent_skeleton(wd, sk + strlen("ب"), sizeof(sk) - strlen("ب"));
            ba = 0;
        } else
            sl = ent_skeleton(wd, sk, sizeof(sk));
        if (0 == sl || sl >= sizeof(sk))
            return LQ_OK;
        if (bl + sl + 2 >= sizeof(buf))
            return LQ_OK;
        if (bl)
            buf[bl++] = ' ';
        memcpy(buf + bl, sk, sl);
        bl += sl;
        kept++;
        cons += (uint32_t)sl / 2;
    }
    buf[bl] = '\0';
    /* enough to mean something: two words, or one and a nationality */
    if ((kept >= 2 || (1 == kept && nm->natl[0])) && cons >= 5) {
        nm->fuzzy = lq_arena_strndup(w->arena, buf, bl);
        if (NULL == nm->fuzzy)
            return LQ_ERR_NOMEM;
    }
    return LQ_OK;
}

static int
org_compatible(const struct name *a, const struct name *b)
{
    if (0 != strcmp(a->core, b->core))
        return 0;
    if (a->head[0] && b->head[0] && 0 != strcmp(a->head, b->head))
        return 0;
    if (a->natl[0] && b->natl[0] && 0 != strcmp(a->natl, b->natl))
        return 0;
    /* البرلمان الأردني is مجلس النواب الأردني, البرلمان العربي is not */
    if ((a->canon || b->canon) && 0 != strcmp(a->natl, b->natl))
        return 0;
    return 1;
}

/* Claim @p key in @p t for name k: the first name to claim it owns it; a
 * second name of another entity makes it shared (-2), which no lookup
 * takes. */
static int
claim(struct table *t, struct name *nm, const char *key, int32_t k)
{
    int32_t *slot = table_slot(t, key, 1);
    if (NULL == slot)
        return LQ_ERR_NOMEM;
    if (-1 == *slot)
        *slot = k;
    else if (*slot >= 0 && find(nm, *slot) != find(nm, k))
        *slot = -2;
    return LQ_OK;
}

/* are two words one name: equal, or one consonant skeleton (not two
 * different given names) */
static int
same_word(const struct lex *fn, const struct name *a, uint32_t i, const struct name *b, uint32_t j)
{
    if (0 == strcmp(a->words[i], b->words[j]))
        return 1;
    if (lex_get(fn, a->words[i]) && lex_get(fn, b->words[j]))
        return 0;
    return strlen(a->skel[i]) >= 3 * 2 && 0 == strcmp(a->skel[i], b->skel[j]);
}

static int
is_link(const char *w)
{
    return 0 == strcmp(w, "بن") || 0 == strcmp(w, "بنت");
}

/* عادل الجبير in عادل بن أحمد الجبير: same first and last word, a's words
 * in order among b's */
static int
subsequence(const struct lex *fn, const struct name *a, const struct name *b)
{
    if (a->nwords < 2 || a->nwords >= b->nwords)
        return 0;
    if (!same_word(fn, a, 0, b, 0) || !same_word(fn, a, a->nwords - 1, b, b->nwords - 1))
        return 0;
    uint32_t j = 1;
    for (uint32_t i = 1; i + 1 < a->nwords; i++) {
        while (j + 1 < b->nwords && !same_word(fn, a, i, b, j))
            j++;
        if (j + 1 >= b->nwords)
            return 0;
        j++;
    }
    return 1;
}

/* edit distance of two skeletons, in bytes, up to 2 (3 means more) */
static int
near(const char *x, const char *y)
{
    size_t n = strlen(x), m = strlen(y);
    if (n > 64 || m > 64 || (n > m ? n - m : m - n) > 4)
        return 3;
    /* compare code points: Arabic letters are two bytes each */
    if (n % 2 || m % 2)
        return 0 == strcmp(x, y) ? 0 : 3;
    n /= 2;
    m /= 2;
    int d[33][33];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int c = 0 == memcmp(x + 2 * (i - 1), y + 2 * (j - 1), 2) ? 0 : 1;
            int v = d[i - 1][j - 1] + c;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            d[i][j] = v;
        }
    return d[n][m] > 3 ? 3 : d[n][m];
}

/* محمد بن راشد at the start of محمد بن راشد آل مكتوم */
static int
lineage_prefix(const struct name *a, const struct name *b)
{
    if (a->nwords < 3 || a->nwords >= b->nwords || !is_link(a->words[1]))
        return 0;
    for (uint32_t k = 0; k < a->nwords; k++)
        if (0 != strcmp(a->words[k], b->words[k]))
            return 0;
    return 1;
}

/* is a (shorter) a suffix of b by skeletons? */
static int
skel_suffix(const struct lex *fn, const struct name *a, const struct name *b)
{
    if (a->nwords > b->nwords)
        return 0;
    uint32_t off = b->nwords - a->nwords;
    /* سلمان بن عبدالعزيز inside محمد بن سلمان بن عبدالعزيز is the father,
     * and so is سلمان alone at the end of محمد بن سلمان, unless the text
     * writes it after the link (بن سلمان، ابن سلمان: the son) */
    if (off > 0 && is_link(b->words[off - 1]) && (a->nwords > 1 || !a->after_link))
        return 0;
    for (uint32_t k = 0; k < a->nwords; k++) {
        const char *x = a->skel[k], *y = b->skel[off + k];
        if (0 == strcmp(a->words[k], b->words[off + k]))
            continue;
        /* حسن / حسين, محمد / محمود: two given names are two people */
        if (lex_get(fn, a->words[k]) && lex_get(fn, b->words[off + k]))
            return 0;
        /* a skeleton match needs enough consonants to mean something */
        if (strlen(x) < 3 * 2 || 0 != strcmp(x, y))
            return 0;
    }
    return 1;
}

/* how sure a mention's source makes us */
static float
source_confidence(unsigned src)
{
    if (src & ENT_SRC_RULE)
        return 0.9f;
    if (src & ENT_SRC_LEXICON)
        return 0.85f;
    if (src & ENT_SRC_TAGGER)
        return 0.75f;
    return 0.6f;
}

/* the entity of the first organization (else place) mention in tokens [b, e) */
static int32_t
affiliation_in(const struct ent_result *out, uint32_t b, uint32_t e)
{
    int32_t loc = -1;
    for (uint32_t t = b; t < e; t++) {
        int32_t m = out->tok_mention[t];
        if (m < 0)
            continue;
        const struct ent_mention *mm = &out->mentions[m];
        if (NER_ORG == mm->type && mm->entity >= 0)
            return mm->entity;
        if (NER_LOC == mm->type && loc < 0)
            loc = mm->entity;
    }
    return loc;
}

/* جمهورية، دولة، مملكة، سلطنة، إمارة: the head noun of a state's name */
static int
state_noun(const char *w)
{
    static const char *const heads[] = { "جمهوريه", "دوله", "مملكه", "سلطنه", "اماره" };
    for (size_t i = 0; w && i < sizeof(heads) / sizeof(heads[0]); i++)
        if (0 == strcmp(w, heads[i]))
            return 1;
    return 0;
}

/* الجمهورية، المملكة، الدولة، الإمارات ...: the definite word for a state */
static int
state_head(const char *w)
{
    return (0 == strncmp(w, "ال", strlen("ال")) && state_noun(w + strlen("ال"))) ||
           0 == strcmp(w, "الامارات");
}

static int32_t
country_entity(struct ent_work *w, struct table *bykey, struct name *nm, const char *country)
{
    if (NULL == country || !country[0])
        return -1;
    const char *f = fold_dup(w->arena, country);
    if (NULL == f)
        return -1;
    const char *v = w->lx->synonyms ? lex_get(w->lx->synonyms, f) : NULL;
    if (v && v[0])
        f = fold_dup(w->arena, v);
    if (NULL == f)
        return -1;
    int32_t *slot = table_slot(bykey, f, 0);
    if (NULL == slot || *slot < 0 || NER_LOC != nm[*slot].type)
        return -1;
    return find(nm, *slot);
}

/*
 * A phrase whose first word carries the preposition ل before ال, written
 * with ال: للهيئة الوطنية (ل + ال cannot be cut off the surface) is الهيئة
 * الوطنية; للجنة الوزارية (ل + اللجنة, the word's own ل left first, a
 * definite adjective after it) is اللجنة الوزارية, for a head noun only
 * (not لليبيا الجديدة). @p text is the phrase from tokens [b, e).
 * @param out  receives the rewritten phrase (in the arena), or NULL when it
 *             stays as it is
 * @return LQ_OK or LQ_ERR_NOMEM
 */
static int
with_article(struct ent_work *w, uint32_t b, uint32_t e, const char *text, const char **out)
{
    const struct txt_token *tk = w->doc->tokens, *ft = &tk[b];
    size_t cl = ft->clitics ? strlen(ft->clitics) : 0;
    *out = NULL;
    if (cl < strlen("ل") || 0 != strcmp(ft->clitics + cl - strlen("ل"), "ل") || NULL == ft->base ||
        strlen(text) <= strlen("لل") + 4)
        return LQ_OK;
    size_t skip = 0;
    int al = 0 == strncmp(ft->base, "ال", strlen("ال"));
    if (al && 0 == strncmp(text, "لل", strlen("لل")))
        skip = strlen("لل");
    else if (!(!al && 0 == strncmp(text, "ل", strlen("ل")) && e > b + 1 &&
               (tk[b + 1].flags & TXT_F_AL) && lex_get(w->lx->org_heads, ft->base)))
        return LQ_OK;
    size_t bl = strlen(text + skip);
    char *s = lq_arena_alloc(w->arena, strlen("ال") + bl + 1);
    if (NULL == s)
        return LQ_ERR_NOMEM;
    memcpy(s, "ال", strlen("ال"));
    memcpy(s + strlen("ال"), text + skip, bl + 1);
    *out = s;
    return LQ_OK;
}

/* The title phrase @p p as the office of person @p e when it has none yet,
 * and @p af as the person's affiliation when it has none; the title is
 * copied into the request arena. LQ_ERR_NOMEM or LQ_OK. */
static int
phrase_title(struct ent_work *w, struct ent_entity *e, const struct ent_titlephrase *p, int32_t af)
{
    const struct txt_token *tk = w->doc->tokens;
    if (NULL == e->title) {
        e->title = txt_slice(w->doc, w->arena, tk[p->b].body_start, tk[p->e - 1].end);
        if (NULL == e->title)
            return LQ_ERR_NOMEM;
    }
    if (e->affiliation < 0)
        e->affiliation = af;
    return LQ_OK;
}

/* Does a name that starts at token i stand where its own office may follow
 * it: first in its sentence, a list item (ومحسن، after a comma or a colon),
 * or the subject of a verb of saying (وقال X)? */
static int
post_slot(const struct ent_work *w, size_t i)
{
    const struct txt_token *tk = w->doc->tokens;
    if (i == w->doc->sents[tk[i].sentence].tok_begin)
        return 1;
    if (tk[i].clitics && 0 == strcmp(tk[i].clitics, "و"))
        return 1;
    const struct txt_token *p = &tk[i - 1];
    if (TXT_PUNCT == p->kind)
        return 0 == strcmp(p->key, "،") || 0 == strcmp(p->key, ",") || 0 == strcmp(p->key, ":");
    if (TXT_WORD != p->kind || NULL == p->base || NULL == w->lx->cues)
        return 0;
    const char *v = lex_get(w->lx->cues, p->base);
    if (NULL == v && (0 == strncmp(p->base, "و", strlen("و")) || 0 == strncmp(p->base, "ف", strlen("ف"))))
        v = lex_get(w->lx->cues, p->base + strlen("و"));
    return v && 0 == strcmp(v, "speech");
}

int
ent_coref(struct ent_work *w, struct ent_result *out)
{
    struct lq_arena *a = w->arena;
    size_t nm_ = out->nmentions;
    if (0 == nm_) {
        out->entities = NULL;
        out->nentities = 0;
        return LQ_OK;
    }
    struct name *nm = lq_arena_calloc(a, nm_, sizeof(*nm));
    int32_t *mname = lq_arena_alloc(a, nm_ * sizeof(*mname));
    struct table bykey;
    if (NULL == nm || NULL == mname || LQ_OK != table_init(&bykey, a, nm_))
        return LQ_ERR_NOMEM;
    size_t nn = 0;
    const char *words[NAME_MAX_WORDS];
    /* acronym expansions by mention */
    const char **expand = lq_arena_calloc(a, nm_, sizeof(*expand));
    if (NULL == expand)
        return LQ_ERR_NOMEM;
    uint8_t *cuts = lq_arena_calloc(a, nm_, 1);
    if (NULL == cuts)
        return LQ_ERR_NOMEM;
    for (size_t k = 0; k < w->ncands; k++) {
        if (w->cands[k].mention >= 0 && w->cands[k].expand)
            expand[w->cands[k].mention] = w->cands[k].expand;
        if (w->cands[k].mention >= 0)
            cuts[w->cands[k].mention] = w->cands[k].cut;
    }

    /* 1. distinct names */
    for (size_t i = 0; i < nm_; i++) {
        const struct ent_mention *m = &out->mentions[i];
        uint32_t n = 0;
        int rc = mention_words(w, m, cuts[i], words, &n);
        if (LQ_OK != rc)
            return rc;
        const char *skey = join(a, words, n);
        if (NULL == skey)
            return LQ_ERR_NOMEM;
        int32_t *slot = table_slot(&bykey, skey, 1);
        if (NULL == slot)
            return LQ_ERR_NOMEM;
        if (*slot < 0) {
            struct name *x = &nm[nn];
            x->skey = skey;
            x->nwords = n;
            x->words = lq_arena_alloc(a, (n ? n : 1) * sizeof(*x->words));
            x->skel = lq_arena_alloc(a, (n ? n : 1) * sizeof(*x->skel));
            if (NULL == x->words || NULL == x->skel)
                return LQ_ERR_NOMEM;
            for (uint32_t k = 0; k < n; k++) {
                char sk[WORD_MAX_BYTES];
                x->words[k] = words[k];
                size_t sl = ent_skeleton(words[k], sk, sizeof(sk));
                x->skel[k] = lq_arena_strndup(a, sk, sl < sizeof(sk) ? sl : sizeof(sk) - 1);
                if (NULL == x->skel[k])
                    return LQ_ERR_NOMEM;
            }
            x->first = (uint32_t)i;
            x->parent = (int32_t)nn;
            x->next_bucket = -1;
            *slot = (int32_t)nn++;
        }
        struct name *x = &nm[*slot];
        if (m->tok_begin > 0) {
            const struct txt_token *pv = &w->doc->tokens[m->tok_begin - 1];
            const char *pb = pv->kind == TXT_WORD ? pv->base : NULL;
            if (pb && (0 == strcmp(pb, "بن") || 0 == strcmp(pb, "ابن")))
                x->after_link = 1;
        }
        int q = (m->source & (ENT_SRC_RULE | ENT_SRC_LEXICON)) ? 2 : (m->source & ENT_SRC_TAGGER) ? 1 : 0;
        if (q > x->quality)
            x->quality = q;
        x->typecount[m->type]++;
        x->count++;
        mname[i] = *slot;
    }
    /* majority type of each name; the first mention's type breaks ties */
    for (size_t k = 0; k < nn; k++) {
        struct name *x = &nm[k];
        enum ner_type best = out->mentions[x->first].type;
        for (int t = NER_PER; t <= NER_LOC; t++)
            if (x->typecount[t] > x->typecount[best])
                best = (enum ner_type)t;
        x->type = best;
    }
    /* جون ماثيوز tagged an organization, ماثيوز alone a person: a name that
     * only the tagger read as an organization, with no head noun and no
     * lexicon entry, whose last word stands alone as a person, is that
     * person */
    for (size_t k = 0; k < nn; k++) {
        struct name *x = &nm[k];
        if (NER_ORG != x->type || x->quality != 1 || x->nwords < 2 || x->nwords > 3 ||
            lex_get(w->lx->org_heads, x->words[0]) ||
            (w->lx->organizations && lex_get(w->lx->organizations, x->skey)))
            continue;
        int32_t *slot = table_slot(&bykey, x->words[x->nwords - 1], 0);
        if (slot && *slot >= 0 && NER_PER == nm[*slot].type && nm[*slot].nwords == 1)
            x->type = NER_PER;
    }
    for (size_t i = 0; i < nm_; i++)
        out->mentions[i].type = nm[mname[i]].type;

    /* 2. organizations: head, core, nationality; acronyms by their expansion */
    struct table bycore, bylast;
    if (LQ_OK != table_init(&bycore, a, nn) || LQ_OK != table_init(&bylast, a, nn))
        return LQ_ERR_NOMEM;
    for (size_t k = 0; k < nn; k++) {
        struct name *x = &nm[k];
        if (NER_ORG != x->type)
            continue;
        const char *ex = expand[x->first];
        int rc;
        if (ex) {
            const char *ew[NAME_MAX_WORDS];
            uint32_t en = split_words(w, ex, ew);
            rc = en ? org_parts(w, x, ew, en) : org_parts(w, x, x->words, x->nwords);
        } else
            rc = org_parts(w, x, x->words, x->nwords);
        if (LQ_OK != rc)
            return rc;
        int32_t *slot = table_slot(&bycore, x->core, 1);
        if (NULL == slot)
            return LQ_ERR_NOMEM;
        /* join the compatible names already in the bucket */
        int32_t best = -1, depth = 0;
        int ambiguous = 0;
        for (int32_t p = *slot; p >= 0 && depth < BUCKET_MAX; p = nm[p].next_bucket, depth++) {
            if (!org_compatible(x, &nm[p]))
                continue;
            if (best >= 0 && find(nm, best) != find(nm, p) &&
                0 != strcmp(nm[best].natl, nm[p].natl))
                ambiguous = 1;
            if (best < 0 || nm[p].count > nm[best].count)
                best = p;
        }
        if (best >= 0 && !(ambiguous && !x->natl[0]))
            unite(nm, (int32_t)k, best);
        x->next_bucket = *slot;
        *slot = (int32_t)k;
    }

    /* organizations whose fuzzy keys agree, when the key names one group
     * only: -2 marks a key that two groups share */
    {
        struct table byfuzzy;
        if (LQ_OK != table_init(&byfuzzy, a, nn))
            return LQ_ERR_NOMEM;
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            x->next_fuzzy = -1;
            if (NER_ORG != x->type || NULL == x->fuzzy)
                continue;
            int32_t *slot = table_slot(&byfuzzy, x->fuzzy, 1);
            if (NULL == slot)
                return LQ_ERR_NOMEM;
            x->next_fuzzy = *slot;
            *slot = (int32_t)k;
        }
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (NER_ORG != x->type || NULL == x->fuzzy)
                continue;
            int32_t *slot = table_slot(&byfuzzy, x->fuzzy, 0);
            if (NULL == slot)
                continue;
            int32_t other = -1, depth = 0;
            int many = 0;
            for (int32_t p = *slot; p >= 0 && depth < BUCKET_MAX; p = nm[p].next_fuzzy, depth++) {
                if (find(nm, p) == find(nm, (int32_t)k))
                    continue;
                const struct name *y = &nm[p];
                if (x->natl[0] && y->natl[0] && 0 != strcmp(x->natl, y->natl))
                    continue;
                if (other >= 0 && find(nm, other) != find(nm, p))
                    many = 1;
                other = p;
            }
            if (other >= 0 && !many)
                unite(nm, (int32_t)k, other);
        }
    }

    /* organizations: a shorter name that begins a longer one (مجلس التعاون,
     * مجلس التعاون لدول الخليج العربية) is the same, when only one longer
     * name begins with it */
    {
        struct table byprefix;
        if (LQ_OK != table_init(&byprefix, a, 6 * nn))
            return LQ_ERR_NOMEM;
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (!(NER_ORG == x->type && x->nwords >= 3) && !(NER_LOC == x->type && x->nwords >= 2))
                continue;
            /* a place: المملكة in المملكة العربية السعودية */
            for (uint32_t p = NER_LOC == x->type ? 1 : 2; p < x->nwords && p <= 7; p++) {
                const char *pre = join(a, x->words, p);
                if (NULL == pre)
                    return LQ_ERR_NOMEM;
                if (LQ_OK != claim(&byprefix, nm, pre, (int32_t)k))
                    return LQ_ERR_NOMEM;
            }
        }
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (expand[x->first] || !((NER_ORG == x->type && x->nwords >= 2) ||
                                      (NER_LOC == x->type && 1 == x->nwords)))
                continue;
            int32_t *slot = table_slot(&byprefix, x->skey, 0);
            if (NULL == slot || *slot < 0 || nm[*slot].type != x->type)
                continue;
            if (NER_LOC == x->type && lex_get(w->lx->places, x->skey)) {
                /* الجزائر and الجزائر العاصمة are two places; المملكة and
                 * المملكة العربية السعودية one: only adjectives of nationality follow */
                const struct name *y = &nm[*slot];
                int adj_only = 1;
                for (uint32_t q = x->nwords; q < y->nwords && adj_only; q++)
                    if (!lex_get(w->lx->nationalities, y->words[q]))
                        adj_only = 0;
                if (!adj_only)
                    continue;
            }
            unite(nm, (int32_t)k, *slot);
        }
    }

    /* الجمهورية الإندونيسية، المملكة المغربية: a definite head of a state
     * and an adjective of nationality name the country of that adjective */
    for (size_t k = 0; k < nn; k++) {
        struct name *x = &nm[k];
        if (NER_LOC != x->type || 2 != x->nwords || !state_head(x->words[0]))
            continue;
        const char *country = lex_get(w->lx->nationalities, x->words[1]);
        int32_t c = country_entity(w, &bykey, nm, country);
        if (c >= 0 && c != find(nm, (int32_t)k))
            unite(nm, c, (int32_t)k);
    }

    /* 3. persons: family names and spelling variants, bucketed by the
     *    skeleton of the last word */
    for (size_t k = 0; k < nn; k++) {
        struct name *x = &nm[k];
        if (NER_PER != x->type || 0 == x->nwords)
            continue;
        x->next_bucket = -1;
        int32_t *slot = table_slot(&bylast, x->skel[x->nwords - 1], 1);
        if (NULL == slot)
            return LQ_ERR_NOMEM;
        x->next_bucket = *slot;
        *slot = (int32_t)k;
    }
    for (size_t k = 0; k < nn; k++) {
        struct name *x = &nm[k];
        if (NER_PER != x->type || 0 == x->nwords)
            continue;
        int32_t *slot = table_slot(&bylast, x->skel[x->nwords - 1], 0);
        if (NULL == slot)
            continue;
        int32_t best = -1, depth = 0;
        for (int32_t p = *slot; p >= 0 && depth < BUCKET_MAX; p = nm[p].next_bucket, depth++) {
            if ((size_t)p == k)
                continue;
            struct name *y = &nm[p];
            int ok = 0;
            if (y->nwords > x->nwords)
                ok = skel_suffix(w->lx->first_names, x, y) || /* بومبيو → مايك بومبيو */
                     subsequence(w->lx->first_names, x, y);
            else if (y->nwords == x->nwords && x->nwords >= 1) {
                ok = skel_suffix(w->lx->first_names, x, y); /* ترمب / ترامب; بورتينكوف / بورتنيكوف */
                /* two full names must agree on the first word's spelling too */
                if (ok && x->nwords >= 2 && 0 != strcmp(x->skel[0], y->skel[0]))
                    ok = 0;
                /* يورغن فالتر / يورجن فالتر: same family name, first
                 * names one letter apart, neither a known given name */
                if (!ok && 2 == x->nwords && 0 == strcmp(x->skel[1], y->skel[1]) &&
                    strlen(x->skel[1]) >= 4 * 2 && strlen(x->skel[0]) >= 3 * 2 &&
                    near(x->skel[0], y->skel[0]) <= 1 &&
                    !(lex_get(w->lx->first_names, x->words[0]) &&
                      lex_get(w->lx->first_names, y->words[0])))
                    ok = 1;
            }
            if (!ok)
                continue;
            /* (all else equal, the person named first: نبيه بري, not محمود
             * بري who attended) */
            if (best < 0 || y->quality > nm[best].quality ||
                (y->quality == nm[best].quality &&
                 (y->nwords > nm[best].nwords ||
                  (y->nwords == nm[best].nwords &&
                   (y->count > nm[best].count ||
                    (y->count == nm[best].count && y->first < nm[best].first))))))
                best = p;
        }
        if (best >= 0 && (nm[best].nwords > x->nwords || nm[best].nwords == x->nwords))
            unite(nm, (int32_t)k, best);
    }

    /* lineages: محمد بن راشد joins the one longer name it begins */
    {
        struct table bylin;
        if (LQ_OK != table_init(&bylin, a, 4 * nn))
            return LQ_ERR_NOMEM;
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (NER_PER != x->type || x->nwords < 4)
                continue;
            for (uint32_t p = 3; p < x->nwords && p <= 6; p++) {
                if (!is_link(x->words[1]))
                    break;
                const char *pre = join(a, x->words, p);
                if (NULL == pre)
                    return LQ_ERR_NOMEM;
                if (LQ_OK != claim(&bylin, nm, pre, (int32_t)k))
                    return LQ_ERR_NOMEM;
            }
            /* بن سعود: the father's name of a longer chain (عبد العزيز بن
             * سعود بن نايف), the short form the press uses; the last
             * link's pair is matched with the family names above */
            for (uint32_t p = 1; p + 2 < x->nwords; p++) {
                if (!is_link(x->words[p]))
                    continue;
                const char *pair = join(a, x->words + p, 2);
                if (NULL == pair)
                    return LQ_ERR_NOMEM;
                if (LQ_OK != claim(&bylin, nm, pair, (int32_t)k))
                    return LQ_ERR_NOMEM;
                break;
            }
        }
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (NER_PER != x->type || x->nwords < 2)
                continue;
            if (2 == x->nwords && !is_link(x->words[0]))
                continue;
            int32_t *slot = table_slot(&bylin, x->skey, 0);
            if (slot && *slot >= 0 && (2 == x->nwords || lineage_prefix(x, &nm[*slot])))
                unite(nm, (int32_t)k, *slot);
        }
    }

    /* a given name alone (الأمير فيصل) joins the one full name it starts */
    {
        struct table byfirst;
        if (LQ_OK != table_init(&byfirst, a, nn))
            return LQ_ERR_NOMEM;
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (NER_PER != x->type || x->nwords < 2)
                continue;
            if (LQ_OK != claim(&byfirst, nm, x->words[0], (int32_t)k)) /* -2: two people share it */
                return LQ_ERR_NOMEM;
        }
        /* تشانغ after تشانغ مينغ: a word no lexicon knows, joined to no
         * other name, that starts one full name of two or three words, is
         * a family name written first */
        uint32_t *members = lq_arena_calloc(a, nn, sizeof(*members));
        if (NULL == members)
            return LQ_ERR_NOMEM;
        for (size_t k = 0; k < nn; k++)
            members[find(nm, (int32_t)k)]++;
        for (size_t k = 0; k < nn; k++) {
            struct name *x = &nm[k];
            if (NER_PER != x->type || 1 != x->nwords)
                continue;
            int given = NULL != lex_get(w->lx->first_names, x->words[0]);
            int32_t *slot = table_slot(&byfirst, x->words[0], 0);
            /* (any length when a link follows the word: بدران بن عبد الرحمن
             * العمر starts with a given name) */
            if (!given && (NULL == slot || *slot < 0 || members[find(nm, (int32_t)k)] > 1 ||
                           (nm[*slot].nwords > 3 && !is_link(nm[*slot].words[1])) ||
                           lex_get(w->lx->places, x->words[0])))
                continue;
            /* وقال محمد after موسى فقي محمد: a word that already ends one full
             * name does not also join another one it starts (no bridge
             * between two people) */
            if (given && slot && *slot >= 0 && members[find(nm, (int32_t)k)] > 1 &&
                find(nm, (int32_t)k) != find(nm, *slot))
                continue;
            /* only a later, shorter reference: الملك عبدالله before
             * عبدالله بن محمد آل الشيخ is someone else */
            if (slot && *slot >= 0 && x->first > nm[*slot].first)
                unite(nm, (int32_t)k, *slot);
        }
    }

    /* 4. entities in order of first mention */
    int32_t *ent_of = lq_arena_alloc(a, nn * sizeof(*ent_of));
    out->entities = lq_arena_calloc(a, nn, sizeof(*out->entities));
    uint32_t *counts = lq_arena_calloc(a, nn, sizeof(*counts));
    if (NULL == ent_of || NULL == out->entities || NULL == counts)
        return LQ_ERR_NOMEM;
    for (size_t k = 0; k < nn; k++)
        ent_of[k] = -1;
    size_t ne = 0;
    for (size_t i = 0; i < nm_; i++) {
        int32_t r = find(nm, mname[i]);
        if (ent_of[r] < 0) {
            struct ent_entity *e = &out->entities[ne];
            e->type = nm[r].type;
            e->affiliation = -1;
            ent_of[r] = (int32_t)ne++;
        }
        out->mentions[i].entity = ent_of[r];
        out->mentions[i].type = out->entities[ent_of[r]].type;
        counts[ent_of[r]]++;
    }
    out->nentities = ne;
    for (size_t e = 0; e < ne; e++) {
        out->entities[e].mentions = lq_arena_alloc(a, counts[e] * sizeof(uint32_t));
        if (NULL == out->entities[e].mentions)
            return LQ_ERR_NOMEM;
    }
    const struct txt_token *tk = w->doc->tokens;
    int32_t *best_m = lq_arena_alloc(a, ne * sizeof(*best_m));
    if (NULL == best_m)
        return LQ_ERR_NOMEM;
    for (size_t e = 0; e < ne; e++)
        best_m[e] = -1;
    for (size_t i = 0; i < nm_; i++) {
        struct ent_mention *m = &out->mentions[i];
        struct ent_entity *e = &out->entities[m->entity];
        e->mentions[e->nmentions++] = (uint32_t)i;
        /* the fullest form: not an acronym, most words, no proclitic, longest */
        int32_t bm = best_m[m->entity];
        int better = bm < 0;
        if (!better) {
            const struct ent_mention *cm = &out->mentions[bm];
            int acr = NULL != expand[i], cacr = NULL != expand[bm];
            uint32_t mw = m->tok_end - m->tok_begin, cw = cm->tok_end - cm->tok_begin;
            int mc = tk[m->tok_begin].clitics && tk[m->tok_begin].clitics[0];
            int cc = tk[cm->tok_begin].clitics && tk[cm->tok_begin].clitics[0];
            if (acr != cacr)
                better = cacr;
            else if (mw != cw)
                better = mw > cw;
            else if (mc != cc)
                better = cc;
            else
                better = strlen(m->text) > strlen(cm->text);
        }
        if (better) {
            best_m[m->entity] = (int32_t)i;
            e->name = m->text;
            const char *fixed = NULL;
            if (LQ_OK != with_article(w, m->tok_begin, m->tok_end, m->text, &fixed))
                return LQ_ERR_NOMEM;
            if (fixed)
                e->name = fixed;
            /* (a state's official name keeps its head: جمهورية مصر العربية,
             * not مصر العربية; دولة قطر gives قطر) */
            if (NER_LOC == m->type && m->tok_end - m->tok_begin >= 2 &&
                admin_head(w->lx, tk[m->tok_begin].base) &&
                !(m->tok_end - m->tok_begin >= 3 && state_noun(tk[m->tok_begin].base))) {
                /* the place's own name, without مدينة */
                e->name = txt_slice(w->doc, a, tk[m->tok_begin + 1].body_start, m->end);
                if (NULL == e->name)
                    return LQ_ERR_NOMEM;
            }
        }
        float c = source_confidence(m->source);
        if (c > e->confidence)
            e->confidence = c;
    }
    for (size_t e = 0; e < ne; e++)
        if (out->entities[e].nmentions > 1 && out->entities[e].confidence < 0.95f)
            out->entities[e].confidence += 0.05f;

    /* 5. titles and affiliations of persons */
    for (size_t k = 0; k < w->ncands; k++) {
        const struct ent_cand *c = &w->cands[k];
        if (c->mention < 0 || NER_PER != c->type)
            continue;
        struct ent_entity *e = &out->entities[out->mentions[c->mention].entity];
        if (NER_PER != e->type)
            continue;
        if (c->title_b >= 0 && c->title_e > c->title_b) {
            if (NULL == e->title) {
                e->title = txt_slice(w->doc, a, tk[c->title_b].body_start, tk[c->title_e - 1].end);
                const char *fixed = NULL;
                if (e->title && LQ_OK != with_article(w, (uint32_t)c->title_b, (uint32_t)c->title_e,
                                                      e->title, &fixed))
                    return LQ_ERR_NOMEM;
                if (fixed)
                    e->title = fixed; /* للسفير الصيني → السفير الصيني */
                if (NULL == e->title)
                    return LQ_ERR_NOMEM;
            }
            if (e->affiliation < 0) {
                int32_t af = affiliation_in(out, (uint32_t)c->title_b, (uint32_t)c->title_e);
                if (af < 0) {
                    int32_t r = country_entity(w, &bykey, nm, c->country);
                    af = r >= 0 ? ent_of[r] : -1;
                }
                e->affiliation = af;
            }
        }
    }

    /* 6. descriptors: title phrases with no person */
    out->descriptors = lq_arena_calloc(a, w->nphrases ? w->nphrases : 1, sizeof(*out->descriptors));
    if (NULL == out->descriptors)
        return LQ_ERR_NOMEM;
    size_t nd = 0;
    for (size_t k = 0; k < w->nphrases; k++) {
        const struct ent_titlephrase *p = &w->phrases[k];
        int32_t af = affiliation_in(out, p->b, p->e);
        if (af < 0) {
            int32_t r = country_entity(w, &bykey, nm, p->country);
            af = r >= 0 ? ent_of[r] : -1;
        }
        /* apposition: "سامر الخطيب، وزير الزراعة" gives the person a title */
        if (p->b >= 2 && (0 == strcmp(tk[p->b - 1].surface, "،") ||
                          0 == strcmp(tk[p->b - 1].surface, ","))) {
            int32_t pm = out->tok_mention[p->b - 2];
            if (pm >= 0 && NER_PER == out->mentions[pm].type) {
                if (LQ_OK != phrase_title(w, &out->entities[out->mentions[pm].entity], p, af))
                    return LQ_ERR_NOMEM;
                continue;
            }
        }
        /* ومحسن المندلاوي رئيس ائتلاف الأساس، وقال X الأمين العام للحزب
         * إن: right after a name that opens a list item, a sentence or a
         * verb of saying's subject, a title phrase no name follows is that
         * person's office (after استقبل X it may be the one received) */
        if (p->b >= 1) {
            int32_t pm = out->tok_mention[p->b - 1];
            const struct ent_mention *mn = pm >= 0 ? &out->mentions[pm] : NULL;
            struct ent_entity *e = mn && NER_PER == mn->type && mn->tok_end == p->b
                                       ? &out->entities[mn->entity] : NULL;
            if (e && NULL == e->title && post_slot(w, mn->tok_begin)) {
                if (LQ_OK != phrase_title(w, e, p, af))
                    return LQ_ERR_NOMEM;
                continue;
            }
        }
        if (af < 0)
            continue;
        out->descriptors[nd++] = (struct ent_descriptor){ p->b, p->e, af, p->sentence };
    }
    out->ndescriptors = nd;
    return LQ_OK;
}

/* end of entity_coref.c */
