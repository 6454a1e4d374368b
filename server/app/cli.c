/* Command line: option parsing, configuration assembly and the extract,
 * config and healthcheck subcommands (serve is in serve.c). */
#include "cli.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "liqa-config.h"
#include "liqa/pipeline.h"
#include "liqa/status.h"

void
cli_usage(FILE *f)
{
    fputs("usage: liqa COMMAND [OPTIONS]\n"
          "\n"
          "Arabic news in, entities and meetings out, as JSON.\n"
          "\n"
          "Commands:\n"
          "  serve [--config FILE] [--listen ADDR] [--port N] [--threads N] [--set KEY=VALUE]...\n"
          "        Run the HTTP service (POST /v1/extract, GET /healthz, /readyz, /version,\n"
          "        /openapi.json, /metrics) until SIGTERM or SIGINT. --port 0 picks a free\n"
          "        port; the bound port is in the 'listening' log line on stderr.\n"
          "  extract [--config FILE] [--published DATE] [--offsets codepoint|utf16|utf8]\n"
          "          [--id ID] [--set KEY=VALUE]... [FILE|-]\n"
          "        Print the JSON that POST /v1/extract returns for the text in FILE\n"
          "        (default: standard input).\n"
          "  config [same options as serve]\n"
          "        Print the effective configuration, with where each value came from.\n"
          "  healthcheck [same options as serve]\n"
          "        GET /healthz of the server the configuration describes; exit 0 on 200.\n"
          "  help, --help, -h     This text.   version, --version, -V   The version.\n"
          "\n"
          "Configuration: compiled defaults < the file < LIQA_<KEY> environment variables\n"
          "< flags (--listen, --port, --threads, --set KEY=VALUE). The file is --config\n"
          "FILE, else $LIQA_CONFIG, else ./config/liqa.conf when present; every key is\n"
          "described in config/liqa.conf. Example: LIQA_MAX_BODY_BYTES=2MiB liqa serve.\n"
          "\n"
          "Exit codes:\n"
          "  0  success\n"
          "  1  runtime error (input unreadable, port in use, server not healthy)\n"
          "  2  usage or configuration error\n"
          "  3  lexicons or model failed to load\n"
          "  4  bad input for extract (invalid UTF-8, text too long, ...): the API's JSON\n"
          "     error is printed on standard output\n",
          f);
}

/* ---- options ---------------------------------------------------------- */

enum opt_id {
    O_HELP = 1,
    O_CONFIG,
    O_LISTEN,
    O_PORT,
    O_THREADS,
    O_SET,
    O_PUBLISHED,
    O_OFFSETS,
    O_ID,
};

struct opt {
    const char *name;
    char short_name;
    int id;
};

static const struct opt serve_opts[] = {
    {"help", 'h', O_HELP},       {"config", 'c', O_CONFIG}, {"listen", 'l', O_LISTEN},
    {"port", 'p', O_PORT},       {"threads", 't', O_THREADS}, {"set", 's', O_SET},
    {NULL, 0, 0},
};

static const struct opt extract_opts[] = {
    {"help", 'h', O_HELP},         {"config", 'c', O_CONFIG}, {"set", 's', O_SET},
    {"published", 0, O_PUBLISHED}, {"offsets", 0, O_OFFSETS}, {"id", 0, O_ID},
    {NULL, 0, 0},
};

/* A flag that sets a configuration key, applied after the environment. */
struct flag {
    const char *key;
    const char *value;
    char origin[48];
};

#define MAX_FLAGS 64

struct args {
    const char *cmd;
    const char *config;
    const char *published, *offsets, *id;
    const char *input;
    int help;
    struct flag flags[MAX_FLAGS];
    size_t nflags;
    char setbuf[MAX_FLAGS][256]; /* key part of --set KEY=VALUE */
};

static int
usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "liqa %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'liqa --help'.\n");
    return APP_EXIT_USAGE;
}

static int
add_flag(struct args *a, const char *key, const char *value, const char *origin)
{
    if (a->nflags >= MAX_FLAGS)
        return usage_error(a->cmd, "too many options");
    struct flag *f = &a->flags[a->nflags++];
    f->key = key;
    f->value = value;
    snprintf(f->origin, sizeof(f->origin), "%s", origin);
    return 0;
}

