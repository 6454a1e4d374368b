/*
 * Unit tests of the lexicon loader: the project's files, ICU places, errors,
 * and place containment (lq_place_country(), lq_place_within()).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "test.h"

static void
test_project_lexicons(const char *dir)
{
    struct lq_lexicons *lx = NULL;
    char err[512] = "";
    int rc = lq_lexicons_load(dir, &lx, err, sizeof(err));
    CHECK_INT(rc, LQ_OK);
    if (LQ_OK != rc) {
        fprintf(stderr, "%s\n", err);
        return;
    }
    /* countries come from ICU's Arabic locale data */
    CHECK_STR(lex_lookup(lx->places, "روسيا"), "country");
    CHECK(NULL != lex_lookup(lx->places, "مصر"));
    /* exemplar cities of ICU's time zones */
    CHECK(NULL != lex_lookup(lx->places, "القاهرة"));
    CHECK(NULL != lex_lookup(lx->places, "موسكو"));
    /* one-word places are protected from proclitic cuts and licence them */
    CHECK(NULL != lex_lookup(lx->protect, "بيروت"));
    CHECK(NULL != lex_lookup(lx->known, "موسكو"));
    /* the common nouns of nonname.txt licence a cut (لشؤون) */
    CHECK(NULL != lex_lookup(lx->known, "شؤون"));
    lq_lexicons_free(lx);
}

/* Which country a place is in, from ICU and from places.txt. */
static void
test_containment(const char *dir)
{
    struct lq_lexicons *lx = NULL;
    char err[512] = "";
    if (LQ_OK != lq_lexicons_load(dir, &lx, err, sizeof(err))) {
        CHECK(!"lexicons load");
        return;
    }
    /* ICU's exemplar cities get the region of their time zone */
    CHECK_STR(lq_place_country(lx, "القاهرة"), "EG");
    CHECK_INT(lq_place_within(lx, "القاهرة", "مصر"), 1);
    CHECK_INT(lq_place_within(lx, "موسكو", "روسيا"), 1);
    CHECK_INT(lq_place_within(lx, "طهران", "إيران"), 1);
    CHECK_STR(lq_place_country(lx, "كاتماندو"), "NP"); /* a city only ICU knows */
    CHECK_INT(lq_place_within(lx, "دنفر", "أمريكا"), 1);
    CHECK_INT(lq_place_within(lx, "ريغا", "روسيا"), 0);
    /* the cities, regions and sites of places.txt */
    CHECK_INT(lq_place_within(lx, "جدة", "المملكة العربية السعودية"), 1);
    CHECK_INT(lq_place_within(lx, "جدة", "السعودية"), 1);
    CHECK_INT(lq_place_within(lx, "جدة", "الولايات المتحدة"), 0);
    CHECK_INT(lq_place_within(lx, "ولاية تكساس", "الولايات المتحدة الأمريكية"), 1);
    CHECK_INT(lq_place_within(lx, "ميامي", "فلوريدا"), 1);
    CHECK_INT(lq_place_within(lx, "أربيل", "كردستان العراق"), 1);
    CHECK_INT(lq_place_within(lx, "أربيل", "العراق"), 1);
    CHECK_INT(lq_place_within(lx, "المسجد الحرام", "مكة المكرمة"), 1);
    CHECK_INT(lq_place_within(lx, "قصر الإليزيه", "فرنسا"), 1);
    CHECK_INT(lq_place_within(lx, "لندن", "بريطانيا"), 1);
    CHECK_INT(lq_place_within(lx, "إنجلترا", "المملكة المتحدة"), 1);
    /* every spelling of a country gives one code */
    const char *us[] = { "أمريكا", "أميركا", "الولايات المتحدة", "الولايات المتحدة الأمريكية",
                         "الولايات المتحدة الأميركية" };
    for (size_t i = 0; i < sizeof(us) / sizeof(us[0]); i++)
        CHECK_STR(lq_place_country(lx, us[i]), "US");
    CHECK_STR(lq_place_country(lx, "جمهورية مصر العربية"), "EG");
    CHECK_INT(lq_place_within(lx, "أمريكا", "الولايات المتحدة"), 1);
    CHECK_INT(lq_place_within(lx, "الامارات", "دولة الإمارات"), 1);
    /* names with or without ال, diacritics, a place head noun */
    CHECK_STR(lq_place_country(lx, "مغرب"), "MA");
    CHECK_STR(lq_place_country(lx, "مدينة جدّة"), "SA");
    char a[256], b[256];
    CHECK(NULL != lq_place_key(lx, "أبو ظبي", a, sizeof(a)));
    CHECK(NULL != lq_place_key(lx, "ابوظبي", b, sizeof(b)));
    CHECK_STR(a, b);
    CHECK(NULL == lq_place_key(lx, "أبو ظبي", a, 4)); /* does not fit */
    /* a country is in no city; two countries */
    CHECK_INT(lq_place_within(lx, "مصر", "القاهرة"), 0);
    CHECK_INT(lq_place_within(lx, "روسيا", "أوكرانيا"), 0);
    CHECK_INT(lq_place_within(lx, "المملكة المتحدة", "إنجلترا"), 0);
    /* shared or disputed names: unknown for their candidates, 0 for others */
    CHECK(NULL == lq_place_country(lx, "طرابلس"));
    CHECK_INT(lq_place_within(lx, "طرابلس", "لبنان"), -1);
    CHECK_INT(lq_place_within(lx, "طرابلس", "مصر"), 0);
    CHECK(NULL == lq_place_country(lx, "عمّان")); /* Amman and Oman fold alike */
    /* unknown: regions of several countries, non-places, NULL */
    CHECK(NULL == lq_place_country(lx, "أوروبا"));
    CHECK_INT(lq_place_within(lx, "باريس", "أوروبا"), -1);
    CHECK(NULL == lq_place_country(lx, "كتاب"));
    CHECK_INT(lq_place_within(lx, "كتاب", "مصر"), -1);
    CHECK_INT(lq_place_within(lx, "القاهرة", "مدينة مجهولة"), -1);
    CHECK(NULL == lq_place_country(NULL, "القاهرة"));
    CHECK(NULL == lq_place_country(lx, NULL));
    CHECK_INT(lq_place_within(lx, NULL, "مصر"), -1);
    CHECK(NULL == lq_place_country(lx, ""));
    lq_lexicons_free(lx);
}

