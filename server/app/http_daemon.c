/* The daemon: options, route table, access and completion callbacks. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "access.h"
#include "http.h"
#include "log.h"
#include "metrics.h"
#include "reply.h"

#define GET_METHODS (HTTP_M_GET | HTTP_M_HEAD | HTTP_M_OPTIONS)
#define GET_ALLOW "GET, HEAD, OPTIONS"

/* The route table. `.get` NULL means the POST handler of /v1/extract. */
static const struct route routes[] = {
    {.path = "/v1/extract", .methods = HTTP_M_POST | HTTP_M_OPTIONS, .allow = "POST, OPTIONS",
     .protected = 1, .get = NULL},
    {.path = "/healthz", .methods = GET_METHODS, .allow = GET_ALLOW, .get = handler_healthz},
    {.path = "/readyz", .methods = GET_METHODS, .allow = GET_ALLOW, .get = handler_readyz},
    {.path = "/version", .methods = GET_METHODS, .allow = GET_ALLOW, .get = handler_version},
    {.path = "/openapi.json", .methods = GET_METHODS, .allow = GET_ALLOW,
     .get = handler_openapi},
    {.path = "/metrics", .methods = GET_METHODS, .allow = GET_ALLOW, .get = handler_metrics},
};

#define NROUTES (sizeof(routes) / sizeof(routes[0]))

/* Request headers a browser may send cross-origin. */
#define CORS_ALLOW_HEADERS "Content-Type, Authorization, X-API-Key, X-Request-Id"

static uint64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- open connections -------------------------------------------------
 *
 * Every connection MHD opens gets a conn_entry (its socket context), kept
 * in a list under a mutex. MHD's idle timeout restarts with every byte, so a
 * client trickling a byte a second would hold a connection for ever; the
 * watchdog thread shuts down the socket of any connection that has not
 * delivered a complete request within request_timeout_s of being opened or
 * of its previous request's end. MHD calls NOTIFY_CLOSED (which takes the
 * mutex and unlinks the entry) before it closes the socket, so a socket the
 * watchdog touches under the mutex is still the connection's own.
 * The same list tells shutdown which connections still hold a request. */

struct conn_entry {
    struct conn_entry *prev, *next;
    int fd;
    atomic_ullong since_ns;    /* opened, or the previous request completed */
    atomic_int received;       /* the current request is in (or answered) */
    atomic_int busy;           /* a request line was seen, not completed */
    atomic_int timed_out;      /* shut down by the request deadline */
};

struct http_conns {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    struct conn_entry *head;
    int stop;
    int started;               /* the watchdog thread runs */
    pthread_t thread;
    uint64_t timeout_ns;       /* 0: no deadline */
};

static struct conn_entry *
conn_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

static void *
watchdog_main(void *arg)
{
    struct http_conns *hc = arg;
    pthread_mutex_lock(&hc->lock);
    while (!hc->stop) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 200 * 1000 * 1000;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&hc->wake, &hc->lock, &ts);
        if (hc->stop)
            break;
        uint64_t now = now_ns();
        unsigned cut = 0;
        for (struct conn_entry *e = hc->head; e; e = e->next) {
            if (atomic_load(&e->received) || atomic_load(&e->timed_out))
                continue;
            uint64_t since = atomic_load(&e->since_ns);
            if (now > since && now - since > hc->timeout_ns) {
                atomic_store(&e->timed_out, 1);
                shutdown(e->fd, SHUT_RDWR);
                cut++;
            }
        }
        if (cut) {
            pthread_mutex_unlock(&hc->lock);
            log_message("warn", "request_timeout",
                        "closed %u connection%s that did not send a complete request in %llu s",
                        cut, 1 == cut ? "" : "s",
                        (unsigned long long)(hc->timeout_ns / 1000000000u));
            pthread_mutex_lock(&hc->lock);
        }
    }
    pthread_mutex_unlock(&hc->lock);
    return NULL;
}

