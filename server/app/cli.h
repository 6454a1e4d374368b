/**
 * @file cli.h
 * @brief The subcommands of the `liqa` executable. Each takes the argument
 *        vector after `liqa` (argv[0] is the subcommand's name) and returns
 *        an exit code of enum app_exit (app.h).
 */
#pragma once

#include <stdio.h>

#include "app.h"
#include "config.h"

/** `liqa serve [--config FILE] [--listen ADDR] [--port N] ...` */
int
cli_serve(int argc, char **argv);

/** `liqa extract [--published DATE] [--offsets UNIT] [--id ID] [FILE|-]` */
int
cli_extract(int argc, char **argv);

/** `liqa config ...`: print the effective configuration as JSON. */
int
cli_config(int argc, char **argv);

/** `liqa healthcheck ...`: GET /healthz of a running server; 0 when 200. */
int
cli_healthcheck(int argc, char **argv);

/** The top-level help text on @p f. */
void
cli_usage(FILE *f);

/** Run the server with a finished configuration (serve.c). */
int
app_serve(const struct cfg *cfg);

/* end of cli.h */
