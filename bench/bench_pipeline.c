/* liqa-bench-pipeline: the pipeline's speed without HTTP.
 *
 *   liqa-bench-pipeline [options] PATH...
 *
 * PATH is a folder (every *.txt in it, in name order) or one file. The
 * pipeline is loaded once; each article then runs --repeat times on one
 * thread (lq_extract_dump(): the pipeline and the response's bytes, as the
 * server does)
 * and its median time is kept. The summary gives the median and p90 of
 * these per-article medians, articles and MB per second on one core, and,
 * with --threads T, the throughput of T threads, each with its own worker,
 * running over the articles for --seconds.
 *
 * The stage breakdown runs the same stages by hand, on contexts built the
 * way lq_pipeline_load() builds them: text layer (txt_analyze), entities
 * (ent_extract, of which the tagger is timed apart by calling ner_tag per
 * sentence on the same document), events and time (evt_extract), JSON
 * (lq_result_dump, the response's bytes written from the result).
 *
 * --once runs every article once through bench_extract_once() and prints
 * nothing else: `valgrind --tool=callgrind --toggle-collect=bench_extract_once`
 * then counts the pipeline's instructions alone.
 *
 * --dump DIR writes each article's response to DIR/<name>.json and nothing
 * else, to check that a speed change left the output as it was. With
 * --jansson the responses are built by lq_extract() and printed by
 * json_dumps() instead: the two dumps must be the same bytes.
 *
 * --concat BYTES replaces the articles by one text: the articles joined by
 * blank lines, repeated until it holds at least BYTES bytes.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "liqa-config.h"
#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/event.h"
#include "liqa/ner.h"
#include "liqa/pipeline.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "liqa/timex.h"
#include "result_json.h"

/* how the server serialises a response (server/app/extract.c app_dump) */
#define BENCH_DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

enum stage { ST_TEXT = 0, ST_TAGGER, ST_RULES, ST_EVENTS, ST_JSON, ST_TOTAL, NSTAGES };

static const char *const stage_names[NSTAGES] = {
    "text", "tagger", "rules_coref", "events_time", "json", "total",
};

struct article {
    char *name;
    char *text;
    size_t len;
    char *published; /* from --gold or --published, or NULL */
    double median_s; /* lq_extract + dump, median of the runs */
    size_t arena;    /* arena bytes the staged run used */
    double stage_s[NSTAGES];
};

struct opts {
    const char *lexicons;
    const char *model;
    const char *gold;
    const char *published;
    size_t concat;
    unsigned repeat;
    unsigned warmup;
    unsigned threads;
    double seconds;
    int stages;
    int once;
    int json;
    const char *dump; /* folder for each article's JSON, or NULL */
    int jansson;      /* --dump through lq_extract() and json_dumps() */
};