static struct http_conns *
conns_new(unsigned timeout_s)
{
    struct http_conns *hc = calloc(1, sizeof(*hc));
    if (NULL == hc)
        return NULL;
    if (0 != pthread_mutex_init(&hc->lock, NULL)) {
        free(hc);
        return NULL;
    }
    if (0 != pthread_cond_init(&hc->wake, NULL)) {
        pthread_mutex_destroy(&hc->lock);
        free(hc);
        return NULL;
    }
    hc->timeout_ns = (uint64_t)timeout_s * 1000000000u;
    return hc;
}

static int
conns_start_watchdog(struct http_conns *hc)
{
    if (0 == hc->timeout_ns)
        return 0;
    if (0 != pthread_create(&hc->thread, NULL, watchdog_main, hc))
        return -1;
    hc->started = 1;
    return 0;
}

static void
conns_stop_watchdog(struct http_conns *hc)
{
    if (NULL == hc || !hc->started)
        return;
    pthread_mutex_lock(&hc->lock);
    hc->stop = 1;
    pthread_cond_signal(&hc->wake);
    pthread_mutex_unlock(&hc->lock);
    pthread_join(hc->thread, NULL);
    hc->started = 0;
}

/* After MHD_stop_daemon: every entry has been unlinked by NOTIFY_CLOSED. */
static void
conns_free(struct http_conns *hc)
{
    if (NULL == hc)
        return;
    conns_stop_watchdog(hc);
    while (hc->head) {
        struct conn_entry *e = hc->head;
        hc->head = e->next;
        free(e);
    }
    pthread_cond_destroy(&hc->wake);
    pthread_mutex_destroy(&hc->lock);
    free(hc);
}

unsigned
http_pending(struct app *app)
{
    struct http_conns *hc = app->conns;
    unsigned n = 0;
    if (NULL == hc)
        return 0;
    pthread_mutex_lock(&hc->lock);
    for (struct conn_entry *e = hc->head; e; e = e->next) {
        int unread = 0;
        if (atomic_load(&e->busy) ||
            (0 == ioctl(e->fd, FIONREAD, &unread) && unread > 0 && !atomic_load(&e->timed_out)))
            n++;
    }
    pthread_mutex_unlock(&hc->lock);
    return n;
}

/* The request line has been parsed: a request is under way. */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls;
    (void)uri;
    struct conn_entry *e = conn_of(conn);
    if (e)
        atomic_store(&e->busy, 1);
    return NULL; /* the access callback sees *req_cls == NULL first */
}

void
http_add_header(struct http_req *r, const char *name, const char *value)
{
    if (r->nextra >= HTTP_MAX_EXTRA)
        return;
    r->extra_name[r->nextra] = name;
    snprintf(r->extra_value[r->nextra], sizeof(r->extra_value[0]), "%s", value);
    r->nextra++;
}

static unsigned
method_bit(const char *m)
{
    if (0 == strcmp(m, MHD_HTTP_METHOD_GET))
        return HTTP_M_GET;
    if (0 == strcmp(m, MHD_HTTP_METHOD_HEAD))
        return HTTP_M_HEAD;
    if (0 == strcmp(m, MHD_HTTP_METHOD_POST))
        return HTTP_M_POST;
    if (0 == strcmp(m, MHD_HTTP_METHOD_OPTIONS))
        return HTTP_M_OPTIONS;
    return 0;
}

/* A caller's request id is echoed when it is 1..64 characters of a safe set. */
static int
valid_request_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        unsigned char c = (unsigned char)s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              strchr("._:+/=-", c)))
            return 0;
        if (n >= 64)
            return 0;
    }
    return n > 0;
}

static void
new_request_id(char *out, size_t len)
{
    static atomic_ullong counter;
    unsigned char rnd[16];
    if (sizeof(rnd) != getrandom(rnd, sizeof(rnd), GRND_NONBLOCK)) {
        /* no entropy yet: time and a counter are unique enough for logs */
        unsigned long long c = atomic_fetch_add(&counter, 1);
        uint64_t t = now_ns();
        memcpy(rnd, &t, 8);
        memcpy(rnd + 8, &c, 8);
    }
    static const char hex[] = "0123456789abcdef";
    size_t k = 0;
    for (size_t i = 0; i < sizeof(rnd) && k + 2 < len; i++) {
        out[k++] = hex[rnd[i] >> 4];
        out[k++] = hex[rnd[i] & 15];
    }
    out[k] = '\0';
}