/* Parse argv[1..]: --name VALUE, --name=VALUE, -x VALUE, positionals. */
static int
parse_args(int argc, char **argv, const struct opt *opts, int positionals, struct args *a)
{
    memset(a, 0, sizeof(*a));
    a->cmd = argv[0];
    int npos = 0, only_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_pos || '-' != arg[0] || 0 == strcmp(arg, "-")) {
            if (npos >= positionals)
                return usage_error(a->cmd, "unexpected argument '%s'", arg);
            a->input = arg;
            npos++;
            continue;
        }
        if (0 == strcmp(arg, "--")) {
            only_pos = 1;
            continue;
        }
        const struct opt *o = NULL;
        const char *value = NULL;
        char name[64];
        if ('-' == arg[1]) {
            const char *eq = strchr(arg + 2, '=');
            size_t n = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
            if (n >= sizeof(name))
                return usage_error(a->cmd, "unknown option '%s'", arg);
            memcpy(name, arg + 2, n);
            name[n] = '\0';
            for (const struct opt *p = opts; p->name; p++)
                if (0 == strcmp(p->name, name))
                    o = p;
            if (eq)
                value = eq + 1;
        } else {
            if ('\0' == arg[1] || '\0' != arg[2])
                return usage_error(a->cmd, "unknown option '%s'", arg);
            for (const struct opt *p = opts; p->name; p++)
                if (p->short_name == arg[1])
                    o = p;
        }
        if (NULL == o)
            return usage_error(a->cmd, "unknown option '%s'", arg);
        if (O_HELP == o->id) {
            if (value)
                return usage_error(a->cmd, "--help takes no value");
            a->help = 1;
            continue;
        }
        if (NULL == value) {
            if (i + 1 >= argc)
                return usage_error(a->cmd, "option '%s' needs a value", arg);
            value = argv[++i];
        }
        char origin[48];
        snprintf(origin, sizeof(origin), "--%s", o->name);
        int rc = 0;
        switch (o->id) {
        case O_CONFIG: a->config = value; break;
        case O_PUBLISHED: a->published = value; break;
        case O_OFFSETS: a->offsets = value; break;
        case O_ID: a->id = value; break;
        case O_LISTEN: rc = add_flag(a, "listen", value, origin); break;
        case O_PORT: rc = add_flag(a, "port", value, origin); break;
        case O_THREADS: rc = add_flag(a, "threads", value, origin); break;
        case O_SET: {
            const char *eq = strchr(value, '=');
            size_t n = eq ? (size_t)(eq - value) : 0;
            if (NULL == eq || 0 == n || n >= sizeof(a->setbuf[0]))
                return usage_error(a->cmd, "--set needs KEY=VALUE, not '%s'", value);
            if (a->nflags >= MAX_FLAGS)
                return usage_error(a->cmd, "too many options");
            char *key = a->setbuf[a->nflags];
            memcpy(key, value, n);
            key[n] = '\0';
            snprintf(origin, sizeof(origin), "--set %.30s", key);
            rc = add_flag(a, key, eq + 1, origin);
            break;
        }
        default: break;
        }
        if (rc)
            return rc;
    }
    return 0;
}

static int
file_exists(const char *path)
{
    struct stat st;
    return 0 == stat(path, &st) && S_ISREG(st.st_mode);
}

static const char *
sys_getenv(const char *name)
{
    return getenv(name);
}

/* defaults < file < environment < flags, then cfg_finish(). */
static int
build_config(const struct args *a, struct cfg *cfg)
{
    char err[1024];
    if (0 != cfg_init(cfg)) {
        fprintf(stderr, "liqa: out of memory\n");
        return APP_EXIT_RUNTIME;
    }
    const char *path = a->config;
    if (NULL == path) {
        const char *env = getenv("LIQA_CONFIG");
        if (env && env[0])
            path = env;
        else if (file_exists("config/liqa.conf"))
            path = "config/liqa.conf";
    }
    if (path && 0 != cfg_load_file(cfg, path, err, sizeof(err)))
        goto fail;
    if (0 != cfg_load_env(cfg, sys_getenv, err, sizeof(err)))
        goto fail;
    for (size_t i = 0; i < a->nflags; i++)
        if (0 != cfg_set(cfg, a->flags[i].key, a->flags[i].value, CFG_SRC_FLAG,
                         a->flags[i].origin, NULL, err, sizeof(err)))
            goto fail;
    if (0 != cfg_finish(cfg, err, sizeof(err)))
        goto fail;
    return 0;
fail:
    fprintf(stderr, "liqa: %s\n", err);
    cfg_free(cfg);
    return APP_EXIT_USAGE;
}

