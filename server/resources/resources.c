/* Load the lexicons of config/lexicons and add ICU's Arabic place names. */
#include "liqa/resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "liqa/lexicon.h"
#include "liqa/status.h"

/* One lexicon file and the field it fills. */
struct lexfile {
    const char *name;
    size_t offset; /* offsetof(struct lq_lexicons, field) */
};

#define LEXFILE(file, field) { file, offsetof(struct lq_lexicons, field) }

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

/* Every ISO country's Arabic name, as ICU's `ar` locale data gives it. */
static int
add_icu_countries(struct lex *places)
{
    const char *const *codes = uloc_getISOCountries();
    for (size_t i = 0; codes && codes[i]; i++) {
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
        if (LQ_ERR_NOMEM == rc)
            return rc;
    }
    return LQ_OK;
}

/*
 * The Arabic exemplar city of every time zone of ICU: a date format with
 * the pattern VVV prints it (القاهرة for Africa/Cairo).
 */
static int
add_icu_cities(struct lex *places)
{
    UErrorCode st = U_ZERO_ERROR;
    UEnumeration *zones = ucal_openTimeZones(&st);
    if (U_FAILURE(st))
        return LQ_OK; /* no zone data: the lexicon file still has the cities */
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
        if (to_utf8(city, n, utf8, sizeof(utf8)) && NULL == lex_get(places, utf8)) {
            if (LQ_ERR_NOMEM == lex_add(places, utf8, "city"))
                rc = LQ_ERR_NOMEM;
        }
    }
    uenum_close(zones);
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

int
lq_lexicons_load(const char *dir, struct lq_lexicons **out, char *err, size_t errlen)
{
    *out = NULL;
    struct lq_lexicons *lx = calloc(1, sizeof(*lx));
    int rc = LQ_ERR_NOMEM;
    if (NULL == lx)
        goto fail;
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
        rc = lex_load_file(*slot, path, err, errlen);
        if (LQ_OK != rc)
            goto fail;
    }
    rc = add_icu_countries(lx->places);
    if (LQ_OK == rc)
        rc = add_icu_cities(lx->places);
    if (LQ_OK != rc)
        goto nomem;
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
    free(lx);
}

/* end of resources.c */
