/*
 * Load the lexicons of config/lexicons and add ICU's Arabic place names,
 * with the country each place lies in (place containment).
 */
#include "liqa/resources.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "liqa/lexicon.h"
#include "liqa/status.h"
#include "liqa/text.h"

/* One lexicon file and the field it fills. */
struct lexfile {
    const char *name;
    size_t offset; /* offsetof(struct lq_lexicons, field) */
};

#define LEXFILE(file, field) { file, offsetof(struct lq_lexicons, field) }

/* Longest chain of `in:` and `=` links followed (a site in a city in a region in a country). */
#define PLACE_DEPTH 8
/* Longest place key looked up, in bytes. */
#define PLACE_KEY_MAX 512

static const struct lexfile lexfiles[] = {
    LEXFILE("titles.txt", titles),
    LEXFILE("honorifics.txt", honorifics),
    LEXFILE("org_heads.txt", org_heads),
    LEXFILE("first_names.txt", first_names),
    LEXFILE("nationalities.txt", nationalities),
    LEXFILE("places.txt", places),
    LEXFILE("organizations.txt", organizations),
    LEXFILE("acronyms.txt", acronyms),
    LEXFILE("synonyms.txt", synonyms),
    LEXFILE("nonname.txt", nonname),
    LEXFILE("clitic_protect.txt", protect),
    LEXFILE("triggers.txt", triggers),
    LEXFILE("cues.txt", cues),
    LEXFILE("time_words.txt", time_words),
};

static struct lex **
field(struct lq_lexicons *lx, size_t offset)
{
    return (struct lex **)((char *)lx + offset);
}

/* A UTF-16 name from ICU as UTF-8; 0 when it does not fit or fails. */
static int
to_utf8(const UChar *u, int32_t ulen, char *out, int32_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(out, cap, &n, u, ulen, &st);
    return U_SUCCESS(st) && n > 0 && n < cap;
}

/* Only names made of Arabic letters and spaces are useful as places. */
static int
arabic_name(const UChar *u, int32_t n)
{
    int letters = 0;
    for (int32_t i = 0; i < n; i++) {
        UChar c = u[i];
        if (c >= 0x0621 && c <= 0x064A)
            letters++;
        else if (c == ' ' || (c >= 0x064B && c <= 0x0652))
            continue;
        else
            return 0;
    }
    return letters >= 2;
}