/*
 * The prologue of the commands that take serve's options (serve, config,
 * healthcheck): parse them and build the configuration. With --help the
 * usage is printed, *help set and nothing built.
 * @return APP_EXIT_OK, or the exit code of a usage or configuration error;
 *         on APP_EXIT_OK without help the caller owns @p cfg (cfg_free)
 */
static int
serve_config(int argc, char **argv, struct cfg *cfg, int *help)
{
    struct args a;
    int rc = parse_args(argc, argv, serve_opts, 0, &a);
    if (rc)
        return rc;
    if (a.help) {
        cli_usage(stdout);
        *help = 1;
        return APP_EXIT_OK;
    }
    return build_config(&a, cfg);
}

int
cli_serve(int argc, char **argv)
{
    struct cfg cfg;
    int help = 0;
    int rc = serve_config(argc, argv, &cfg, &help);
    if (rc || help)
        return rc;
    rc = app_serve(&cfg);
    cfg_free(&cfg);
    return rc;
}

int
cli_config(int argc, char **argv)
{
    struct cfg cfg;
    int help = 0;
    int rc = serve_config(argc, argv, &cfg, &help);
    if (rc || help)
        return rc;
    json_t *settings = json_object();
    json_t *root = json_pack("{s:s?, s:o}", "config_file", cfg.config_file, "settings", settings);
    for (size_t i = 0; root && i < cfg_key_count(); i++) {
        char buf[1024];
        enum cfg_kind kind;
        const char *v = cfg_key_value(&cfg, i, buf, sizeof(buf), &kind);
        json_t *jv = CFG_KIND_NUMBER == kind ? json_integer(strtoll(v, NULL, 10))
                     : CFG_KIND_BOOL == kind ? json_boolean(0 == strcmp(v, "true"))
                                             : json_string(v);
        json_object_set_new(settings, cfg_key_name(i),
                            json_pack("{s:o, s:s}", "value", jv, "source",
                                      cfg_source_name(cfg.source[i])));
    }
    char *s = root ? json_dumps(root, JSON_INDENT(2)) : NULL;
    json_decref(root);
    cfg_free(&cfg);
    if (NULL == s) {
        fprintf(stderr, "liqa config: out of memory\n");
        return APP_EXIT_RUNTIME;
    }
    printf("%s\n", s);
    free(s);
    return APP_EXIT_OK;
}

/* ---- extract ---------------------------------------------------------- */

/* Read all of @p f, at most @p max bytes; -2 when over. */
static int
read_all(FILE *f, size_t max, char **out, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (NULL == buf)
        return -1;
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(buf);
                return -2;
            }
            char *grown = realloc(buf, cap * 2);
            if (NULL == grown) {
                free(buf);
                return -1;
            }
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                free(buf);
                return -1;
            }
            break;
        }
        if (n > max) {
            free(buf);
            return -2;
        }
    }
    *out = buf;
    *len = n;
    return 0;
}

/* Print an API error body on stdout; 4 for the client's errors, 1 for ours. */
static int
print_error(const struct app_error *e)
{
    size_t len = 0;
    char *body = app_error_body(e, NULL, &len);
    if (body) {
        fwrite(body, 1, len, stdout);
        free(body);
    }
    fflush(stdout);
    return e->http >= 500 ? APP_EXIT_RUNTIME : APP_EXIT_INPUT;
}

