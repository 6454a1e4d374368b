/* liqa: the executable's entry point; dispatches to the subcommands.
 *
 * Exit codes (also in `liqa --help` and app.h): 0 ok; 1 runtime error;
 * 2 usage or configuration error; 3 lexicons/model failed to load; 4 bad
 * input for `liqa extract` (JSON error on stdout). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "liqa-config.h"

int
main(int argc, char **argv)
{
    if (argc < 2) {
        cli_usage(stderr);
        return APP_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (0 == strcmp(cmd, "help") || 0 == strcmp(cmd, "--help") || 0 == strcmp(cmd, "-h")) {
        cli_usage(stdout);
        return APP_EXIT_OK;
    }
    if (0 == strcmp(cmd, "version") || 0 == strcmp(cmd, "--version") || 0 == strcmp(cmd, "-V")) {
        printf("liqa %s\n", LIQA_VERSION);
        return APP_EXIT_OK;
    }
    if (0 == strcmp(cmd, "serve"))
        return cli_serve(argc - 1, argv + 1);
    if (0 == strcmp(cmd, "extract"))
        return cli_extract(argc - 1, argv + 1);
    if (0 == strcmp(cmd, "config"))
        return cli_config(argc - 1, argv + 1);
    if (0 == strcmp(cmd, "healthcheck"))
        return cli_healthcheck(argc - 1, argv + 1);
    fprintf(stderr, "liqa: unknown command '%s'\nTry 'liqa --help'.\n", cmd);
    return APP_EXIT_USAGE;
}

/* end of main.c */