/* Is s a list of ISO codes: "EG", "IL|PS" (two upper-case letters each)? */
static int
code_list(const char *s)
{
    if (NULL == s || '\0' == *s)
        return 0;
    for (;;) {
        if (!(s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'))
            return 0;
        s += 2;
        if ('\0' == *s)
            return 1;
        if ('|' != *s++)
            return 0;
    }
}

/* Does the code list @p list hold the two-letter @p code? */
static int
codes_have(const char *list, const char *code)
{
    for (const char *p = list; *p; p += ('|' == p[2]) ? 3 : 2) {
        if (p[0] == code[0] && p[1] == code[1])
            return 1;
        if ('\0' == p[2])
            break;
    }
    return 0;
}

/* Do the code lists @p a and @p b share a code? */
static int
codes_meet(const char *a, const char *b)
{
    for (const char *p = a; *p; p += ('|' == p[2]) ? 3 : 2) {
        if (codes_have(b, p))
            return 1;
        if ('\0' == p[2])
            break;
    }
    return 0;
}

/* Every ISO country's Arabic name, as ICU's `ar` locale data gives it, and its code. */
static int
add_icu_countries(struct lex *places, struct lex *codes_of, struct lex *known_codes)
{
    const char *const *codes = uloc_getISOCountries();
    for (size_t i = 0; codes && codes[i]; i++) {
        if (LQ_ERR_NOMEM == lex_add(known_codes, codes[i], NULL))
            return LQ_ERR_NOMEM;
        char locale[16];
        snprintf(locale, sizeof(locale), "und_%s", codes[i]);
        UChar name[128];
        UErrorCode st = U_ZERO_ERROR;
        int32_t n = uloc_getDisplayCountry(locale, "ar", name, 128, &st);
        if (U_FAILURE(st) || n <= 0 || n >= 128 || !arabic_name(name, n))
            continue;
        char utf8[512];
        if (!to_utf8(name, n, utf8, sizeof(utf8)))
            continue;
        int rc = lex_add(places, utf8, "country");
        /* a code: or = line of places.txt wins over ICU */
        if (LQ_OK == rc && NULL == lex_lookup(codes_of, utf8))
            rc = lex_add(codes_of, utf8, codes[i]);
        if (LQ_ERR_NOMEM == rc)
            return rc;
    }
    return LQ_OK;
}

/* Add @p id → @p region (UTF-16) to @p out when the region is an ISO country. */
static int
zone_region_add(struct lex *out, const char *id, const UChar *region, int32_t rlen)
{
    if (2 != rlen || region[0] < 'A' || region[0] > 'Z' || region[1] < 'A' || region[1] > 'Z')
        return LQ_OK; /* 001: a zone of no country */
    char code[3] = { (char)region[0], (char)region[1], '\0' };
    return lex_add(out, id, code);
}

/*
 * Which ISO region each canonical time zone of ICU belongs to (Africa/Cairo
 * → EG), keyed by the zone's ID. ICU's zoneinfo64 data holds the table
 * (Names and Regions, one region per zone): one pass. Without it, the
 * public per-region enumeration gives the same answer, 250 times slower.
 */
static int
zone_regions(struct lex *out)
{
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *top = ures_openDirect(NULL, "zoneinfo64", &st);
    UResourceBundle *names = ures_getByKey(top, "Names", NULL, &st);
    UResourceBundle *regions = ures_getByKey(top, "Regions", NULL, &st);
    int rc = LQ_OK;
    int32_t n = U_SUCCESS(st) ? ures_getSize(names) : 0;
    if (U_SUCCESS(st) && n > 0 && n == ures_getSize(regions)) {
        for (int32_t i = 0; i < n && LQ_OK == rc; i++) {
            int32_t nlen = 0, rlen = 0;
            const UChar *name = ures_getStringByIndex(names, i, &nlen, &st);
            const UChar *region = ures_getStringByIndex(regions, i, &rlen, &st);
            char id[128];
            if (U_FAILURE(st) || !to_utf8(name, nlen, id, sizeof(id)))
                break;
            rc = zone_region_add(out, id, region, rlen);
        }
    }
    ures_close(regions);
    ures_close(names);
    ures_close(top);
    if (LQ_OK != rc || (U_SUCCESS(st) && n > 0))
        return rc;
    const char *const *codes = uloc_getISOCountries();
    for (size_t i = 0; codes && codes[i] && LQ_OK == rc; i++) {
        UErrorCode es = U_ZERO_ERROR;
        UEnumeration *zones =
            ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, codes[i], NULL, &es);
        const char *id;
        int32_t len;
        UChar region[2] = { (UChar)codes[i][0], (UChar)codes[i][1] };
        while (U_SUCCESS(es) && LQ_OK == rc && (id = uenum_next(zones, &len, &es)))
            rc = zone_region_add(out, id, region, 2);
        uenum_close(zones);
    }
    return rc;
}

/* Record that @p key (folded) lies in the country @p code: codes join as "LY|LB". */
static int
icu_in_add(struct lex *icu_in, const char *key, const char *code)
{
    const char *old = lex_get(icu_in, key);
    if (NULL == old)
        return lex_add(icu_in, key, code);
    if (codes_have(old, code))
        return LQ_OK;
    size_t n = strlen(old);
    if (n > 60)
        return LQ_OK; /* a name shared by that many zones says nothing anyway */
    char joined[64];
    memcpy(joined, old, n);
    joined[n] = '|';
    memcpy(joined + n + 1, code, 3);
    return lex_add(icu_in, key, joined);
}

/*
 * The Arabic exemplar city of every time zone of ICU: a date format with
 * the pattern VVV prints it (القاهرة for Africa/Cairo). With the zone's
 * region, the city's country goes into @p icu_in.
 */
static int
add_icu_cities(struct lex *places, struct lex *icu_in)
{
    struct lex *regions = lex_new();
    if (NULL == regions || LQ_OK != zone_regions(regions)) {
        lex_free(regions);
        return LQ_ERR_NOMEM;
    }
    UErrorCode st = U_ZERO_ERROR;
    UEnumeration *zones = ucal_openTimeZones(&st);
    if (U_FAILURE(st)) {
        lex_free(regions);
        return LQ_OK; /* no zone data: the lexicon file still has the cities */
    }
    static const UChar pattern[] = { 'V', 'V', 'V', 0 };
    int rc = LQ_OK;
    const UChar *zone;
    int32_t zlen;
    while (LQ_OK == rc && (zone = uenum_unext(zones, &zlen, &st)) && U_SUCCESS(st)) {
        /* Etc/GMT+3 and the like have no city */
        if (zlen > 4 && zone[0] == 'E' && zone[1] == 't' && zone[2] == 'c' && zone[3] == '/')
            continue;
        UErrorCode fs = U_ZERO_ERROR;
        UDateFormat *fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, "ar", zone, zlen, pattern, -1, &fs);
        if (U_FAILURE(fs))
            continue;
        UChar city[128];
        int32_t n = udat_format(fmt, 0.0, city, 128, NULL, &fs);
        udat_close(fmt);
        if (U_FAILURE(fs) || n <= 0 || n >= 128 || !arabic_name(city, n))
            continue;
        char utf8[512];
        if (!to_utf8(city, n, utf8, sizeof(utf8)))
            continue;
        if (NULL == lex_get(places, utf8) && LQ_ERR_NOMEM == lex_add(places, utf8, "city"))
            rc = LQ_ERR_NOMEM;
        /* the region of the canonical zone: Iceland is Atlantic/Reykjavik, IS */
        UChar canon[128];
        UBool sys = 0;
        UErrorCode cs = U_ZERO_ERROR;
        int32_t clen = ucal_getCanonicalTimeZoneID(zone, zlen, canon, 128, &sys, &cs);
        char id[128];
        const char *region = U_SUCCESS(cs) && clen < 128 && to_utf8(canon, clen, id, sizeof(id))
                                 ? lex_lookup(regions, id)
                                 : NULL;
        if (LQ_OK == rc && region && *region) {
            char key[512];
            txt_fold(utf8, strlen(utf8), key, sizeof(key));
            if (LQ_ERR_NOMEM == icu_in_add(icu_in, key, region))
                rc = LQ_ERR_NOMEM;
        }
    }
    uenum_close(zones);
    lex_free(regions);
    return rc;
}