static void
client_address(struct MHD_Connection *c, char *out, size_t len)
{
    snprintf(out, len, "unknown");
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (NULL == ci || NULL == ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (AF_INET == sa->sa_family)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)len);
    else if (AF_INET6 == sa->sa_family)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)len);
}

static const char *
header(struct http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

/* The key of `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
static const char *
presented_key(struct http_req *r)
{
    const char *auth = header(r, MHD_HTTP_HEADER_AUTHORIZATION);
    if (auth && 0 == strncasecmp(auth, "Bearer ", 7)) {
        auth += 7;
        while (' ' == *auth)
            auth++;
        return auth;
    }
    return header(r, "X-API-Key");
}

/* Whether the request announces a body (Content-Length > 0 or chunked). */
static int
has_body(struct http_req *r)
{
    const char *cl = header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
    unsigned long long n = 0;
    if (cl && (0 != http_content_length(cl, &n) || n > 0))
        return 1;
    return NULL != header(r, MHD_HTTP_HEADER_TRANSFER_ENCODING);
}

static enum MHD_Result
preflight(struct http_req *r)
{
    http_add_header(r, MHD_HTTP_HEADER_ALLOW, r->route->allow);
    if (r->allow_origin && header(r, "Access-Control-Request-Method")) {
        http_add_header(r, "Access-Control-Allow-Methods", r->route->allow);
        http_add_header(r, "Access-Control-Allow-Headers", CORS_ALLOW_HEADERS);
        http_add_header(r, "Access-Control-Max-Age", "600");
    }
    return reply_static(r, MHD_HTTP_NO_CONTENT, NULL, "", 0);
}

static enum MHD_Result
rate_limited(struct http_req *r, unsigned retry)
{
    char v[16];
    snprintf(v, sizeof(v), "%u", retry);
    http_add_header(r, MHD_HTTP_HEADER_RETRY_AFTER, v);
    return reply_error(r, MHD_HTTP_TOO_MANY_REQUESTS, "rate_limited",
                       "more than %u requests a minute; retry in %u s",
                       r->app->cfg->rate_limit_per_minute, retry);
}

/* First call of a request: everything decided from the headers. */
static enum MHD_Result
dispatch(struct http_req *r, const char *url, const char *method)
{
    struct app *app = r->app;
    size_t i = 0;
    while (i < NROUTES && 0 != strcmp(routes[i].path, url))
        i++;
    r->route_index = i;
    r->allow_origin = acc_cors_origin(app->acc, header(r, "Origin"));
    if (NROUTES == i)
        return reply_error(r, MHD_HTTP_NOT_FOUND, "not_found", "no endpoint at %s", r->path);
    r->route = &routes[i];
    unsigned m = method_bit(method);
    if (0 == (m & r->route->methods)) {
        http_add_header(r, MHD_HTTP_HEADER_ALLOW, r->route->allow);
        return reply_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, "method_not_allowed",
                           "%s does not accept %s; allowed: %s", r->path, r->method,
                           r->route->allow);
    }
    if (HTTP_M_OPTIONS == m)
        return preflight(r);
    if (r->route->protected && acc_keys_enabled(app->acc)) {
        const char *key = presented_key(r);
        r->key_index = acc_check_key(app->acc, key);
        if (r->key_index < 0) {
            /* a wrong key costs a token of the client's address, so keys
             * cannot be guessed at full speed when the rate limit is on; no
             * key at all guesses nothing and costs nothing */
            unsigned retry = 0;
            if (key && key[0] && !acc_rate_take(app->acc, r->client, &retry))
                return rate_limited(r, retry);
            http_add_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"liqa\"");
            return reply_error(r, MHD_HTTP_UNAUTHORIZED, "unauthorized",
                               "a valid API key is required (Authorization: Bearer KEY or "
                               "X-API-Key: KEY)");
        }
    }
    if (r->route->protected) {
        char who[80];
        if (r->key_index >= 0)
            snprintf(who, sizeof(who), "key:%d", r->key_index);
        else
            snprintf(who, sizeof(who), "%s", r->client);
        unsigned retry = 0;
        if (!acc_rate_take(app->acc, who, &retry))
            return rate_limited(r, retry);
    }
    if (NULL != r->route->get)
        return r->route->get(r);
    return handler_extract_begin(r);
}