/* A lexicon folder with the project's files but places.txt = @p places. */
static int
make_folder(const char *src, const char *places, char *tmp, size_t cap)
{
    snprintf(tmp, cap, "/tmp/liqa-places-XXXXXX");
    if (NULL == mkdtemp(tmp))
        return 0;
    DIR *d = opendir(src);
    struct dirent *e;
    char from[4096], to[4096];
    while (d && (e = readdir(d))) {
        if ('.' == e->d_name[0] || 0 == strcmp(e->d_name, "places.txt"))
            continue;
        snprintf(from, sizeof(from), "%s/%s", src, e->d_name);
        snprintf(to, sizeof(to), "%s/%s", tmp, e->d_name);
        if (0 != symlink(from, to))
            break;
    }
    if (d)
        closedir(d);
    snprintf(to, sizeof(to), "%s/places.txt", tmp);
    FILE *f = fopen(to, "w");
    if (NULL == f)
        return 0;
    fputs(places, f);
    fclose(f);
    return 1;
}

static void
remove_folder(const char *tmp)
{
    DIR *d = opendir(tmp);
    struct dirent *e;
    char p[4096];
    while (d && (e = readdir(d))) {
        if ('.' == e->d_name[0])
            continue;
        snprintf(p, sizeof(p), "%s/%s", tmp, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(tmp);
}

/* Load @p places as places.txt: the status, and @p want in the message. */
static int
load_places(const char *src, const char *places, const char *want)
{
    char tmp[64], err[512] = "";
    if (!make_folder(src, places, tmp, sizeof(tmp)))
        return 99;
    struct lq_lexicons *lx = NULL;
    int rc = lq_lexicons_load(tmp, &lx, err, sizeof(err));
    if (LQ_OK == rc) {
        /* a fictitious village and its hamlet, in Egypt through its name in ICU */
        CHECK_STR(lq_place_country(lx, "قرية النخيل"), "EG");
        CHECK_INT(lq_place_within(lx, "نجع الوادي", "قرية النخيل"), 1);
        CHECK_INT(lq_place_within(lx, "نجع الوادي", "مصر"), 1);
        CHECK_INT(lq_place_within(lx, "النخيل", "الأردن"), 0); /* the = spelling */
        CHECK_STR(lex_lookup(lx->places, "قرية النخيل"), "city"); /* the kind alone */
    } else if (want)
        CHECK(NULL != strstr(err, want));
    lq_lexicons_free(lx);
    remove_folder(tmp);
    return rc;
}

static void
test_places_format(const char *src)
{
    static const char ok[] = "# a test gazetteer\n"
                             "قرية النخيل\tcity in:مصر\n"
                             "نجع الوادي\tsite in:قرية النخيل\n"
                             "النخيل\tcity =قرية النخيل\n"
                             "بلاد الاختبار\tcountry code:EG\n"
                             "بلدة\tcity\n";
    CHECK_INT(load_places(src, ok, NULL), LQ_OK);
    CHECK_INT(load_places(src, "بلدة\ttown\n", "\"بلده\": the kind"), LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity in:ZZ\n", "no ISO 3166"), LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity in:مكان مجهول\n", "no known place"), LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity code:EG\n", "code:"), LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity near:EG\n", "unknown field"), LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity =بلدة\n", "= names"), LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity in:قرية\nقرية\tcity in:بلدة\n", "loop"),
              LQ_ERR_FORMAT);
    CHECK_INT(load_places(src, "بلدة\tcity =قرية\nقرية\tcity =بلدة\n", "loop"), LQ_ERR_FORMAT);
}

static void
test_missing_folder(void)
{
    struct lq_lexicons *lx = NULL;
    char err[512] = "";
    int rc = lq_lexicons_load("/nonexistent/lexicons", &lx, err, sizeof(err));
    CHECK_INT(rc, LQ_ERR_IO);
    CHECK(NULL == lx);
    CHECK(NULL != strstr(err, "/nonexistent/lexicons/"));
    lq_lexicons_free(NULL);
}

int
main(void)
{
    const char *src = getenv("LIQA_SOURCE_DIR");
    if (NULL == src)
        return TEST_SETUP_FAILURE;
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/config/lexicons", src);
    test_project_lexicons(dir);
    test_containment(dir);
    test_places_format(dir);
    test_missing_folder();
    return test_done();
}
