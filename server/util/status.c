#include "liqa/status.h"

const char *
lq_status_str(int status)
{
    switch (status) {
    case LQ_OK: return "ok";
    case LQ_ERR_NOMEM: return "out_of_memory";
    case LQ_ERR_UTF8: return "invalid_utf8";
    case LQ_ERR_INVALID: return "invalid_request";
    case LQ_ERR_TOO_LARGE: return "too_large";
    case LQ_ERR_IO: return "io_error";
    case LQ_ERR_FORMAT: return "bad_format";
    case LQ_ERR_ICU: return "icu_error";
    case LQ_ERR_INTERNAL: return "internal_error";
    default: return "unknown_error";
    }
}

/* end of status.c */