static enum MHD_Result
handle_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
               const char *upload_data, size_t *upload_data_size, void **req_cls)
{
    struct app *app = cls;
    struct http_req *r = *req_cls;
    if (NULL == r) {
        r = calloc(1, sizeof(*r));
        if (NULL == r) {
            /* answer without state: the completion callback sees NULL */
            struct http_req tmp;
            memset(&tmp, 0, sizeof(tmp));
            tmp.app = app;
            tmp.conn = conn;
            snprintf(tmp.request_id, sizeof(tmp.request_id), "-");
            return reply_error(&tmp, MHD_HTTP_INTERNAL_SERVER_ERROR, "out_of_memory",
                               "out of memory");
        }
        *req_cls = r;
        r->app = app;
        r->conn = conn;
        r->t0_ns = now_ns();
        r->key_index = -1;
        r->route_index = NROUTES;
        /* copies for messages and the log: valid UTF-8, never cut inside a
         * character (the route table matches the raw url) */
        app_utf8_copy(r->method, sizeof(r->method), method, strlen(method));
        app_utf8_copy(r->path, sizeof(r->path), url, strlen(url));
        const char *rid = header(r, "X-Request-Id");
        if (rid && valid_request_id(rid))
            snprintf(r->request_id, sizeof(r->request_id), "%s", rid);
        else
            new_request_id(r->request_id, sizeof(r->request_id));
        client_address(conn, r->client, sizeof(r->client));
        atomic_fetch_add(&app->in_flight, 1);
        /* POST /v1/extract is checked at once (an early 413/415 skips the
         * body). A request without a body waits for its final call, so its
         * reply keeps the connection alive; one with a body elsewhere is
         * answered now, and MHD closes the connection. */
        if ((0 == strcmp(url, "/v1/extract") && 0 == strcmp(method, MHD_HTTP_METHOD_POST)) ||
            has_body(r))
            return dispatch(r, url, method);
        r->deferred = 1;
        return MHD_YES;
    }
    if (r->deferred) {
        r->bytes_in += *upload_data_size;
        if (0 != *upload_data_size) {
            *upload_data_size = 0;
            return MHD_YES;
        }
        r->deferred = 0;
        return dispatch(r, url, method);
    }
    if (r->queued) {
        /* a reply went out on an earlier call; throw away any body */
        r->bytes_in += *upload_data_size;
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (0 != *upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        return handler_extract_data(r, upload_data, n);
    }
    return handler_extract_finish(r);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
           const char *version, const char *upload_data, size_t *upload_data_size,
           void **req_cls)
{
    (void)version;
    int final = NULL != *req_cls && 0 == *upload_data_size;
    enum MHD_Result ret =
        handle_request(cls, conn, url, method, upload_data, upload_data_size, req_cls);
    const struct http_req *r = *req_cls;
    /* the request is in, or its answer decided: the deadline is met */
    if (final || NULL == r || r->queued) {
        struct conn_entry *e = conn_of(conn);
        if (e)
            atomic_store(&e->received, 1);
    }
    return ret;
}

static const char *
termination_name(enum MHD_RequestTerminationCode toe)
{
    switch (toe) {
    case MHD_REQUEST_TERMINATED_COMPLETED_OK: return "ok";
    case MHD_REQUEST_TERMINATED_WITH_ERROR: return "error";
    case MHD_REQUEST_TERMINATED_TIMEOUT_REACHED: return "timeout";
    case MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN: return "shutdown";
    case MHD_REQUEST_TERMINATED_READ_ERROR: return "read_error";
    case MHD_REQUEST_TERMINATED_CLIENT_ABORT: return "client_abort";
    default: return "unknown";
    }
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
             enum MHD_RequestTerminationCode toe)
{
    struct app *app = cls;
    struct http_req *r = *req_cls;
    struct conn_entry *e = conn_of(conn);
    int timed_out = e && atomic_load(&e->timed_out);
    if (e) {
        /* keep-alive: the next request's deadline starts now */
        atomic_store(&e->since_ns, now_ns());
        atomic_store(&e->received, 0);
        atomic_store(&e->busy, 0);
    }
    if (NULL == r)
        return;
    *req_cls = NULL;
    double secs = (double)(now_ns() - r->t0_ns) / 1e9;
    unsigned status = r->queued ? r->status : 0;
    met_record(r->route_index, status, secs, r->bytes_in, r->queued ? r->bytes_out : 0);
    if (app->cfg->log_requests) {
        json_t *f = json_pack("{s:s, s:s, s:s, s:i, s:I, s:I, s:f, s:s}", "request_id",
                              r->request_id, "method", r->method, "path", r->path, "status",
                              (int)status, "bytes_in", (json_int_t)r->bytes_in, "bytes_out",
                              (json_int_t)(r->queued ? r->bytes_out : 0), "duration_ms",
                              secs * 1000.0, "client", r->client);
        if (f && r->error_code)
            json_object_set_new(f, "error", json_string(r->error_code));
        if (f && (timed_out || MHD_REQUEST_TERMINATED_COMPLETED_OK != toe))
            json_object_set_new(f, "termination", json_string(timed_out ? "request_timeout"
                                                                        : termination_name(toe)));
        if (NULL == f) /* out of memory: still say that a request ended */
            f = json_pack("{s:s, s:i}", "request_id", r->request_id, "status", (int)status);
        log_event_steal(status >= 500 || 0 == status ? "warn" : "info", "request", f);
    }
    if (r->counted_extract)
        atomic_fetch_sub(&app->extract_in_flight, 1);
    http_body_free(&r->body);
    free(r);
    atomic_fetch_sub(&app->in_flight, 1);
}

static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
              enum MHD_ConnectionNotificationCode toe)
{
    struct app *app = cls;
    struct http_conns *hc = app->conns;
    if (MHD_CONNECTION_NOTIFY_STARTED == toe) {
        atomic_fetch_add(&app->connections, 1);
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        struct conn_entry *e = ci ? calloc(1, sizeof(*e)) : NULL;
        *socket_context = e;
        if (NULL == e) /* no deadline for this one; MHD's idle timeout still applies */
            return;
        e->fd = ci->connect_fd;
        atomic_store(&e->since_ns, now_ns());
        pthread_mutex_lock(&hc->lock);
        e->next = hc->head;
        if (hc->head)
            hc->head->prev = e;
        hc->head = e;
        pthread_mutex_unlock(&hc->lock);
    } else if (MHD_CONNECTION_NOTIFY_CLOSED == toe) {
        atomic_fetch_sub(&app->connections, 1);
        struct conn_entry *e = *socket_context;
        *socket_context = NULL;
        if (NULL == e)
            return;
        pthread_mutex_lock(&hc->lock);
        if (e->prev)
            e->prev->next = e->next;
        else
            hc->head = e->next;
        if (e->next)
            e->next->prev = e->prev;
        pthread_mutex_unlock(&hc->lock);
        free(e);
    }
}

