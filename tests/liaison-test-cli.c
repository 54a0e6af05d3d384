/* liaison-test-cli.c: running `liaison` headless (liaison-test-cli.h). */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "liaison-test-cli.h"

void
liaison_test_cli_result_clear (LiaisonTestCliResult *result)
{
  g_free (result->out);
  g_free (result->err);
}

void
liaison_test_run_liaison_argv (LiaisonTestCliResult *result,
                               const char           *language,
                               const char *const    *args)
{
  const char *bin = g_getenv ("LIAISON_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  if (language == NULL)
    {
      env = g_environ_unsetenv (env, "LANGUAGE");
      env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
    }
  else
    {
      g_autofree char *locale = g_strdup_printf ("%s.UTF-8", language);

      env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
      env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
      env = g_environ_setenv (env, "LANG", locale, TRUE);
    }
  /* Warnings would be part of what the user sees, so none are allowed. */
  env = g_environ_unsetenv (env, "G_DEBUG");

  liaison_test_cli_result_clear (result);
  memset (result, 0, sizeof *result);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

static void
run_liaison (LiaisonTestCliResult *result,
             const char           *language,
             const char           *first,
             va_list               args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  liaison_test_run_liaison_argv (result, language, (const char *const *) argv->pdata);
}

void
liaison_test_run_liaison (LiaisonTestCliResult *result,
                          const char           *first,
                          ...)
{
  va_list args;

  va_start (args, first);
  run_liaison (result, NULL, first, args);
  va_end (args);
}

void
liaison_test_run_liaison_in (LiaisonTestCliResult *result,
                             const char           *language,
                             const char           *first,
                             ...)
{
  va_list args;

  va_start (args, first);
  run_liaison (result, language, first, args);
  va_end (args);
}