struct corpus {
    struct article *a;
    size_t n, cap;
};

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    long kb = -1;
    if (NULL != f) {
        char line[256];
        while (fgets(line, sizeof(line), f))
            if (0 == strncmp(line, "VmHWM:", 6))
                kb = strtol(line + 6, NULL, 10);
        fclose(f);
    }
    if (kb < 0) {
        struct rusage ru;
        if (0 == getrusage(RUSAGE_SELF, &ru))
            kb = ru.ru_maxrss;
    }
    return kb;
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (NULL == f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        char *nb = realloc(buf, cap * 2);
        if (NULL == nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf) {
        char *nb = realloc(buf, n + 1);
        if (nb)
            buf = nb;
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

static int
corpus_add(struct corpus *c, const char *path, const char *name)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 128;
        struct article *na = realloc(c->a, cap * sizeof(*na));
        if (NULL == na)
            return -1;
        c->a = na;
        c->cap = cap;
    }
    struct article *a = &c->a[c->n];
    memset(a, 0, sizeof(*a));
    a->text = read_file(path, &a->len);
    if (NULL == a->text) {
        fprintf(stderr, "liqa-bench-pipeline: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    a->name = strdup(name);
    size_t k = strlen(a->name);
    if (k > 4 && 0 == strcmp(a->name + k - 4, ".txt"))
        a->name[k - 4] = '\0';
    c->n++;
    return 0;
}

static int
cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int
corpus_add_path(struct corpus *c, const char *path)
{
    DIR *d = opendir(path);
    if (NULL == d) {
        const char *slash = strrchr(path, '/');
        return corpus_add(c, path, slash ? slash + 1 : path);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while (NULL != (e = readdir(d))) {
        size_t k = strlen(e->d_name);
        if (k < 5 || 0 != strcmp(e->d_name + k - 4, ".txt"))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 128;
            char **nn = realloc(names, cap * sizeof(*nn));
            if (NULL == nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (0 == rc && n > 0)
        qsort(names, n, sizeof(*names), cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (0 == rc) {
            char full[4096];
            snprintf(full, sizeof(full), "%s/%s", path, names[i]);
            rc = corpus_add(c, full, names[i]);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* "published" of the gold file of each article, when there is one */
static void
corpus_published(struct corpus *c, const char *gold, const char *all)
{
    for (size_t i = 0; i < c->n; i++) {
        struct article *a = &c->a[i];
        if (all) {
            a->published = strdup(all);
            continue;
        }
        if (NULL == gold)
            continue;
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s.json", gold, a->name);
        json_t *g = json_load_file(path, 0, NULL);
        const char *p = json_string_value(json_object_get(g, "published"));
        struct tmx_date d;
        if (p && tmx_parse_published(p, &d))
            a->published = strdup(p);
        json_decref(g);
    }
}

/* One text of the articles joined by blank lines, at least @p bytes long. */
static int
corpus_concat(struct corpus *c, size_t bytes)
{
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++)
        total += c->a[i].len + 2;
    if (0 == total)
        return -1;
    size_t cap = bytes + total + 1;
    char *big = malloc(cap);
    if (NULL == big)
        return -1;
    size_t n = 0;
    while (n < bytes)
        for (size_t i = 0; i < c->n && n < bytes; i++) {
            memcpy(big + n, c->a[i].text, c->a[i].len);
            n += c->a[i].len;
            big[n++] = '\n';
            big[n++] = '\n';
        }
    big[n] = '\0';
    const char *published = c->n ? c->a[0].published : NULL;
    struct article one = {.name = strdup("concat"), .text = big, .len = n,
                          .published = published ? strdup(published) : NULL};
    for (size_t i = 0; i < c->n; i++) {
        free(c->a[i].name);
        free(c->a[i].text);
        free(c->a[i].published);
    }
    c->a[0] = one;
    c->n = 1;
    return 0;
}

static int
cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* The q-quantile (0..1) of @p v, sorted in place; nearest rank. */
static double
quantile(double *v, size_t n, double q)
{
    if (0 == n)
        return 0;
    qsort(v, n, sizeof(*v), cmp_double);
    size_t k = (size_t)(q * (double)n + 0.999999);
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return v[k - 1];
}

/* What the server does per request after decoding: the pipeline, then the
 * response's bytes. Not inlined, so callgrind can toggle on it. */
__attribute__((noinline)) static int
bench_extract_once(struct lq_worker *w, const struct article *a)
{
    struct lq_request req;
    struct lq_error err;
    int rc = lq_request_init(&req, a->text, a->len, a->name, a->published, NULL, &err);
    if (LQ_OK != rc)
        return rc;
    char *out = NULL;
    size_t n = 0;
    rc = lq_extract_dump(w, &req, &out, &n, &err);
    if (LQ_OK != rc) {
        fprintf(stderr, "liqa-bench-pipeline: %s: %s (%s)\n", a->name, lq_status_str(rc),
                err.message);
        return rc;
    }
    free(out);
    return LQ_OK;
}

/* Write the response of every article to DIR/<name>.json, with the bytes
 * the server sends (compact, 15 digits, a final newline): two builds that
 * write the same files score the same. */
static int
dump_all(struct lq_worker *w, const struct corpus *c, const char *dir, int jansson)
{
    for (size_t i = 0; i < c->n; i++) {
        const struct article *a = &c->a[i];
        struct lq_request req;
        struct lq_error err;
        char *s = NULL;
        size_t n = 0;
        int rc = lq_request_init(&req, a->text, a->len, a->name, a->published, NULL, &err);
        if (LQ_OK == rc && jansson) {
            json_t *out = NULL;
            rc = lq_extract(w, &req, &out, &err);
            if (LQ_OK == rc) {
                s = json_dumps(out, BENCH_DUMP_FLAGS);
                json_decref(out);
                n = s ? strlen(s) : 0;
            }
        } else if (LQ_OK == rc) {
            rc = lq_extract_dump(w, &req, &s, &n, &err);
        }
        if (LQ_OK != rc) {
            fprintf(stderr, "liqa-bench-pipeline: %s: %s\n", a->name, lq_status_str(rc));
            return rc;
        }
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s.json", dir, a->name);
        FILE *f = fopen(path, "w");
        if (NULL == f || NULL == s || n != fwrite(s, 1, n, f) || EOF == fputc('\n', f)) {
            fprintf(stderr, "liqa-bench-pipeline: cannot write %s\n", path);
            free(s);
            if (f)
                fclose(f);
            return LQ_ERR_IO;
        }
        free(s);
        if (0 != fclose(f))
            return LQ_ERR_IO;
    }
    return LQ_OK;
}

/* the same, for warming up outside callgrind's toggle */
static int
warm_once(struct lq_worker *w, const struct article *a)
{
    return bench_extract_once(w, a);
}

/* ---- per-stage breakdown ------------------------------------------------ */

struct staged {
    struct lq_lexicons *lex;
    struct txt_ctx *txt;
    struct ner_model *ner;
    struct tmx_ctx *tmx;
    struct ent_ctx *ent;
    struct evt_ctx *evt;
    struct lq_arena *arena;
    struct txt_scratch *scratch;
    struct ner_tagger *tagger;
    struct ner_span *spans;
    size_t nspans;
};

static void
staged_free(struct staged *s)
{
    ner_tagger_free(s->tagger);
    txt_scratch_free(s->scratch);
    lq_arena_free(s->arena);
    evt_ctx_free(s->evt);
    ent_ctx_free(s->ent);
    tmx_ctx_free(s->tmx);
    ner_model_free(s->ner);
    txt_ctx_free(s->txt);
    lq_lexicons_free(s->lex);
    free(s->spans);
    memset(s, 0, sizeof(*s));
}

static int
staged_load(struct staged *s, const struct opts *o)
{
    char err[512] = "";
    memset(s, 0, sizeof(*s));
    int rc = lq_lexicons_load(o->lexicons, &s->lex, err, sizeof(err));
    if (LQ_OK == rc)
        rc = txt_ctx_new(s->lex->protect, s->lex->known, &s->txt);
    if (LQ_OK == rc && o->model && o->model[0])
        rc = ner_model_load(o->model, s->lex, &s->ner, err, sizeof(err));
    if (LQ_OK == rc)
        rc = tmx_ctx_new(s->lex, &s->tmx);
    if (LQ_OK == rc)
        rc = ent_ctx_new(s->lex, s->ner, &s->ent);
    if (LQ_OK == rc)
        rc = evt_ctx_new(s->lex, s->tmx, &s->evt);
    if (LQ_OK == rc) {
        s->arena = lq_arena_new(0);
        s->scratch = txt_scratch_new(s->txt);
        if (s->ner)
            s->tagger = ner_tagger_new(s->ner);
        if (NULL == s->arena || NULL == s->scratch || (s->ner && NULL == s->tagger))
            rc = LQ_ERR_NOMEM;
    }
    if (LQ_OK != rc) {
        fprintf(stderr, "liqa-bench-pipeline: staged load: %s %s\n", lq_status_str(rc), err);
        staged_free(s);
    }
    return rc;
}

/* One staged run; adds each stage's seconds to @p t and says in @p a_used
 * how many bytes of the arena the stages took. */
static int
staged_run(struct staged *s, const struct article *a, double *t, size_t *used)
{
    size_t a_used = 0;
    struct lq_request req;
    struct lq_error err;
    int rc = lq_request_init(&req, a->text, a->len, a->name, a->published, NULL, &err);
    if (LQ_OK != rc)
        return rc;
    lq_arena_reset(s->arena);
    size_t bad = 0;
    struct txt_doc *doc = NULL;
    struct ent_result ents;
    struct evt_result evts;
    double t0 = now_s();
    rc = txt_analyze(s->txt, s->scratch, s->arena, a->text, a->len, &bad, &doc);
    double t1 = now_s();
    if (LQ_OK == rc)
        rc = ent_extract(s->ent, s->tagger, doc, s->arena, &ents);
    double t2 = now_s();
    if (LQ_OK == rc)
        rc = evt_extract(s->evt, doc, &ents, req.dct.year ? &req.dct : NULL, s->arena, &evts);
    double t3 = now_s();
    char *dump = NULL;
    if (LQ_OK == rc) {
        dump = lq_result_dump(&req, doc, &ents, &evts, NULL);
        if (NULL == dump)
            rc = LQ_ERR_NOMEM;
    }
    double t4 = now_s();
    a_used = lq_arena_used(s->arena);
    free(dump);
    if (LQ_OK != rc)
        return rc;
    /* the tagger alone, per sentence, on the same document */
    double tt = 0;
    if (s->tagger) {
        double u0 = now_s();
        for (size_t si = 0; si < doc->nsents && LQ_OK == rc; si++) {
            const struct txt_sentence *se = &doc->sents[si];
            size_t len = se->tok_end - se->tok_begin;
            if (0 == len)
                continue;
            if (len > s->nspans) {
                free(s->spans);
                s->spans = malloc(len * sizeof(*s->spans));
                s->nspans = s->spans ? len : 0;
                if (NULL == s->spans)
                    return LQ_ERR_NOMEM;
            }
            size_t n = 0;
            rc = ner_tag(s->tagger, doc, se->tok_begin, se->tok_end, s->spans, s->nspans, &n);
        }
        tt = now_s() - u0;
    }
    double ent = t2 - t1;
    t[ST_TEXT] += t1 - t0;
    t[ST_TAGGER] += tt < ent ? tt : ent;
    t[ST_RULES] += tt < ent ? ent - tt : 0;
    t[ST_EVENTS] += t3 - t2;
    t[ST_JSON] += t4 - t3;
    t[ST_TOTAL] += t4 - t0;
    *used = a_used;
    return rc;
}

/* ---- threads ------------------------------------------------------------ */

struct thr {
    pthread_t tid;
    const struct lq_pipeline *p;
    const struct corpus *c;
    size_t first;
    double until;
    unsigned long long articles, bytes;
    double cpu_s; /* the thread's CPU time */
    int rc;
};

static double
thread_cpu_s(void)
{
    struct timespec ts;
    if (0 != clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *
thr_main(void *arg)
{
    struct thr *t = arg;
    struct lq_worker *w = lq_worker_new(t->p);
    if (NULL == w) {
        t->rc = LQ_ERR_NOMEM;
        return NULL;
    }
    size_t i = t->first;
    double c0 = thread_cpu_s();
    /* check the clock every article; an article takes far longer */
    while (now_s() < t->until) {
        const struct article *a = &t->c->a[i];
        t->rc = bench_extract_once(w, a);
        if (LQ_OK != t->rc)
            break;
        t->articles++;
        t->bytes += a->len;
        i = (i + 1) % t->c->n;
    }
    t->cpu_s = thread_cpu_s() - c0;
    lq_worker_free(w);
    return NULL;
}

/* T threads over the articles in turn for @p seconds: articles and MB per
 * second of wall time, and CPU milliseconds per article (which the machine's
 * other load changes much less). */
static int
run_threads(const struct lq_pipeline *p, const struct corpus *c, unsigned n, double seconds,
            double *aps, double *mbps, double *cpu_ms)
{
    struct thr *t = calloc(n, sizeof(*t));
    if (NULL == t)
        return LQ_ERR_NOMEM;
    double t0 = now_s();
    int rc = LQ_OK;
    unsigned started = 0;
    for (unsigned k = 0; k < n; k++) {
        t[k] = (struct thr){.p = p, .c = c, .first = (c->n * k) / n, .until = t0 + seconds};
        if (0 != pthread_create(&t[k].tid, NULL, thr_main, &t[k])) {
            rc = LQ_ERR_NOMEM;
            break;
        }
        started++;
    }
    unsigned long long arts = 0, bytes = 0;
    double cpu = 0;
    for (unsigned k = 0; k < started; k++) {
        pthread_join(t[k].tid, NULL);
        arts += t[k].articles;
        bytes += t[k].bytes;
        cpu += t[k].cpu_s;
        if (LQ_OK != t[k].rc)
            rc = t[k].rc;
    }
    double el = now_s() - t0;
    free(t);
    *aps = (double)arts / el;
    *mbps = (double)bytes / el / 1e6;
    *cpu_ms = arts ? cpu * 1e3 / (double)arts : 0;
    return rc;
}

/* The @p k articles with the most time per byte, so a superlinear input
 * stands out. */
static void
print_slowest(const struct corpus *c, size_t k)
{
    if (c->n < 2)
        return;
    char used[4096] = {0};
    if (c->n > sizeof(used))
        return;
    printf("slowest per KiB:");
    for (size_t r = 0; r < k && r < c->n; r++) {
        size_t best = SIZE_MAX;
        double bv = -1;
        for (size_t i = 0; i < c->n; i++) {
            double v = c->a[i].median_s / (double)(c->a[i].len ? c->a[i].len : 1);
            if (!used[i] && v > bv) {
                bv = v;
                best = i;
            }
        }
        used[best] = 1;
        printf(" %s (%.3f ms, %zu B)", c->a[best].name, c->a[best].median_s * 1e3,
               c->a[best].len);
    }
    printf("\n");
}

/* ---- main ----------------------------------------------------------------- */

static void
usage(void)
{
    fprintf(stderr,
            "usage: liqa-bench-pipeline [--lexicons DIR] [--model FILE|\"\"] [--gold DIR]\n"
            "         [--published DATE] [--concat BYTES] [--repeat N] [--warmup N]\n"
            "         [--threads T] [--seconds S] [--no-stages] [--once] [--json]\n"
            "         [--dump DIR [--jansson]] PATH...\n");
}

static int
parse_args(int argc, char **argv, struct opts *o, struct corpus *c)
{
    static char lexdef[4096], modeldef[4096];
    snprintf(lexdef, sizeof(lexdef), "%s/config/lexicons", LIQA_SOURCE_DIR);
    snprintf(modeldef, sizeof(modeldef), "%s/model/ner.model", LIQA_SOURCE_DIR);
    *o = (struct opts){.lexicons = lexdef, .model = modeldef, .repeat = 20, .warmup = 2,
                       .threads = 0, .seconds = 3, .stages = 1};
    if (0 != access(modeldef, R_OK))
        o->model = "";
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define TAKE(name) (0 == strcmp(a, name) && v && (i++, 1))
        if (TAKE("--lexicons"))
            o->lexicons = v;
        else if (TAKE("--model"))
            o->model = v;
        else if (TAKE("--gold"))
            o->gold = v;
        else if (TAKE("--published"))
            o->published = v;
        else if (TAKE("--concat"))
            o->concat = strtoull(v, NULL, 10);
        else if (TAKE("--repeat"))
            o->repeat = (unsigned)strtoul(v, NULL, 10);
        else if (TAKE("--warmup"))
            o->warmup = (unsigned)strtoul(v, NULL, 10);
        else if (TAKE("--threads"))
            o->threads = (unsigned)strtoul(v, NULL, 10);
        else if (TAKE("--seconds"))
            o->seconds = strtod(v, NULL);
        else if (TAKE("--dump"))
            o->dump = v;
        else if (0 == strcmp(a, "--no-stages"))
            o->stages = 0;
        else if (0 == strcmp(a, "--once"))
            o->once = 1;
        else if (0 == strcmp(a, "--json"))
            o->json = 1;
        else if (0 == strcmp(a, "--jansson"))
            o->jansson = 1;
        else if ('-' == a[0]) {
            usage();
            return -1;
        } else {
            if (0 != corpus_add_path(c, a))
                return -1;
            npaths++;
        }
#undef TAKE
    }
    if (0 == npaths || 0 == c->n) {
        usage();
        return -1;
    }
    if (0 == o->repeat)
        o->repeat = 1;
    return 0;
}

int
main(int argc, char **argv)
{
    struct opts o;
    struct corpus c = {0};
    struct lq_pipeline *p = NULL;
    struct lq_worker *w = NULL;
    struct staged st = {0};
    double *runs = NULL, *meds = NULL;
    int status = 1;
    if (0 != parse_args(argc, argv, &o, &c)) {
        status = 2;
        goto out;
    }
    corpus_published(&c, o.gold, o.published);
    if (o.concat && 0 != corpus_concat(&c, o.concat))
        goto out;
    size_t bytes = 0;
    for (size_t i = 0; i < c.n; i++)
        bytes += c.a[i].len;

    char err[512] = "";
    struct lq_pipeline_opts po = {.lexicon_dir = o.lexicons, .model_path = o.model};
    double tl = now_s();
    int rc = lq_pipeline_load(&po, &p, err, sizeof(err));
    double load_s = now_s() - tl;
    if (LQ_OK != rc) {
        fprintf(stderr, "liqa-bench-pipeline: %s (%s)\n", err, lq_status_str(rc));
        goto out;
    }
    w = lq_worker_new(p);
    if (NULL == w)
        goto out;

    if (o.dump) {
        status = LQ_OK == dump_all(w, &c, o.dump, o.jansson) ? 0 : 1;
        goto out;
    }
    if (o.once) {
        if (LQ_OK != warm_once(w, &c.a[0]))
            goto out;
        for (size_t i = 0; i < c.n; i++)
            if (LQ_OK != bench_extract_once(w, &c.a[i]))
                goto out;
        printf("articles %zu bytes %zu\n", c.n, bytes);
        status = 0;
        goto out;
    }

    /* one thread, every article --repeat times */
    runs = malloc(o.repeat * sizeof(*runs));
    meds = malloc(c.n * sizeof(*meds));
    if (NULL == runs || NULL == meds)
        goto out;
    for (size_t i = 0; i < c.n; i++)
        for (unsigned r = 0; r < o.warmup; r++)
            if (LQ_OK != bench_extract_once(w, &c.a[i]))
                goto out;
    double sum_med = 0;
    for (size_t i = 0; i < c.n; i++) {
        for (unsigned r = 0; r < o.repeat; r++) {
            double t0 = now_s();
            if (LQ_OK != bench_extract_once(w, &c.a[i]))
                goto out;
            runs[r] = now_s() - t0;
        }
        c.a[i].median_s = quantile(runs, o.repeat, 0.5);
        meds[i] = c.a[i].median_s;
        sum_med += meds[i];
    }
    double med_ms = quantile(meds, c.n, 0.5) * 1e3;
    double p90_ms = quantile(meds, c.n, 0.9) * 1e3;
    double max_ms = quantile(meds, c.n, 1.0) * 1e3;
    double aps1 = (double)c.n / sum_med;
    double mbps1 = (double)bytes / sum_med / 1e6;
    double ms_per_4k = sum_med / (double)bytes * 4096.0 * 1e3;
    long rss_kb = peak_rss_kb();

    double apsT = 0, mbpsT = 0, cpuT = 0;
    if (o.threads > 0 &&
        LQ_OK != run_threads(p, &c, o.threads, o.seconds, &apsT, &mbpsT, &cpuT))
        goto out;

    double stage[NSTAGES] = {0};
    int have_stages = 0;
    double arena_sum = 0;
    size_t arena_max = 0;
    if (o.stages && LQ_OK == staged_load(&st, &o)) {
        double *sr = malloc(o.repeat * NSTAGES * sizeof(*sr));
        if (NULL == sr)
            goto out;
        for (size_t i = 0; i < c.n; i++) {
            double acc[NSTAGES];
            for (unsigned r = 0; r < o.repeat; r++) {
                memset(acc, 0, sizeof(acc));
                if (LQ_OK != staged_run(&st, &c.a[i], acc, &c.a[i].arena)) {
                    free(sr);
                    goto out;
                }
                for (int k = 0; k < NSTAGES; k++)
                    sr[(size_t)k * o.repeat + r] = acc[k];
            }
            for (int k = 0; k < NSTAGES; k++)
                stage[k] += quantile(sr + (size_t)k * o.repeat, o.repeat, 0.5);
        }
        free(sr);
        have_stages = 1;
        for (size_t i = 0; i < c.n; i++) {
            arena_sum += (double)c.a[i].arena;
            if (c.a[i].arena > arena_max)
                arena_max = c.a[i].arena;
        }
    }

    if (o.json) {
        json_t *j = json_pack("{s:i, s:I, s:f, s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:I}",
                              "articles", (int)c.n, "bytes", (json_int_t)bytes, "load_ms",
                              load_s * 1e3, "model", o.model[0] ? o.model : "", "median_ms",
                              med_ms, "p90_ms", p90_ms, "max_ms", max_ms, "ms_per_4k",
                              ms_per_4k, "aps_1thread", aps1, "mbps_1thread", mbps1,
                              "repeat", (double)o.repeat, "peak_rss_kb", (json_int_t)rss_kb);
        if (NULL == j)
            goto out;
        if (o.threads) {
            json_object_set_new(j, "threads", json_integer(o.threads));
            json_object_set_new(j, "aps_threads", json_real(apsT));
            json_object_set_new(j, "mbps_threads", json_real(mbpsT));
            json_object_set_new(j, "cpu_ms_per_article_threads", json_real(cpuT));
        }
        if (have_stages) {
            json_t *s = json_object();
            for (int k = 0; k < NSTAGES; k++)
                json_object_set_new(s, stage_names[k], json_real(stage[k] / (double)c.n * 1e3));
            json_object_set_new(j, "stages_ms_per_article", s);
            json_object_set_new(j, "arena_kb_mean", json_real(arena_sum / (double)c.n / 1024));
            json_object_set_new(j, "arena_kb_max", json_real((double)arena_max / 1024));
        }
        char *d = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(6));
        json_decref(j);
        if (NULL == d)
            goto out;
        printf("%s\n", d);
        free(d);
    } else {
        printf("model           %s\n", o.model[0] ? o.model : "(none: rules only)");
        printf("load            %.0f ms\n", load_s * 1e3);
        printf("articles        %zu, %zu bytes (%.0f bytes each on average)\n", c.n, bytes,
               (double)bytes / (double)c.n);
        printf("per article     median %.3f ms, p90 %.3f ms, max %.3f ms (%u runs each)\n",
               med_ms, p90_ms, max_ms, o.repeat);
        printf("per 4 KiB       %.3f ms\n", ms_per_4k);
        printf("1 thread        %.0f articles/s, %.2f MB/s\n", aps1, mbps1);
        if (o.threads)
            printf("%u threads       %.0f articles/s, %.2f MB/s (%.0f articles/s per thread), "
                   "%.3f CPU ms per article\n",
                   o.threads, apsT, mbpsT, apsT / o.threads, cpuT);
        printf("peak RSS        %.1f MB\n", (double)rss_kb / 1024.0);
        print_slowest(&c, 5);
        if (have_stages) {
            printf("stages (ms per article, sum of per-article medians / articles):\n");
            for (int k = 0; k < NSTAGES; k++)
                printf("  %-12s %8.4f  %5.1f %%\n", stage_names[k], stage[k] / (double)c.n * 1e3,
                       stage[ST_TOTAL] > 0 ? 100.0 * stage[k] / stage[ST_TOTAL] : 0.0);
            printf("arena           %.0f KiB per article on average, %.0f KiB at most\n",
                   arena_sum / (double)c.n / 1024, (double)arena_max / 1024);
        }
    }
    status = 0;
out:
    free(runs);
    free(meds);
    staged_free(&st);
    lq_worker_free(w);
    lq_pipeline_free(p);
    for (size_t i = 0; i < c.n; i++) {
        free(c.a[i].name);
        free(c.a[i].text);
        free(c.a[i].published);
    }
    free(c.a);
    return status;
}

/* end of bench_pipeline.c */