struct union_arg {
    struct lex *into;
    int single_word_only;
    const char *only_value; /* when not NULL, only entries with this value */
    int rc;
};

static void
add_entry(const char *key, const char *value, void *argp)
{
    struct union_arg *arg = argp;
    if (LQ_OK != arg->rc)
        return;
    if (arg->only_value && (NULL == value || 0 != strcmp(value, arg->only_value)))
        return;
    if (arg->single_word_only && strchr(key, ' '))
        return;
    if (NULL != lex_get(arg->into, key))
        return;
    if (LQ_ERR_NOMEM == lex_add(arg->into, key, NULL))
        arg->rc = LQ_ERR_NOMEM;
}

static int
merge(struct lex *into, const struct lex *from, int single_word_only)
{
    struct union_arg arg = { into, single_word_only, NULL, LQ_OK };
    lex_foreach(from, add_entry, &arg);
    return arg.rc;
}

/* ------------------------------------------------------------ places.txt */

static const char *const place_kinds[] = { "country", "region", "city", "site" };

/* Splitting the values of places.txt: the kind to lx->places, the field to the tables. */
struct split_arg {
    struct lq_lexicons *lx;
    struct lex *hand_in;     /* key → in: value (code list, or a folded place name) */
    struct lex *known_codes; /* every ISO code (folded) */
    const char *path;
    char *err;
    size_t errlen;
    int rc;
};

static void
split_fail(struct split_arg *a, int rc, const char *key, const char *what)
{
    a->rc = rc;
    if (LQ_ERR_NOMEM == rc)
        snprintf(a->err, a->errlen, "%s: out of memory", a->path);
    else
        snprintf(a->err, a->errlen, "%s: entry \"%s\": %s", a->path, key, what);
}

static const char *
skip_blanks(const char *s)
{
    while (' ' == *s || '\t' == *s)
        s++;
    return s;
}

/* Fold @p s into @p out; 0 when it is empty or longer than a place key. */
static int
fold_place(const char *s, char *out, size_t cap)
{
    size_t n = txt_fold(s, strlen(s), out, cap);
    return n > 0 && n < cap;
}

