/* Configuration: defaults, file, environment and flags (see config.h). */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "liqa-config.h"

enum key_type {
    T_STR,  /* free text */
    T_PATH, /* text, resolved against the file's folder */
    T_UINT, /* unsigned, range [min, max] */
    T_SIZE, /* size_t with an optional KiB/MiB/GiB suffix, range [min, max] */
    T_BOOL,
};

struct key {
    const char *name;
    enum key_type type;
    size_t offset;
    unsigned long long min, max;
    int secret; /* mask in cfg_key_value() */
};

#define K(name, type, min, max) {#name, type, offsetof(struct cfg, name), min, max, 0}

static const struct key keys[] = {
    K(listen, T_STR, 0, 0),
    K(port, T_UINT, 0, 65535),
    K(threads, T_UINT, 0, 256),
    K(max_body_bytes, T_SIZE, 1024, (unsigned long long)1 << 30),
    K(max_text_chars, T_SIZE, 1, (unsigned long long)1 << 30),
    K(max_connections, T_UINT, 1, 100000),
    K(max_connections_per_ip, T_UINT, 0, 100000),
    K(connection_timeout_s, T_UINT, 0, 86400),
    K(request_timeout_s, T_UINT, 0, 86400),
    K(connection_memory_bytes, T_SIZE, 8192, (unsigned long long)16 << 20),
    K(max_json_depth, T_UINT, 1, 1000),
    K(max_in_flight, T_UINT, 0, 1000000),
    K(shutdown_grace_s, T_UINT, 0, 3600),
    K(cors_allowed_origins, T_STR, 0, 0),
    {"api_keys", T_STR, offsetof(struct cfg, api_keys), 0, 0, 1},
    K(api_keys_file, T_PATH, 0, 0),
    K(rate_limit_per_minute, T_UINT, 0, 1000000),
    K(rate_limit_burst, T_UINT, 0, 1000000),
    K(log_requests, T_BOOL, 0, 1),
    K(lexicon_dir, T_PATH, 0, 0),
    K(model_path, T_PATH, 0, 0),
    K(arena_limit_bytes, T_SIZE, 65536, (unsigned long long)64 << 30),
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

_Static_assert(NKEYS <= sizeof(((struct cfg *)0)->source) / sizeof(enum cfg_source),
               "struct cfg.source too small");

/* A key shorter than this is refused: keys are secrets, not passwords. */
#define MIN_API_KEY_LEN 16

size_t
cfg_key_count(void)
{
    return NKEYS;
}

const char *
cfg_key_name(size_t i)
{
    return i < NKEYS ? keys[i].name : NULL;
}

const char *
cfg_source_name(enum cfg_source s)
{
    switch (s) {
    case CFG_SRC_FILE: return "file";
    case CFG_SRC_ENV: return "env";
    case CFG_SRC_FLAG: return "flag";
    case CFG_SRC_DEFAULT:
    default: return "default";
    }
}

static char **
str_slot(struct cfg *c, const struct key *k)
{
    return (char **)(void *)((char *)c + k->offset);
}

static int
set_str(struct cfg *c, const struct key *k, const char *v)
{
    char *copy = strdup(v);
    if (NULL == copy)
        return -1;
    char **slot = str_slot(c, k);
    free(*slot);
    *slot = copy;
    return 0;
}

static int
is_dir(const char *path)
{
    struct stat st;
    return 0 == stat(path, &st) && S_ISDIR(st.st_mode);
}

static char *
join_path(const char *base, const char *rel)
{
    size_t bl = strlen(base), rl = strlen(rel);
    char *out = malloc(bl + rl + 2);
    if (NULL == out)
        return NULL;
    memcpy(out, base, bl);
    out[bl] = '/';
    memcpy(out + bl + 1, rel, rl + 1);
    return out;
}

int
cfg_init(struct cfg *c)
{
    memset(c, 0, sizeof(*c));
    c->port = 8080;
    c->threads = 0;
    c->max_body_bytes = 1048576;
    c->max_text_chars = 500000;
    c->max_connections = 512;
    c->max_connections_per_ip = 64;
    c->connection_timeout_s = 20;
    c->request_timeout_s = 30;
    c->connection_memory_bytes = 65536;
    c->max_json_depth = 32;
    c->max_in_flight = 128;
    c->shutdown_grace_s = 10;
    c->rate_limit_per_minute = 0;
    c->rate_limit_burst = 0;
    c->log_requests = 1;
    c->arena_limit_bytes = (size_t)256 << 20;

    /* A build tree run from anywhere finds the source's data; an installed
     * binary its datadir. */
    char *lex_src = join_path(LIQA_SOURCE_DIR, "config/lexicons");
    if (NULL == lex_src)
        goto fail;
    const char *root = is_dir(lex_src) ? LIQA_SOURCE_DIR : LIQA_DATADIR;
    free(lex_src);
    c->listen = strdup("127.0.0.1");
    c->cors_allowed_origins = strdup("");
    c->api_keys = strdup("");
    c->api_keys_file = strdup("");
    c->lexicon_dir = join_path(root, "config/lexicons");
    c->model_path = join_path(root, "model/ner.model");
    if (NULL == c->listen || NULL == c->cors_allowed_origins || NULL == c->api_keys ||
        NULL == c->api_keys_file || NULL == c->lexicon_dir || NULL == c->model_path)
        goto fail;
    return 0;
fail:
    cfg_free(c);
    return -1;
}

static void
free_list(char **list, size_t n)
{
    if (NULL == list)
        return;
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void
cfg_free(struct cfg *c)
{
    if (NULL == c)
        return;
    for (size_t i = 0; i < NKEYS; i++)
        if (T_STR == keys[i].type || T_PATH == keys[i].type) {
            char **slot = str_slot(c, &keys[i]);
            free(*slot);
            *slot = NULL;
        }
    free(c->config_file);
    free_list(c->keys, c->nkeys);
    free_list(c->origins, c->norigins);
    c->config_file = NULL;
    c->keys = c->origins = NULL;
    c->nkeys = c->norigins = 0;
}

static const struct key *
find_key(const char *name, size_t *idx)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (0 == strcmp(keys[i].name, name)) {
            *idx = i;
            return &keys[i];
        }
    return NULL;
}

/* Digits only, then an optional binary unit; no sign, no blanks. */
static int
parse_number(const char *v, int units, unsigned long long *out)
{
    if (!isdigit((unsigned char)v[0]))
        return -1;
    errno = 0;
    char *end = NULL;
    unsigned long long n = strtoull(v, &end, 10);
    if (ERANGE == errno)
        return -1;
    unsigned shift = 0;
    if ('\0' != *end) {
        if (!units)
            return -1;
        if (0 == strcmp(end, "KiB"))
            shift = 10;
        else if (0 == strcmp(end, "MiB"))
            shift = 20;
        else if (0 == strcmp(end, "GiB"))
            shift = 30;
        else
            return -1;
        if (n > (ULLONG_MAX >> shift))
            return -1;
        n <<= shift;
    }
    *out = n;
    return 0;
}

static int
parse_bool(const char *v, int *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (0 == strcasecmp(v, yes[i])) {
            *out = 1;
            return 0;
        }
        if (0 == strcasecmp(v, no[i])) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

static int
valid_listen(const char *v)
{
    unsigned char buf[sizeof(struct in6_addr)];
    if (0 == strcmp(v, "localhost"))
        return 1;
    return 1 == inet_pton(AF_INET, v, buf) || 1 == inet_pton(AF_INET6, v, buf);
}

int
cfg_set(struct cfg *c, const char *name, const char *value, enum cfg_source src,
        const char *origin, const char *base, char *err, size_t errlen)
{
    size_t idx = 0;
    const struct key *k = find_key(name, &idx);
    if (NULL == k) {
        snprintf(err, errlen, "%s: unknown key '%s'", origin, name);
        return -1;
    }
    unsigned long long n = 0;
    switch (k->type) {
    case T_UINT:
    case T_SIZE:
        if ('\0' == value[0]) {
            snprintf(err, errlen, "%s: empty value for '%s': expected a number", origin, name);
            return -1;
        }
        if (0 != parse_number(value, T_SIZE == k->type, &n) || n < k->min || n > k->max) {
            snprintf(err, errlen, "%s: invalid value '%s' for '%s': expected %s from %llu to %llu",
                     origin, value, name,
                     T_SIZE == k->type ? "a byte count (optionally with KiB, MiB or GiB)"
                                       : "an integer",
                     k->min, k->max);
            return -1;
        }
        if (T_UINT == k->type)
            *(unsigned *)(void *)((char *)c + k->offset) = (unsigned)n;
        else
            *(size_t *)(void *)((char *)c + k->offset) = (size_t)n;
        break;
    case T_BOOL: {
        int b = 0;
        if (0 != parse_bool(value, &b)) {
            snprintf(err, errlen, "%s: invalid value '%s' for '%s': expected true or false",
                     origin, value, name);
            return -1;
        }
        *(int *)(void *)((char *)c + k->offset) = b;
        break;
    }
    case T_STR:
        if (0 == strcmp(name, "listen") && !valid_listen(value)) {
            snprintf(err, errlen,
                     "%s: invalid value '%s' for 'listen': expected a numeric IPv4 or IPv6 "
                     "address or 'localhost'",
                     origin, value);
            return -1;
        }
        if (0 != set_str(c, k, value))
            goto nomem;
        break;
    case T_PATH:
        if ('\0' != value[0] && '/' != value[0] && NULL != base && 0 != strcmp(base, ".")) {
            char *p = join_path(base, value);
            if (NULL == p)
                goto nomem;
            char **slot = str_slot(c, k);
            free(*slot);
            *slot = p;
        } else if (0 != set_str(c, k, value)) {
            goto nomem;
        }
        break;
    }
    c->source[idx] = src;
    return 0;
nomem:
    snprintf(err, errlen, "%s: out of memory", origin);
    return -1;
}

static char *
trim(char *s)
{
    while (' ' == *s || '\t' == *s)
        s++;
    size_t n = strlen(s);
    while (n > 0 && (' ' == s[n - 1] || '\t' == s[n - 1] || '\r' == s[n - 1] || '\n' == s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Longest line accepted in a file: long enough for a list of API keys. */
#define MAX_LINE 8192

/* Offset of the first byte of s[0..n) that is not part of well-formed
 * UTF-8, or n when all of it is. */
static size_t
utf8_bad(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = 1;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = 0xE0 == c ? 0xA0 : 0x80;
            hi = 0xED == c ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = 0xF0 == c ? 0x90 : 0x80;
            hi = 0xF4 == c ? 0x8F : 0xBF;
        } else
            return i;
        if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k < len; k++)
            if (0x80 != (s[i + k] & 0xC0))
                return i;
        i += len;
    }
    return n;
}

int
cfg_load_file(struct cfg *c, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (NULL == f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    int rc = -1;
    char *base = NULL, *line = NULL;
    size_t cap = 0;
    unsigned first_line[NKEYS] = {0};
    const char *slash = strrchr(path, '/');
    if (NULL == slash)
        base = strdup(".");
    else if (slash == path)
        base = strdup("/");
    else
        base = strndup(path, (size_t)(slash - path));
    if (NULL == base) {
        snprintf(err, errlen, "%s: out of memory", path);
        goto done;
    }
    unsigned lineno = 0;
    ssize_t got;
    /* getline, not fgets: a NUL byte must not silently end a line */
    for (errno = 0; (got = getline(&line, &cap, f)) >= 0; errno = 0) {
        lineno++;
        size_t len = (size_t)got;
        if (len > MAX_LINE + 1 || (len == MAX_LINE + 1 && '\n' != line[len - 1])) {
            snprintf(err, errlen, "%s:%u: line longer than %d bytes", path, lineno, MAX_LINE);
            goto done;
        }
        const char *nul = memchr(line, '\0', len);
        if (NULL != nul) {
            snprintf(err, errlen, "%s:%u: NUL byte at column %zu: not a text file", path, lineno,
                     (size_t)(nul - line) + 1);
            goto done;
        }
        size_t bad = utf8_bad((const unsigned char *)line, len);
        if (bad < len) {
            snprintf(err, errlen, "%s:%u: invalid UTF-8 at column %zu (byte 0x%02X)", path,
                     lineno, bad + 1, (unsigned)(unsigned char)line[bad]);
            goto done;
        }
        if (1 == lineno && len >= 3 && 0 == memcmp(line, "\xEF\xBB\xBF", 3))
            memmove(line, line + 3, len - 2); /* a UTF-8 byte order mark */
        char *s = trim(line);
        if ('\0' == *s || '#' == *s || ';' == *s)
            continue;
        char origin[600];
        snprintf(origin, sizeof(origin), "%s:%u", path, lineno);
        if ('[' == *s) {
            snprintf(err, errlen, "%s: sections are not used; write 'key = value' lines only",
                     origin);
            goto done;
        }
        char *eq = strchr(s, '=');
        if (NULL == eq) {
            snprintf(err, errlen, "%s: expected 'key = value'", origin);
            goto done;
        }
        *eq = '\0';
        char *key = trim(s), *value = trim(eq + 1);
        if ('\0' == *key) {
            snprintf(err, errlen, "%s: missing key before '='", origin);
            goto done;
        }
        size_t vl = strlen(value);
        if (vl > 0 && '"' == value[0]) {
            if (vl < 2 || '"' != value[vl - 1]) {
                snprintf(err, errlen, "%s: unterminated quoted value", origin);
                goto done;
            }
            value[vl - 1] = '\0';
            value++;
        }
        size_t idx = 0;
        if (NULL != find_key(key, &idx)) {
            if (first_line[idx]) {
                snprintf(err, errlen, "%s: key '%s' already set on line %u", origin, key,
                         first_line[idx]);
                goto done;
            }
            first_line[idx] = lineno;
        }
        if (0 != cfg_set(c, key, value, CFG_SRC_FILE, origin, base, err, errlen))
            goto done;
    }
    if (ferror(f) || (got < 0 && ENOMEM == errno)) {
        snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
        goto done;
    }
    free(c->config_file);
    c->config_file = strdup(path);
    if (NULL == c->config_file) {
        snprintf(err, errlen, "%s: out of memory", path);
        goto done;
    }
    rc = 0;
done:
    free(line);
    free(base);
    fclose(f);
    return rc;
}

int
cfg_load_env(struct cfg *c, cfg_getenv_fn get, char *err, size_t errlen)
{
    for (size_t i = 0; i < NKEYS; i++) {
        char var[64] = "LIQA_";
        size_t n = 5;
        for (const char *p = keys[i].name; *p && n + 1 < sizeof(var); p++)
            var[n++] = (char)toupper((unsigned char)*p);
        var[n] = '\0';
        const char *v = get(var);
        if (NULL == v)
            continue;
        if (0 != cfg_set(c, keys[i].name, v, CFG_SRC_ENV, var, NULL, err, errlen))
            return -1;
    }
    return 0;
}

/* Split a comma list into trimmed, non-empty items. */
static int
split_list(const char *s, char ***out, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += ',' == *p;
    char **list = calloc(cap, sizeof(*list));
    char *copy = strdup(s);
    if (NULL == list || NULL == copy) {
        free(list);
        free(copy);
        return -1;
    }
    size_t k = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *t = trim(tok);
        if ('\0' == *t)
            continue;
        list[k] = strdup(t);
        if (NULL == list[k]) {
            free(copy);
            free_list(list, k);
            return -1;
        }
        k++;
    }
    free(copy);
    *out = list;
    *n = k;
    return 0;
}

static int
valid_key(const char *k)
{
    for (const unsigned char *p = (const unsigned char *)k; *p; p++)
        if (*p <= ' ' || *p >= 0x7f || ',' == *p || '"' == *p)
            return 0;
    return 1;
}

static int
add_key(struct cfg *c, const char *key, const char *where, char *err, size_t errlen)
{
    if (!valid_key(key)) {
        snprintf(err, errlen, "%s: an API key may hold printable ASCII only, no blanks, commas "
                              "or quotes", where);
        return -1;
    }
    if (strlen(key) < MIN_API_KEY_LEN) {
        snprintf(err, errlen, "%s: API key too short (%zu characters; at least %d)", where,
                 strlen(key), MIN_API_KEY_LEN);
        return -1;
    }
    char **grown = realloc(c->keys, (c->nkeys + 1) * sizeof(*grown));
    if (NULL == grown)
        goto nomem;
    c->keys = grown;
    c->keys[c->nkeys] = strdup(key);
    if (NULL == c->keys[c->nkeys])
        goto nomem;
    c->nkeys++;
    return 0;
nomem:
    snprintf(err, errlen, "%s: out of memory", where);
    return -1;
}

static int
read_keys_file(struct cfg *c, char *err, size_t errlen)
{
    FILE *f = fopen(c->api_keys_file, "r");
    if (NULL == f) {
        snprintf(err, errlen, "api_keys_file: %s: cannot open: %s", c->api_keys_file,
                 strerror(errno));
        return -1;
    }
    char line[1024];
    unsigned lineno = 0;
    int rc = 0;
    while (0 == rc && NULL != fgets(line, sizeof(line), f)) {
        lineno++;
        char *s = trim(line);
        if ('\0' == *s || '#' == *s)
            continue;
        char where[600];
        snprintf(where, sizeof(where), "%s:%u", c->api_keys_file, lineno);
        rc = add_key(c, s, where, err, errlen);
    }
    fclose(f);
    return rc;
}

static int
valid_origin(const char *o)
{
    if (0 == strcmp(o, "*"))
        return 1;
    const char *rest = NULL;
    if (0 == strncmp(o, "http://", 7))
        rest = o + 7;
    else if (0 == strncmp(o, "https://", 8))
        rest = o + 8;
    else
        return 0;
    if ('\0' == *rest)
        return 0;
    for (const unsigned char *p = (const unsigned char *)rest; *p; p++)
        if (*p <= ' ' || *p >= 0x7f || '/' == *p)
            return 0;
    return 1;
}

int
cfg_finish(struct cfg *c, char *err, size_t errlen)
{
    free_list(c->keys, c->nkeys);
    free_list(c->origins, c->norigins);
    c->keys = c->origins = NULL;
    c->nkeys = c->norigins = 0;
    c->cors_any = 0;

    if ('\0' == c->lexicon_dir[0]) {
        snprintf(err, errlen, "lexicon_dir: must not be empty");
        return -1;
    }
    char **list = NULL;
    size_t n = 0;
    if (0 != split_list(c->api_keys, &list, &n)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; 0 == rc && i < n; i++)
        rc = add_key(c, list[i], "api_keys", err, errlen);
    free_list(list, n);
    if (0 != rc)
        return -1;
    if ('\0' != c->api_keys_file[0] && 0 != read_keys_file(c, err, errlen))
        return -1;

    if (0 != split_list(c->cors_allowed_origins, &c->origins, &c->norigins)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < c->norigins; i++) {
        if (!valid_origin(c->origins[i])) {
            snprintf(err, errlen,
                     "cors_allowed_origins: invalid origin '%s': expected '*' or "
                     "scheme://host[:port] with scheme http or https and no path",
                     c->origins[i]);
            return -1;
        }
        if (0 == strcmp(c->origins[i], "*"))
            c->cors_any = 1;
    }
    if (c->max_connections_per_ip > c->max_connections) {
        snprintf(err, errlen, "max_connections_per_ip (%u) is larger than max_connections (%u)",
                 c->max_connections_per_ip, c->max_connections);
        return -1;
    }
    return 0;
}

const char *
cfg_key_value(const struct cfg *c, size_t i, char *buf, size_t buflen, enum cfg_kind *kind)
{
    enum cfg_kind kd = CFG_KIND_STRING;
    buf[0] = '\0';
    if (i < NKEYS) {
        const struct key *k = &keys[i];
        const char *base = (const char *)c + k->offset;
        switch (k->type) {
        case T_UINT:
            snprintf(buf, buflen, "%u", *(const unsigned *)(const void *)base);
            kd = CFG_KIND_NUMBER;
            break;
        case T_SIZE:
            snprintf(buf, buflen, "%zu", *(const size_t *)(const void *)base);
            kd = CFG_KIND_NUMBER;
            break;
        case T_BOOL:
            snprintf(buf, buflen, "%s", *(const int *)(const void *)base ? "true" : "false");
            kd = CFG_KIND_BOOL;
            break;
        case T_STR:
        case T_PATH: {
            const char *s = *(char *const *)(const void *)base;
            if (k->secret && s && s[0])
                snprintf(buf, buflen, "(set)");
            else
                snprintf(buf, buflen, "%s", s ? s : "");
            break;
        }
        }
    }
    if (kind)
        *kind = kd;
    return buf;
}

/* end of config.c */
