/**
 * @file log.h
 * @brief JSON log lines on stderr, one object a line:
 *        {"time": "2024-05-01T12:00:00.123Z", "level": "info", "event": "...", ...}.
 *
 * Prefix log_. Lines are written with one write() each, so lines of
 * different threads never interleave.
 */
#pragma once

#include <jansson.h>

/**
 * Write one line.
 * @param level   "info", "warn" or "error"
 * @param event   what happened ("listening", "request", "shutdown", ...)
 * @param fields  more members, or NULL; stolen (the function takes the
 *                reference)
 */
void
log_event_steal(const char *level, const char *event, json_t *fields);

/** Write {"level": level, "event": event, "message": msg} (printf format). */
void
log_message(const char *level, const char *event, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* end of log.h */