static void
split_place(const char *key, const char *value, void *argp)
{
    struct split_arg *a = argp;
    if (LQ_OK != a->rc)
        return;
    size_t klen = strcspn(value, " \t");
    char kind[16] = "";
    for (size_t i = 0; i < sizeof(place_kinds) / sizeof(place_kinds[0]); i++)
        if (strlen(place_kinds[i]) == klen && 0 == memcmp(value, place_kinds[i], klen))
            memcpy(kind, value, klen + 1 <= sizeof(kind) ? klen : 0);
    if ('\0' == kind[0]) {
        split_fail(a, LQ_ERR_FORMAT, key, "the kind must be country, region, city or site");
        return;
    }
    int rc = lex_add(a->lx->places, key, kind);
    const char *f = skip_blanks(value + klen);
    if (LQ_OK != rc || '\0' == *f) {
        if (LQ_OK != rc)
            split_fail(a, rc, key, "");
        return;
    }
    char folded[PLACE_KEY_MAX];
    if (0 == strncmp(f, "code:", 5)) {
        const char *c = skip_blanks(f + 5);
        if (0 != strcmp(kind, "country") || 2 != strlen(c) || !code_list(c)) {
            split_fail(a, LQ_ERR_FORMAT, key, "code: takes one ISO 3166 code (FR), on a country");
            return;
        }
        rc = lex_add(a->lx->place_code, key, c);
        if (LQ_OK == rc)
            rc = lex_add(a->known_codes, c, NULL);
    } else if (0 == strncmp(f, "in:", 3)) {
        const char *w = skip_blanks(f + 3);
        if (code_list(w))
            rc = lex_add(a->hand_in, key, w);
        else if (fold_place(w, folded, sizeof(folded)))
            rc = lex_add(a->hand_in, key, folded);
        else {
            split_fail(a, LQ_ERR_FORMAT, key, "in: names no place");
            return;
        }
    } else if ('=' == *f) {
        if (!fold_place(skip_blanks(f + 1), folded, sizeof(folded)) || 0 == strcmp(folded, key)) {
            split_fail(a, LQ_ERR_FORMAT, key, "= names no other place");
            return;
        }
        rc = lex_add(a->lx->place_same, key, folded);
    } else {
        split_fail(a, LQ_ERR_FORMAT, key, "unknown field (code:, in: or = expected)");
        return;
    }
    if (LQ_OK != rc)
        split_fail(a, rc, key, "");
}

/* The place that spelling @p key (folded) stands for: itself unless an = line names another. */
static const char *
canonical(const struct lq_lexicons *lx, const char *key)
{
    const char *k = key;
    for (int d = 0; d < PLACE_DEPTH; d++) {
        const char *v = lex_get(lx->place_same, k);
        if (NULL == v)
            return k;
        k = v;
    }
    return NULL; /* a loop of = lines */
}

/* Resolving the = and in: links once all places are known. */
struct link_arg {
    struct lq_lexicons *lx;
    struct lex *out;
    const struct lex *known_codes;
    const char *path;
    char *err;
    size_t errlen;
    int rc;
};

static void
link_fail(struct link_arg *a, int rc, const char *key, const char *what)
{
    struct split_arg s = { .path = a->path, .err = a->err, .errlen = a->errlen };
    split_fail(&s, rc, key, what);
    a->rc = rc;
}

/* = NAME: NAME must be a place; the link goes to the end of NAME's own = chain. */
static void
link_same(const char *key, const char *value, void *argp)
{
    struct link_arg *a = argp;
    if (LQ_OK != a->rc)
        return;
    const char *c = canonical(a->lx, value);
    if (NULL == c || 0 == strcmp(c, key))
        link_fail(a, LQ_ERR_FORMAT, key, "= links loop");
    else if (NULL == lex_get(a->lx->places, c))
        link_fail(a, LQ_ERR_FORMAT, key, "= names no known place");
    else {
        int rc = lex_add(a->out, key, c);
        if (LQ_OK != rc)
            link_fail(a, rc, key, "");
    }
}