static void
on_mhd_log(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    size_t n = strlen(msg);
    while (n > 0 && ('\n' == msg[n - 1] || '\r' == msg[n - 1]))
        msg[--n] = '\0';
    log_message("warn", "mhd", "%s", msg);
}

int
http_start(struct app *app, char *err, size_t errlen)
{
    const struct cfg *cfg = app->cfg;
    static const char *names[NROUTES];
    for (size_t i = 0; i < NROUTES; i++)
        names[i] = routes[i].path;
    met_init(names, NROUTES);

    const char *host = 0 == strcmp(cfg->listen, "localhost") ? "127.0.0.1" : cfg->listen;
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof(ss));
    /* poll(), not epoll: with epoll (MHD 0.9.75, MHD_USE_AUTO) a burst of
     * connections (wrk -c128, -c256) sometimes leaves every connection
     * unserved, the threads asleep in epoll_wait with data in the sockets;
     * bench/liqa-echo reproduces it with and without --poll. Suspend and
     * resume hand POST /v1/extract to the extraction pool. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG |
                     MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME;
    struct sockaddr_in *v4 = (struct sockaddr_in *)(void *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)(void *)&ss;
    if (1 == inet_pton(AF_INET, host, &v4->sin_addr)) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)cfg->port);
    } else if (1 == inet_pton(AF_INET6, host, &v6->sin6_addr)) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)cfg->port);
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, errlen, "listen: '%s' is not a numeric address", cfg->listen);
        return -1;
    }
    unsigned threads = cfg->threads;
    if (0 == threads) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 ? (unsigned)n : 1;
    }
    /* one pipeline thread per configured thread, fed from one queue by
     * MHD; without the pool the MHD threads run the pipeline themselves */
    if (0 != handler_extract_pool_start(app, threads))
        log_message("warn", "startup", "no extraction pool: requests run on the HTTP threads");
    /* With the pool, one MHD thread does all the I/O (it never waits for
     * the pipeline); without it, one MHD thread per configured thread. */
    unsigned pool = app->pool ? 0 : threads > 1 ? threads : 0;
    struct MHD_OptionItem opts[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &ss},
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)cfg->max_connections, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)cfg->max_connections_per_ip, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)cfg->connection_timeout_s, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)cfg->connection_memory_bytes, NULL},
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)pool, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    app->conns = conns_new(cfg->request_timeout_s);
    if (NULL == app->conns) {
        handler_extract_pool_stop(app);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    errno = 0;
    app->daemon = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, app, MHD_OPTION_EXTERNAL_LOGGER,
        on_mhd_log, NULL, MHD_OPTION_ARRAY, opts, MHD_OPTION_NOTIFY_COMPLETED, on_completed,
        app, MHD_OPTION_NOTIFY_CONNECTION, on_connection, app, MHD_OPTION_URI_LOG_CALLBACK,
        on_uri, app, MHD_OPTION_END);
    if (NULL == app->daemon) {
        snprintf(err, errlen, "cannot listen on %s port %u%s%s", cfg->listen, cfg->port,
                 errno ? ": " : "", errno ? strerror(errno) : "");
        handler_extract_pool_stop(app);
        conns_free(app->conns);
        app->conns = NULL;
        return -1;
    }
    if (0 != conns_start_watchdog(app->conns)) {
        snprintf(err, errlen, "cannot start the request-deadline thread");
        http_stop(app);
        return -1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(app->daemon,
                                                           MHD_DAEMON_INFO_BIND_PORT);
    app->port = info ? info->port : (uint16_t)cfg->port;
    return 0;
}