int
cli_extract(int argc, char **argv)
{
    struct args a;
    int rc = parse_args(argc, argv, extract_opts, 1, &a);
    if (rc)
        return rc;
    if (a.help) {
        cli_usage(stdout);
        return APP_EXIT_OK;
    }
    /* The flags' values are checked before anything is read or loaded. */
    struct lq_request req;
    struct lq_error lerr;
    memset(&lerr, 0, sizeof(lerr));
    if (LQ_OK != lq_request_init(&req, "", 0, a.id, a.published, a.offsets, &lerr)) {
        fprintf(stderr, "liqa extract: --%s\nTry 'liqa --help'.\n", lerr.message);
        return APP_EXIT_USAGE;
    }
    struct cfg cfg;
    rc = build_config(&a, &cfg);
    if (rc)
        return rc;

    const char *name = a.input && 0 != strcmp(a.input, "-") ? a.input : NULL;
    FILE *f = name ? fopen(name, "rb") : stdin;
    char *text = NULL;
    size_t len = 0;
    struct lq_pipeline *p = NULL;
    struct lq_worker *w = NULL;
    struct app_error e;
    if (NULL == f) {
        fprintf(stderr, "liqa extract: %s: %s\n", name, strerror(errno));
        rc = APP_EXIT_RUNTIME;
        goto done;
    }
    int r = read_all(f, cfg.max_body_bytes, &text, &len);
    if (name)
        fclose(f);
    if (-2 == r) {
        app_error_set(&e, 413, "payload_too_large", "input over the limit of %zu bytes",
                      cfg.max_body_bytes);
        rc = print_error(&e);
        goto done;
    }
    if (0 != r) {
        fprintf(stderr, "liqa extract: %s: %s\n", name ? name : "standard input",
                errno ? strerror(errno) : "read error");
        rc = APP_EXIT_RUNTIME;
        goto done;
    }
    if (0 != app_check_utf8(text, len, &e)) {
        rc = print_error(&e);
        goto done;
    }
    if (LQ_OK != lq_request_init(&req, text, len, a.id, a.published, a.offsets, &lerr)) {
        app_error_from_lq(&e, &lerr);
        rc = print_error(&e);
        goto done;
    }
    char err[512] = "";
    int lrc = app_pipeline_load(&cfg, &p, err, sizeof(err));
    if (LQ_OK != lrc) {
        fprintf(stderr, "liqa extract: cannot load resources: %s\n", err);
        rc = APP_EXIT_RESOURCES;
        goto done;
    }
    w = lq_worker_new(p);
    if (NULL == w) {
        fprintf(stderr, "liqa extract: out of memory\n");
        rc = APP_EXIT_RUNTIME;
        goto done;
    }
    char *out = NULL;
    size_t outlen = 0;
    if (0 != app_extract(w, &cfg, &req, &out, &outlen, &e)) {
        rc = print_error(&e);
        goto done;
    }
    size_t wrote = fwrite(out, 1, outlen, stdout);
    free(out);
    rc = wrote == outlen && 0 == fflush(stdout) ? APP_EXIT_OK : APP_EXIT_RUNTIME;
    if (rc)
        fprintf(stderr, "liqa extract: cannot write the result: %s\n", strerror(errno));
done:
    lq_worker_free(w);
    lq_pipeline_free(p);
    free(text);
    cfg_free(&cfg);
    return rc;
}

/* ---- healthcheck ------------------------------------------------------ */

int
cli_healthcheck(int argc, char **argv)
{
    struct cfg cfg;
    int help = 0;
    int rc = serve_config(argc, argv, &cfg, &help);
    if (rc || help)
        return rc;
    rc = APP_EXIT_RUNTIME;
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof(ss));
    struct sockaddr_in *v4 = (struct sockaddr_in *)(void *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)(void *)&ss;
    socklen_t sl = 0;
    const char *host = cfg.listen;
    /* a wildcard address is reached through loopback */
    if (0 == strcmp(host, "0.0.0.0") || 0 == strcmp(host, "localhost"))
        host = "127.0.0.1";
    else if (0 == strcmp(host, "::"))
        host = "::1";
    if (1 == inet_pton(AF_INET, host, &v4->sin_addr)) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)cfg.port);
        sl = sizeof(*v4);
    } else if (1 == inet_pton(AF_INET6, host, &v6->sin6_addr)) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)cfg.port);
        sl = sizeof(*v6);
    }
    int fd = -1;
    if (0 == cfg.port || 0 == sl) {
        fprintf(stderr, "liqa healthcheck: needs a fixed address and port\n");
        rc = APP_EXIT_USAGE;
        goto done;
    }
    fd = socket(ss.ss_family, SOCK_STREAM, 0);
    struct timeval tv = {3, 0};
    if (fd < 0 || 0 != setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
        0 != setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) ||
        0 != connect(fd, (struct sockaddr *)(void *)&ss, sl)) {
        fprintf(stderr, "liqa healthcheck: %s port %u: %s\n", host, cfg.port, strerror(errno));
        goto done;
    }
    static const char req[] = "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n";
    char buf[64] = "";
    ssize_t n = 0;
    if (send(fd, req, sizeof(req) - 1, MSG_NOSIGNAL) == (ssize_t)(sizeof(req) - 1))
        n = recv(fd, buf, sizeof(buf) - 1, 0);
    if (n > 0) {
        buf[n] = '\0';
        if (0 == strncmp(buf, "HTTP/1.", 7) && 0 == strncmp(buf + 8, " 200", 4))
            rc = APP_EXIT_OK;
    }
    if (rc)
        fprintf(stderr, "liqa healthcheck: %s port %u: not healthy\n", host, cfg.port);
done:
    if (fd >= 0)
        close(fd);
    cfg_free(&cfg);
    return rc;
}

/* end of cli.c */
