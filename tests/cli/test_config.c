/* Unit tests of the configuration parser (server/app/config.c): defaults,
 * the file format, error messages with file:line, the environment, and
 * precedence. Files are written to a temporary folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "test.h"

static char dir[256];

static const char *
write_file(const char *name, const char *content)
{
    static char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (NULL == f)
        return NULL;
    fputs(content, f);
    fclose(f);
    return path;
}

/* Load @p content as a file into a fresh config; returns the rc, the error
 * in @p err. */
static int
load(struct cfg *c, const char *content, char *err, size_t errlen)
{
    err[0] = '\0';
    if (0 != cfg_init(c))
        return -99;
    const char *path = write_file("t.conf", content);
    if (NULL == path)
        return -98;
    return cfg_load_file(c, path, err, errlen);
}

static int
contains(const char *hay, const char *needle)
{
    return NULL != strstr(hay, needle);
}

static void
test_defaults(void)
{
    struct cfg c;
    CHECK_INT(cfg_init(&c), 0);
    CHECK_STR(c.listen, "127.0.0.1");
    CHECK_INT(c.port, 8080);
    CHECK_INT(c.threads, 0);
    CHECK_INT(c.max_body_bytes, 1048576);
    CHECK_INT(c.max_json_depth, 32);
    CHECK_INT(c.rate_limit_per_minute, 0);
    CHECK_INT(c.log_requests, 1);
    CHECK(contains(c.lexicon_dir, "config/lexicons"));
    CHECK(contains(c.model_path, "model/ner.model"));
    char err[256];
    CHECK_INT(cfg_finish(&c, err, sizeof(err)), 0);
    CHECK_INT(c.nkeys, 0);
    CHECK_INT(c.norigins, 0);
    for (size_t i = 0; i < cfg_key_count(); i++)
        CHECK_INT(c.source[i], CFG_SRC_DEFAULT);
    cfg_free(&c);
    cfg_free(&c); /* twice is harmless */
}

static void
test_file_format(void)
{
    struct cfg c;
    char err[512];
    int rc = load(&c,
                  "\xEF\xBB\xBF# a comment\n"
                  "; another comment\n"
                  "\n"
                  "   port   =   9001   \n"
                  "listen=::1\r\n"
                  "max_body_bytes = 2MiB\n"
                  "arena_limit_bytes = 512KiB\n"
                  "log_requests = off\n"
                  "cors_allowed_origins = \" https://a.example, http://localhost:3000 \"\n"
                  "api_keys = key#with#hashes-0001\n"
                  "lexicon_dir = lex\n"
                  "model_path = /abs/ner.model\n"
                  "api_keys_file = \"\"\n",
                  err, sizeof(err));
    CHECK_INT(rc, 0);
    if (rc)
        fprintf(stderr, "  %s\n", err);
    CHECK_INT(c.port, 9001);
    CHECK_STR(c.listen, "::1");
    CHECK_INT(c.max_body_bytes, 2 << 20);
    CHECK_INT(c.arena_limit_bytes, 512 << 10);
    CHECK_INT(c.log_requests, 0);
    CHECK_STR(c.api_keys, "key#with#hashes-0001");
    char want[512];
    snprintf(want, sizeof(want), "%s/lex", dir);
    CHECK_STR(c.lexicon_dir, want); /* relative to the file's folder */
    CHECK_STR(c.model_path, "/abs/ner.model");
    CHECK_STR(c.api_keys_file, "");
    CHECK(NULL != c.config_file && contains(c.config_file, "t.conf"));
    CHECK_INT(cfg_finish(&c, err, sizeof(err)), 0);
    CHECK_INT(c.norigins, 2);
    if (2 == c.norigins) {
        CHECK_STR(c.origins[0], "https://a.example");
        CHECK_STR(c.origins[1], "http://localhost:3000");
    }
    CHECK_INT(c.nkeys, 1);
    size_t port_idx = 0;
    while (port_idx < cfg_key_count() && 0 != strcmp(cfg_key_name(port_idx), "port"))
        port_idx++;
    CHECK_INT(c.source[port_idx], CFG_SRC_FILE);
    char buf[64];
    enum cfg_kind kind;
    CHECK_STR(cfg_key_value(&c, port_idx, buf, sizeof(buf), &kind), "9001");
    CHECK_INT(kind, CFG_KIND_NUMBER);
    cfg_free(&c);
}

