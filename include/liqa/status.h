/**
 * @file status.h
 * @brief Status codes shared by every module of the pipeline.
 *
 * Functions that can fail return LQ_OK (0) or one of the negative codes
 * below; results come back through out-parameters. lq_status_str() gives a
 * stable lower-case name for logs and JSON error codes.
 */
#pragma once

enum lq_status {
    LQ_OK = 0,
    LQ_ERR_NOMEM = -1,     /**< allocation failed or arena limit reached */
    LQ_ERR_UTF8 = -2,      /**< input is not valid UTF-8 */
    LQ_ERR_INVALID = -3,   /**< well-formed input that breaks the contract */
    LQ_ERR_TOO_LARGE = -4, /**< input over a configured limit */
    LQ_ERR_IO = -5,        /**< a file could not be opened or read */
    LQ_ERR_FORMAT = -6,    /**< a file is corrupt or of the wrong format */
    LQ_ERR_ICU = -7,       /**< an ICU call failed */
    LQ_ERR_INTERNAL = -8,  /**< an invariant broke; a bug */
};

/** Stable name of a status ("ok", "out_of_memory", ...); never NULL. */
const char *
lq_status_str(int status);

/* end of status.h */