unsigned
http_quiesce(struct app *app)
{
    unsigned adopted = 0;
    if (NULL == app->daemon)
        return 0;
    MHD_socket fd = MHD_quiesce_daemon(app->daemon);
    if (MHD_INVALID_SOCKET == fd)
        return 0;
    /* Clients whose connection the kernel completed while every thread was
     * busy may already have sent their request: closing the listening
     * socket would reset them. Hand them to MHD instead. */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0 && 0 == fcntl(fd, F_SETFL, fl | O_NONBLOCK)) {
        for (unsigned i = 0; i < 4096; i++) {
            struct sockaddr_storage ss;
            socklen_t sl = sizeof(ss);
            int c = accept(fd, (struct sockaddr *)(void *)&ss, &sl);
            if (c < 0) {
                if (EINTR == errno || ECONNABORTED == errno)
                    continue;
                break; /* EAGAIN: the queue is empty */
            }
            /* MHD takes the socket (and closes it on failure) */
            if (MHD_YES == MHD_add_connection(app->daemon, c, (struct sockaddr *)(void *)&ss, sl))
                adopted++;
        }
    }
    close(fd);
    return adopted;
}

void
http_stop(struct app *app)
{
    conns_stop_watchdog(app->conns);
    /* MHD must not be stopped with a connection suspended */
    handler_extract_pool_stop(app);
    if (NULL != app->daemon) {
        MHD_stop_daemon(app->daemon);
        app->daemon = NULL;
    }
    conns_free(app->conns);
    app->conns = NULL;
}

/* end of http_daemon.c */