/* Each bad file fails with "PATH:LINE: reason". */
static void
test_file_errors(void)
{
    static const struct {
        const char *content;
        const char *line;
        const char *reason;
    } cases[] = {
        {"port = 1\nfoo = 2\n", ":2: ", "unknown key 'foo'"},
        {"# c\n\nport = abc\n", ":3: ", "invalid value 'abc' for 'port'"},
        {"port = 65536\n", ":1: ", "from 0 to 65535"},
        {"port = -1\n", ":1: ", "invalid value '-1'"},
        {"port = 1 # comment\n", ":1: ", "invalid value '1 # comment'"},
        {"port =\n", ":1: ", "empty value for 'port'"},
        {"threads = 99999\n", ":1: ", "'threads'"},
        {"max_body_bytes = 1MB\n", ":1: ", "KiB, MiB or GiB"},
        {"max_body_bytes = 99999999999999999999999\n", ":1: ", "invalid value"},
        {"log_requests = maybe\n", ":1: ", "expected true or false"},
        {"listen = example.org\n", ":1: ", "numeric IPv4 or IPv6"},
        {"just a line\n", ":1: ", "expected 'key = value'"},
        {" = 5\n", ":1: ", "missing key"},
        {"[server]\nport = 1\n", ":1: ", "sections are not used"},
        {"port = 1\nport = 2\n", ":2: ", "already set on line 1"},
        {"api_keys = \"abc\n", ":1: ", "unterminated quoted value"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct cfg c;
        char err[512];
        int rc = load(&c, cases[i].content, err, sizeof(err));
        CHECK_INT(rc, -1);
        if (!contains(err, "t.conf") || !contains(err, cases[i].line) ||
            !contains(err, cases[i].reason)) {
            fprintf(stderr, "  case %zu: got \"%s\", want \"%s\" and \"%s\"\n", i, err,
                    cases[i].line, cases[i].reason);
            CHECK(0);
        }
        cfg_free(&c);
    }
    struct cfg c;
    char err[512];
    CHECK_INT(cfg_init(&c), 0);
    CHECK_INT(cfg_load_file(&c, "/nonexistent/liqa.conf", err, sizeof(err)), -1);
    CHECK(contains(err, "/nonexistent/liqa.conf: cannot open"));
    cfg_free(&c);
}

/* A string literal and its length, NUL bytes included. */
#define BIN(lit) lit, sizeof(lit) - 1

/* A file that is not text: a NUL byte no longer ends the line silently (the
 * rest of the file used to be skipped, and the server started on defaults),
 * and bytes that are not UTF-8 are refused with the line and column. */
static void
test_file_not_text(void)
{
    static const struct {
        const char *content;
        size_t len;
        const char *where;
        const char *reason;
    } cases[] = {
        {BIN("\x00\xff\xfe\xc0\xaf=\n"), ":1: ", "NUL byte at column 1"},
        {BIN("port = 1\nthreads = 2\x00junk = 3\n"), ":2: ", "NUL byte at column 12"},
        {BIN("# comment\n\x00"), ":2: ", "NUL byte"},
        {BIN("port = 1\n# \xff comment\n"), ":2: ", "invalid UTF-8 at column 3 (byte 0xFF)"},
        {BIN("listen = 127.0.0.\xc0\xb1\n"), ":1: ", "invalid UTF-8 at column 18"},
        {BIN("lexicon_dir = \xd8\n"), ":1: ", "invalid UTF-8 at column 15"},
        {BIN("lexicon_dir = \xed\xa0\x80\n"), ":1: ", "invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct cfg c;
        char err[512] = "", path[512];
        snprintf(path, sizeof(path), "%s/t.conf", dir);
        FILE *f = fopen(path, "wb");
        CHECK(NULL != f);
        if (NULL == f)
            return;
        fwrite(cases[i].content, 1, cases[i].len, f);
        fclose(f);
        CHECK_INT(cfg_init(&c), 0);
        CHECK_INT(cfg_load_file(&c, path, err, sizeof(err)), -1);
        if (!contains(err, "t.conf") || !contains(err, cases[i].where) ||
            !contains(err, cases[i].reason)) {
            fprintf(stderr, "  case %zu: got \"%s\", want \"%s\" and \"%s\"\n", i, err,
                    cases[i].where, cases[i].reason);
            CHECK(0);
        }
        cfg_free(&c);
    }
    /* Arabic in a value (a comment, a path) is UTF-8 and fine */
    struct cfg c;
    char err[512];
    CHECK_INT(load(&c, "# \xd8\xa7\xd9\x84\xd8\xae\xd8\xa7\xd8\xaf\xd9\x85\n"
                       "lexicon_dir = /srv/\xd9\x85\xd8\xb9\xd8\xac\xd9\x85\n",
                   err, sizeof(err)), 0);
    CHECK(contains(c.lexicon_dir, "/srv/\xd9\x85"));
    cfg_free(&c);
    /* the new request deadline: default 30, 0 allowed */
    CHECK_INT(load(&c, "request_timeout_s = 0\n", err, sizeof(err)), 0);
    CHECK_INT(c.request_timeout_s, 0);
    cfg_free(&c);
    CHECK_INT(cfg_init(&c), 0);
    CHECK_INT(c.request_timeout_s, 30);
    cfg_free(&c);
}

static void
test_finish_errors(void)
{
    static const struct {
        const char *content;
        const char *reason;
    } cases[] = {
        {"api_keys = short\n", "API key too short"},
        {"api_keys = good-key-0123456789, bad key with blanks\n", "printable ASCII"},
        {"cors_allowed_origins = app.example.org\n", "invalid origin 'app.example.org'"},
        {"cors_allowed_origins = https://a.example/path\n", "invalid origin"},
        {"lexicon_dir = \"\"\n", "lexicon_dir: must not be empty"},
        {"max_connections = 10\nmax_connections_per_ip = 20\n", "larger than max_connections"},
        {"api_keys_file = missing.keys\n", "cannot open"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct cfg c;
        char err[512];
        int rc = load(&c, cases[i].content, err, sizeof(err));
        CHECK_INT(rc, 0);
        CHECK_INT(cfg_finish(&c, err, sizeof(err)), -1);
        if (!contains(err, cases[i].reason)) {
            fprintf(stderr, "  finish case %zu: got \"%s\", want \"%s\"\n", i, err,
                    cases[i].reason);
            CHECK(0);
        }
        cfg_free(&c);
    }
    /* a keys file: comments and blank lines skipped; a short key names its line */
    write_file("k.keys", "# keys\n\nfile-key-0123456789\n");
    struct cfg c;
    char err[512];
    CHECK_INT(load(&c, "api_keys = list-key-0123456789\napi_keys_file = k.keys\n", err,
                   sizeof(err)), 0);
    CHECK_INT(cfg_finish(&c, err, sizeof(err)), 0);
    CHECK_INT(c.nkeys, 2);
    if (2 == c.nkeys) {
        CHECK_STR(c.keys[0], "list-key-0123456789");
        CHECK_STR(c.keys[1], "file-key-0123456789");
    }
    char buf[64];
    size_t k = 0;
    while (k < cfg_key_count() && 0 != strcmp(cfg_key_name(k), "api_keys"))
        k++;
    CHECK_STR(cfg_key_value(&c, k, buf, sizeof(buf), NULL), "(set)"); /* never printed */
    cfg_free(&c);
    write_file("bad.keys", "# keys\nfile-key-0123456789\ntiny\n");
    CHECK_INT(load(&c, "api_keys_file = bad.keys\n", err, sizeof(err)), 0);
    CHECK_INT(cfg_finish(&c, err, sizeof(err)), -1);
    CHECK(contains(err, "bad.keys:3: API key too short"));
    cfg_free(&c);
}

/* A fake environment for cfg_load_env(). */
static const char *const *fake_env;

static const char *
fake_getenv(const char *name)
{
    for (const char *const *p = fake_env; p && p[0]; p += 2)
        if (0 == strcmp(p[0], name))
            return p[1];
    return NULL;
}

static void
test_env_and_precedence(void)
{
    struct cfg c;
    char err[512];
    /* file sets port and threads; env overrides port; a flag overrides threads */
    CHECK_INT(load(&c, "port = 1111\nthreads = 3\nmax_json_depth = 5\n", err, sizeof(err)), 0);
    static const char *const env1[] = {"LIQA_PORT", "2222", "LIQA_THREADS", "4",
                                       "LIQA_CONFIG", "ignored", "LIQA_SOURCE_DIR", "/x",
                                       "LIQA_MAX_IN_FLIGHT", "7", NULL, NULL};
    fake_env = env1;
    CHECK_INT(cfg_load_env(&c, fake_getenv, err, sizeof(err)), 0);
    CHECK_INT(cfg_set(&c, "threads", "5", CFG_SRC_FLAG, "--threads", NULL, err, sizeof(err)), 0);
    CHECK_INT(c.port, 2222);         /* env > file */
    CHECK_INT(c.threads, 5);         /* flag > env > file */
    CHECK_INT(c.max_json_depth, 5);  /* file > default */
    CHECK_INT(c.max_in_flight, 7);   /* env > default */
    CHECK_INT(c.max_body_bytes, 1048576); /* default */
    for (size_t i = 0; i < cfg_key_count(); i++) {
        const char *n = cfg_key_name(i);
        enum cfg_source want = CFG_SRC_DEFAULT;
        if (0 == strcmp(n, "port") || 0 == strcmp(n, "max_in_flight"))
            want = CFG_SRC_ENV;
        else if (0 == strcmp(n, "threads"))
            want = CFG_SRC_FLAG;
        else if (0 == strcmp(n, "max_json_depth"))
            want = CFG_SRC_FILE;
        CHECK_INT(c.source[i], want);
    }
    CHECK_STR(cfg_source_name(CFG_SRC_ENV), "env");
    /* a bad environment value names the variable */
    static const char *const env2[] = {"LIQA_CONNECTION_TIMEOUT_S", "soon", NULL, NULL};
    fake_env = env2;
    CHECK_INT(cfg_load_env(&c, fake_getenv, err, sizeof(err)), -1);
    CHECK(contains(err, "LIQA_CONNECTION_TIMEOUT_S: invalid value 'soon'"));
    /* env paths are not resolved against the file's folder */
    static const char *const env3[] = {"LIQA_LEXICON_DIR", "rel/lex", NULL, NULL};
    fake_env = env3;
    CHECK_INT(cfg_load_env(&c, fake_getenv, err, sizeof(err)), 0);
    CHECK_STR(c.lexicon_dir, "rel/lex");
    /* a bad flag names the flag; an unknown --set key too */
    CHECK_INT(cfg_set(&c, "port", "x", CFG_SRC_FLAG, "--port", NULL, err, sizeof(err)), -1);
    CHECK(contains(err, "--port: invalid value 'x' for 'port'"));
    CHECK_INT(cfg_set(&c, "prot", "1", CFG_SRC_FLAG, "--set prot", NULL, err, sizeof(err)), -1);
    CHECK(contains(err, "--set prot: unknown key 'prot'"));
    cfg_free(&c);
}

int
main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/liqa-cfg-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (NULL == mkdtemp(dir)) {
        perror("mkdtemp");
        return TEST_SETUP_FAILURE;
    }
    test_defaults();
    test_file_format();
    test_file_errors();
    test_file_not_text();
    test_finish_errors();
    test_env_and_precedence();
    const char *names[] = {"t.conf", "k.keys", "bad.keys"};
    for (size_t i = 0; i < 3; i++) {
        char p[512];
        snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return test_done();
}

/* end of test_config.c */