/* in: WHERE of the file: known codes as they are, a country's name as its code, else the place. */
static void
link_in(const char *key, const char *value, void *argp)
{
    struct link_arg *a = argp;
    if (LQ_OK != a->rc)
        return;
    const char *to = value;
    if (code_list(value)) {
        for (const char *p = value; *p; p += 2) {
            char code[3] = { p[0], p[1], '\0' };
            if (NULL == lex_lookup(a->known_codes, code)) {
                link_fail(a, LQ_ERR_FORMAT, key, "in: has a code that is no ISO 3166 country");
                return;
            }
            if ('|' == p[2])
                p++;
        }
    } else {
        to = canonical(a->lx, value);
        if (NULL == to || NULL == lex_get(a->lx->places, to)) {
            link_fail(a, LQ_ERR_FORMAT, key, "in: names no known place");
            return;
        }
        const char *code = lex_get(a->lx->place_code, to);
        if (code)
            to = code;
    }
    int rc = lex_add(a->out, key, to);
    if (LQ_OK != rc)
        link_fail(a, rc, key, "");
}

/* ICU's country of a city, unless the file says where it is (or that it is a country). */
static void
link_icu(const char *key, const char *value, void *argp)
{
    struct link_arg *a = argp;
    if (LQ_OK != a->rc || lex_get(a->lx->place_in, key) || lex_get(a->lx->place_same, key))
        return;
    int rc = lex_add(a->out, key, value);
    if (LQ_OK != rc)
        link_fail(a, rc, key, "");
}

/*
 * A country's name that is also a city of another country (عمان: Oman, and
 * Amman once its shadda is folded away) names neither for sure: it loses
 * its code and lies in "OM|JO". Other countries are copied to @p a->out.
 */
static void
split_clash(const char *key, const char *value, void *argp)
{
    struct link_arg *a = argp;
    if (LQ_OK != a->rc)
        return;
    const char *in = lex_get(a->lx->place_in, key);
    for (int d = 0; in && !code_list(in) && d < PLACE_DEPTH; d++) {
        const char *c = lex_get(a->lx->place_code, in);
        in = c ? c : lex_get(a->lx->place_in, in);
    }
    int rc;
    if (in && code_list(in) && !codes_have(in, value) && strlen(in) < 60) {
        char both[64];
        snprintf(both, sizeof(both), "%s|%s", value, in);
        rc = lex_add(a->lx->place_in, key, both);
    } else
        rc = lex_add(a->out, key, value);
    if (LQ_OK != rc)
        link_fail(a, rc, key, "");
}

/* Every in: chain ends within PLACE_DEPTH links. */
static void
check_depth(const char *key, const char *value, void *argp)
{
    struct link_arg *a = argp;
    if (LQ_OK != a->rc)
        return;
    const char *k = key;
    for (int d = 0; d < PLACE_DEPTH; d++) {
        const char *v = lex_get(a->lx->place_in, k);
        if (NULL == v || code_list(v) || lex_get(a->lx->place_code, v))
            return;
        k = v;
    }
    (void)value;
    link_fail(a, LQ_ERR_FORMAT, key, "in: links loop or are deeper than 8");
}

/*
 * places.txt: each entry's kind goes to lx->places, exactly as a plain
 * `name TAB kind` file would put it there; its field (code:, in:, =) to the
 * containment tables. Then ICU's countries and cities, and the links.
 */
static int
load_places(struct lq_lexicons *lx, const char *path, char *err, size_t errlen)
{
    struct lex *raw = lex_new(), *hand_in = lex_new(), *icu_in = lex_new();
    struct lex *codes = lex_new(), *same = lex_new(), *codes_kept = lex_new();
    int rc = LQ_ERR_NOMEM;
    if (NULL == raw || NULL == hand_in || NULL == icu_in || NULL == codes || NULL == same ||
        NULL == codes_kept)
        goto nomem;
    rc = lex_load_file(raw, path, err, errlen);
    if (LQ_OK != rc)
        goto done;
    struct split_arg sa = { lx, hand_in, codes, path, err, errlen, LQ_OK };
    lex_foreach(raw, split_place, &sa);
    if (LQ_OK != (rc = sa.rc))
        goto done;
    if (LQ_OK != add_icu_countries(lx->places, lx->place_code, codes) ||
        LQ_OK != add_icu_cities(lx->places, icu_in))
        goto nomem;
    /* the = links first: in: and ICU's countries are read through them */
    struct link_arg la = { lx, same, codes, path, err, errlen, LQ_OK };
    lex_foreach(lx->place_same, link_same, &la);
    if (LQ_OK != (rc = la.rc))
        goto done;
    lex_free(lx->place_same);
    lx->place_same = same;
    same = NULL;
    la.out = lx->place_in;
    lex_foreach(hand_in, link_in, &la);
    if (LQ_OK == la.rc)
        lex_foreach(icu_in, link_icu, &la);
    if (LQ_OK == la.rc)
        lex_foreach(lx->place_in, check_depth, &la);
    if (LQ_OK != (rc = la.rc))
        goto done;
    la.out = codes_kept;
    lex_foreach(lx->place_code, split_clash, &la);
    if (LQ_OK != (rc = la.rc))
        goto done;
    lex_free(lx->place_code);
    lx->place_code = codes_kept;
    codes_kept = NULL;
    goto done;
nomem:
    rc = LQ_ERR_NOMEM;
    snprintf(err, errlen, "%s: out of memory", path);
done:
    lex_free(raw);
    lex_free(hand_in);
    lex_free(icu_in);
    lex_free(codes);
    lex_free(same);
    lex_free(codes_kept);
    return rc;
}

