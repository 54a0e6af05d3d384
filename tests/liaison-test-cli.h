/* liaison-test-cli.h: running the `liaison` program's headless commands
 * as a user would, for the CLI tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status;
  char *out;
  char *err;
} LiaisonTestCliResult;

void liaison_test_cli_result_clear (LiaisonTestCliResult *result);

/* Runs $LIAISON_BIN with the arguments (NULL-terminated), in English, with
 * no display; @result (reused from one run to the next) gets the exit
 * status and both outputs. */
void liaison_test_run_liaison      (LiaisonTestCliResult *result,
                                    const char           *first,
                                    ...) G_GNUC_NULL_TERMINATED;
/* The same in @language, such as "zh_CN" (LANGUAGE, LANG and LC_ALL). */
void liaison_test_run_liaison_in   (LiaisonTestCliResult *result,
                                    const char           *language,
                                    const char           *first,
                                    ...) G_GNUC_NULL_TERMINATED;
/* The same with the arguments in @args, NULL-terminated; @language NULL
 * for English. */
void liaison_test_run_liaison_argv (LiaisonTestCliResult *result,
                                    const char           *language,
                                    const char *const    *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiaisonTestCliResult, liaison_test_cli_result_clear)

G_END_DECLS
