/**
 * @file config.h
 * @brief The service's configuration: compiled defaults, an INI-like file,
 *        LIQA_* environment variables and command-line flags, in rising
 *        precedence (flags > environment > file > defaults).
 *
 * Prefix cfg_. A struct cfg owns every string it holds; cfg_free() releases
 * them. After cfg_finish() it is read-only and may be shared by threads.
 *
 * File format: one `key = value` a line; lines whose first non-blank
 * character is `#` or `;` are comments; blank lines are ignored. A value may
 * be wrapped in double quotes (to keep leading or trailing blanks, or to say
 * "empty" explicitly). There are no sections and no inline comments (a `#`
 * inside a value belongs to the value). Relative paths in a file are
 * resolved against the folder of that file; relative paths from the
 * environment or flags against the working directory.
 */
#pragma once

#include <stddef.h>

/** Where a setting came from, for messages and `liqa config`. */
enum cfg_source {
    CFG_SRC_DEFAULT = 0,
    CFG_SRC_FILE,
    CFG_SRC_ENV,
    CFG_SRC_FLAG,
};

/** Every setting of the service. Strings are owned by the struct. */
struct cfg {
    /* [server] */
    char *listen;                    /**< numeric IPv4/IPv6 address or "localhost" */
    unsigned port;                   /**< 0: any free port */
    unsigned threads;                /**< 0: number of cores */
    /* [limits] */
    size_t max_body_bytes;           /**< request body bound (chunked too) */
    size_t max_text_chars;           /**< code points of `text` */
    unsigned max_connections;
    unsigned max_connections_per_ip; /**< 0: unlimited */
    unsigned connection_timeout_s;   /**< idle connections are closed after this; 0: never */
    unsigned request_timeout_s;      /**< a complete request must arrive within this
                                          (from connect or the previous reply); 0: no bound */
    size_t connection_memory_bytes;  /**< MHD buffer per connection (headers, upload chunks) */
    unsigned max_json_depth;         /**< nesting of arrays/objects in a JSON body */
    unsigned max_in_flight;          /**< extract requests at once before 503; 0: unlimited */
    unsigned shutdown_grace_s;       /**< how long SIGTERM waits for requests in flight */
    /* [access] */
    char *cors_allowed_origins;      /**< comma list; "" = no CORS; "*" = any */
    char *api_keys;                  /**< comma list; "" with no file = keys off */
    char *api_keys_file;             /**< one key a line; "" = none */
    unsigned rate_limit_per_minute;  /**< per client; 0: off */
    unsigned rate_limit_burst;       /**< bucket size; 0: = rate_limit_per_minute */
    /* [log] */
    int log_requests;                /**< one JSON line per request on stderr */
    /* [pipeline] */
    char *lexicon_dir;
    char *model_path;                /**< "" = rules and lexicons only */
    size_t arena_limit_bytes;        /**< per-request memory of the pipeline */

    /* Derived by cfg_finish(); owned. */
    char *config_file;               /**< the file read, or NULL */
    char **keys;                     /**< API keys from api_keys and api_keys_file */
    size_t nkeys;
    char **origins;                  /**< split cors_allowed_origins */
    size_t norigins;
    int cors_any;                    /**< "*" is in the list */

    enum cfg_source source[32];      /**< per key index of cfg_key_name() */
};

/** Callback that looks up an environment variable (getenv in production). */
typedef const char *(*cfg_getenv_fn)(const char *name);

/**
 * Fill @p c with the compiled defaults. Path defaults point into
 * LIQA_SOURCE_DIR when it holds config/lexicons, else into LIQA_DATADIR.
 * @return 0, or -1 when out of memory
 */
int
cfg_init(struct cfg *c);

/** Free every string of @p c; safe on a zeroed or half-filled struct. */
void
cfg_free(struct cfg *c);

/**
 * Read a configuration file.
 * @param err  receives "PATH:LINE: reason" (or "PATH: reason") on failure
 * @return 0, or -1 on any error (unreadable file, a NUL byte or invalid
 *         UTF-8, syntax, unknown key, bad value, key given twice)
 */
int
cfg_load_file(struct cfg *c, const char *path, char *err, size_t errlen);

/**
 * Apply every LIQA_<KEY> variable that @p get returns (LIQA_PORT, ...).
 * Unrelated LIQA_ variables (LIQA_CONFIG, LIQA_SOURCE_DIR, ...) are ignored.
 * @return 0, or -1 with "LIQA_PORT: reason" in @p err
 */
int
cfg_load_env(struct cfg *c, cfg_getenv_fn get, char *err, size_t errlen);

/**
 * Set one key from a string, as the file parser does.
 * @param origin  prefix for messages ("--port", "config/liqa.conf:3")
 * @param base    folder against which a relative path is resolved, or NULL
 * @return 0, or -1 with "ORIGIN: reason" in @p err (unknown key too)
 */
int
cfg_set(struct cfg *c, const char *key, const char *value, enum cfg_source src,
        const char *origin, const char *base, char *err, size_t errlen);

/**
 * Validate the combination, split lists and read api_keys_file.
 * @return 0, or -1 with the reason in @p err
 */
int
cfg_finish(struct cfg *c, char *err, size_t errlen);

/** Number of keys; names are cfg_key_name(0 .. cfg_key_count() - 1). */
size_t
cfg_key_count(void);

/** Name of key @p i, or NULL past the end. */
const char *
cfg_key_name(size_t i);

/** How cfg_key_value() text should be read. */
enum cfg_kind {
    CFG_KIND_STRING = 0,
    CFG_KIND_NUMBER,
    CFG_KIND_BOOL,
};

/**
 * The value of key @p i as text (secrets masked), written into @p buf.
 * @param kind  receives the value's type, may be NULL
 * @return @p buf
 */
const char *
cfg_key_value(const struct cfg *c, size_t i, char *buf, size_t buflen, enum cfg_kind *kind);

/** "default", "file", "env" or "flag". */
const char *
cfg_source_name(enum cfg_source s);

/* end of config.h */