int
lq_lexicons_load(const char *dir, struct lq_lexicons **out, char *err, size_t errlen)
{
    *out = NULL;
    struct lq_lexicons *lx = calloc(1, sizeof(*lx));
    int rc = LQ_ERR_NOMEM;
    if (NULL == lx)
        goto fail;
    lx->place_code = lex_new();
    lx->place_in = lex_new();
    lx->place_same = lex_new();
    if (NULL == lx->place_code || NULL == lx->place_in || NULL == lx->place_same)
        goto nomem;
    for (size_t i = 0; i < sizeof(lexfiles) / sizeof(lexfiles[0]); i++) {
        struct lex **slot = field(lx, lexfiles[i].offset);
        *slot = lex_new();
        if (NULL == *slot) {
            rc = LQ_ERR_NOMEM;
            goto fail;
        }
        char path[4096];
        int n = snprintf(path, sizeof(path), "%s/%s", dir, lexfiles[i].name);
        if (n < 0 || (size_t)n >= sizeof(path)) {
            snprintf(err, errlen, "%s: lexicon folder path too long", dir);
            rc = LQ_ERR_INVALID;
            goto fail;
        }
        if (offsetof(struct lq_lexicons, places) == lexfiles[i].offset)
            rc = load_places(lx, path, err, errlen);
        else
            rc = lex_load_file(*slot, path, err, errlen);
        if (LQ_OK != rc)
            goto fail;
    }
    /* words never cut: the protect file, and one-word names */
    if (LQ_OK != merge(lx->protect, lx->first_names, 1) || LQ_OK != merge(lx->protect, lx->places, 1))
        goto nomem;
    lx->known = lex_new();
    if (NULL == lx->known)
        goto nomem;
    const struct lex *known_from[] = { lx->places, lx->first_names, lx->titles, lx->org_heads,
                                       lx->nationalities, lx->organizations, lx->triggers,
                                       lx->protect };
    for (size_t i = 0; i < sizeof(known_from) / sizeof(known_from[0]); i++)
        if (LQ_OK != merge(lx->known, known_from[i], 1))
            goto nomem;
    /* the common nouns of nonname.txt (لشؤون، بالخارجية) licence a cut too;
     * its function words do not */
    struct union_arg nouns = { lx->known, 1, "noun", LQ_OK };
    lex_foreach(lx->nonname, add_entry, &nouns);
    if (LQ_OK != nouns.rc)
        goto nomem;
    *out = lx;
    return LQ_OK;
nomem:
    rc = LQ_ERR_NOMEM;
    snprintf(err, errlen, "%s: out of memory while loading lexicons", dir);
fail:
    lq_lexicons_free(lx);
    return rc;
}

void
lq_lexicons_free(struct lq_lexicons *lx)
{
    if (NULL == lx)
        return;
    for (size_t i = 0; i < sizeof(lexfiles) / sizeof(lexfiles[0]); i++)
        lex_free(*field(lx, lexfiles[i].offset));
    lex_free(lx->known);
    lex_free(lx->place_code);
    lex_free(lx->place_in);
    lex_free(lx->place_same);
    free(lx);
}

/* ---------------------------------------------------------- containment */

/* Does the cue value @p v hold the class word @p w? */
static int
has_word(const char *v, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = v ? strstr(v, w) : NULL; p; p = strstr(p + 1, w))
        if ((p == v || ' ' == p[-1] || ',' == p[-1]) && (' ' == p[n] || ',' == p[n] || '\0' == p[n]))
            return 1;
    return 0;
}

