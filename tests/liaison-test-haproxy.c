/* liaison-test-haproxy.c: HAProxy in front of several liaison-hq, as
 * docs/scaling.md's sample says (liaison-test-haproxy.h). */
#define G_LOG_DOMAIN "liaison-test-haproxy"

#include "config.h"

#include <string.h>

#include "liaison-test-haproxy.h"

#define SAMPLE "The sample:"
#define FENCE "```"

/* @line's first word is @word. */
static gboolean
starts_with_word (const char *line,
                  const char *word)
{
  gsize length = strlen (word);

  return strncmp (line, word, length) == 0 && (line[length] == ' ' || line[length] == '\0');
}

/* The sample's lines, without the indent of its fence; NULL if none. */
static GPtrArray *
sample_lines (const char  *scaling_md,
              GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *sample = g_ptr_array_new_with_free_func (g_free);
  const char *start;
  gsize indent = 0;
  guint i = 0;

  if (!g_file_get_contents (scaling_md, &text, NULL, error))
    {
      g_ptr_array_unref (sample);
      return NULL;
    }
  start = strstr (text, SAMPLE);
  if (start != NULL)
    lines = g_strsplit (start, "\n", -1);
  /* The fence after "The sample:", then the lines up to the next. */
  while (lines != NULL && lines[i] != NULL && !g_str_has_prefix (lines[i] + strspn (lines[i], " "), FENCE))
    i++;
  if (lines != NULL && lines[i] != NULL)
    {
      indent = strspn (lines[i], " ");
      for (i++; lines[i] != NULL && !g_str_has_prefix (lines[i] + strspn (lines[i], " "), FENCE); i++)
        g_ptr_array_add (sample, g_strdup (lines[i] + MIN (indent, strspn (lines[i], " "))));
    }
  if (lines == NULL || lines[i] == NULL || sample->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s holds no sample HAProxy configuration"
                   " (a code block after \"%s\")", scaling_md, SAMPLE);
      g_ptr_array_unref (sample);
      return NULL;
    }
  return sample;
}

char *
liaison_test_haproxy_config (const char          *scaling_md,
                             guint                port,
                             const char * const  *servers,
                             const char          *inter,
                             GError             **error)
{
  g_autoptr(GPtrArray) sample = sample_lines (scaling_md, error);
  g_autoptr(GString) config = g_string_new (NULL);
  gboolean bound = FALSE, served = FALSE;

  if (sample == NULL)
    return NULL;
  for (guint i = 0; i < sample->len; i++)
    {
      const char *line = g_ptr_array_index (sample, i);
      gsize indent = strspn (line, " ");
      const char *words = line + indent;

      g_string_append_len (config, line, indent);
      if (starts_with_word (words, "bind"))
        {
          /* Loopback, plain HTTP: the tests have no certificate here. */
          g_string_append_printf (config, "bind 127.0.0.1:%u\n", port);
          bound = TRUE;
        }
      else if (starts_with_word (words, "server"))
        {
          /* "server NAME ADDRESS OPTIONS…": ours, with the first's options. */
          g_auto(GStrv) parts = g_strsplit (words, " ", 4);

          g_string_truncate (config, config->len - indent);
          if (served)
            continue;
          for (guint s = 0; servers[s] != NULL; s++)
            g_string_append_printf (config, "%.*sserver hq%u %s %s\n", (int) indent, line, s + 1, servers[s],
                                    g_strv_length (parts) == 4 ? parts[3] : "check");
          served = TRUE;
        }
      else if (inter != NULL && starts_with_word (words, "default-server"))
        {
          g_auto(GStrv) parts = g_strsplit (words, " ", -1);
          g_autofree char *joined = NULL;

          for (guint p = 0; parts[p] != NULL; p++)
            if (g_str_equal (parts[p], "inter") && parts[p + 1] != NULL)
              {
                g_free (parts[p + 1]);
                parts[p + 1] = g_strdup (inter);
              }
          joined = g_strjoinv (" ", parts);
          g_string_append_printf (config, "%s\n", joined);
        }
      else
        g_string_append_printf (config, "%s\n", words);
    }
  if (!bound || !served)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the sample HAProxy configuration of %s has no"
                   " \"bind\" or no \"server\" line", scaling_md);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&config), FALSE);
}

guint
liaison_test_free_port (GError **error)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                            error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (socket == NULL || !g_socket_bind (socket, any, TRUE, error) ||
      (bound = g_socket_get_local_address (socket, error)) == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

GSubprocess *
liaison_test_haproxy_start (GSubprocessLauncher *launcher,
                            const char          *dir,
                            const char          *config,
                            guint                port,
                            guint                seconds,
                            GError             **error)
{
  g_autofree char *config_path = g_build_filename (dir, "haproxy.cfg", NULL);
  g_autofree char *log_path = g_build_filename (dir, "haproxy.log", NULL);
  g_autofree char *program = g_find_program_in_path ("haproxy");
  g_autoptr(GSubprocess) process = NULL;
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  if (program == NULL)
    program = g_strdup ("/usr/sbin/haproxy");   /* Debian's, off a user's PATH */
  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "haproxy is not installed (Debian package haproxy;"
                   " ./dev installs it)");
      return NULL;
    }
  if (!g_file_set_contents (config_path, config, -1, error))
    return NULL;
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  process = g_subprocess_launcher_spawn (launcher, error, program, "-db", "-f", config_path, NULL);
  if (process == NULL)
    return NULL;
  /* Until it takes connections, or exits (a configuration it refused). */
  for (;;)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL,
                                                                                 NULL);
      g_autofree char *log = NULL;

      if (connection != NULL)
        return g_steal_pointer (&process);
      if (g_subprocess_get_identifier (process) == NULL || g_get_monotonic_time () > deadline)
        {
          g_file_get_contents (log_path, &log, NULL, NULL);
          g_subprocess_force_exit (process);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "haproxy did not listen on 127.0.0.1:%u: %s", port,
                       log != NULL ? log : "");
          return NULL;
        }
      g_usleep (50000);
    }
}
