/* JSON log lines on stderr (see log.h). */
#include "log.h"

#include "app.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void
now_rfc3339(char *buf, size_t len)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, len - n, ".%03ldZ", ts.tv_nsec / 1000000L);
}

static void
write_all(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w < 0) {
            if (EINTR == errno)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

void
log_event_steal(const char *level, const char *event, json_t *fields)
{
    char ts[40];
    now_rfc3339(ts, sizeof(ts));
    json_t *line = json_pack("{s:s, s:s, s:s}", "time", ts, "level", level, "event", event);
    if (NULL != line && NULL != fields)
        json_object_update(line, fields);
    json_decref(fields);
    char *s = line ? json_dumps(line, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(line);
    if (NULL == s) {
        static const char oom[] = "{\"level\":\"error\",\"event\":\"log\",\"message\":\"out of memory\"}\n";
        write_all(oom, sizeof(oom) - 1);
        return;
    }
    size_t n = strlen(s);
    char *withnl = realloc(s, n + 2);
    if (NULL == withnl) {
        write_all(s, n);
        write_all("\n", 1);
        free(s);
        return;
    }
    withnl[n] = '\n';
    write_all(withnl, n + 1);
    free(withnl);
}

void
log_message(const char *level, const char *event, const char *fmt, ...)
{
    char raw[1024], msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof(raw), fmt, ap);
    va_end(ap);
    /* messages may quote what a client sent: keep the line valid JSON */
    app_utf8_copy(msg, sizeof(msg), raw, strnlen(raw, sizeof(raw) - 1));
    log_event_steal(level, event, json_pack("{s:s}", "message", msg));
}

/* end of log.c */