/* Copy the canonical form of the known place @p k into @p buf; 0 when @p k is no place. */
static int
place_take(const struct lq_lexicons *lx, const char *k, char *buf, size_t cap)
{
    if (NULL == lex_get(lx->places, k))
        return 0;
    const char *c = canonical(lx, k);
    size_t n = c ? strlen(c) : cap;
    if (n >= cap)
        return 0;
    memmove(buf, c, n + 1);
    return 1;
}

const char *
lq_place_key(const struct lq_lexicons *lx, const char *name, char *buf, size_t cap)
{
    if (NULL == lx || NULL == lx->places || NULL == name || NULL == buf || cap < 2)
        return NULL;
    char key[PLACE_KEY_MAX];
    size_t n = txt_fold(name, strlen(name), key, sizeof(key));
    if (0 == n || n >= sizeof(key))
        return NULL;
    static const char al[] = "\xD8\xA7\xD9\x84"; /* ال */
    const char *k = key;
    for (int heads = 0; heads <= 2; heads++) {
        if (place_take(lx, k, buf, cap))
            return buf;
        /* the name with ال, or without it */
        char alt[PLACE_KEY_MAX + 8];
        if (0 == strncmp(k, al, 4) && k[4] && ' ' != k[4]) {
            if (place_take(lx, k + 4, buf, cap))
                return buf;
        } else {
            snprintf(alt, sizeof(alt), "%s%s", al, k);
            if (place_take(lx, alt, buf, cap))
                return buf;
        }
        /* مدينة X، ولاية X، العاصمة X: the place X, when X is a known place */
        const char *sp = strchr(k, ' ');
        if (NULL == sp || NULL == lx->cues || (size_t)(sp - k) >= 64)
            break;
        char head[64];
        memcpy(head, k, (size_t)(sp - k));
        head[sp - k] = '\0';
        if (!has_word(lex_get(lx->cues, head), "placehead"))
            break;
        k = sp + 1;
    }
    return NULL;
}

/*
 * Follow the in: links from the canonical key @p key to a country: its code
 * list, or NULL when the chain ends without one. @p proper is set when the
 * key is itself a country with a code; @p hit when the chain passes through
 * @p target (then NULL is returned).
 */
static const char *
country_walk(const struct lq_lexicons *lx, const char *key, const char *target, int *hit,
             int *proper)
{
    const char *k = key;
    for (int d = 0; d < PLACE_DEPTH; d++) {
        const char *c = lex_get(lx->place_code, k);
        if (c) {
            if (proper)
                *proper = 0 == d;
            return c;
        }
        const char *v = lex_get(lx->place_in, k);
        if (NULL == v || code_list(v))
            return v;
        if (target && 0 == strcmp(v, target)) {
            *hit = 1;
            return NULL;
        }
        k = v;
    }
    return NULL;
}

const char *
lq_place_country(const struct lq_lexicons *lx, const char *name)
{
    char key[PLACE_KEY_MAX];
    if (NULL == lq_place_key(lx, name, key, sizeof(key)) || NULL == lx->place_code)
        return NULL;
    const char *c = country_walk(lx, key, NULL, NULL, NULL);
    return c && 2 == strlen(c) ? c : NULL;
}

int
lq_place_within(const struct lq_lexicons *lx, const char *inner, const char *outer)
{
    char ki[PLACE_KEY_MAX], ko[PLACE_KEY_MAX];
    if (NULL == lq_place_key(lx, inner, ki, sizeof(ki)) ||
        NULL == lq_place_key(lx, outer, ko, sizeof(ko)) || NULL == lx->place_code)
        return -1;
    if (0 == strcmp(ki, ko))
        return 1;
    int hit = 0, proper = 0;
    const char *ci = country_walk(lx, ki, ko, &hit, &proper);
    if (hit)
        return 1;
    const char *oc = lex_get(lx->place_code, ko);
    if (oc) {
        if (NULL == ci)
            return -1;
        if (proper) /* two spellings of one country, or two countries */
            return 0 == strcmp(ci, oc) ? 1 : 0;
        if (codes_have(ci, oc))
            return 2 == strlen(ci) ? 1 : -1;
        return 0;
    }
    const char *co = country_walk(lx, ko, NULL, NULL, NULL);
    if (proper) /* a country lies in no city or province */
        return co ? 0 : -1;
    if (ci && co && !codes_meet(ci, co))
        return 0;
    return -1;
}

/* end of resources.c */
