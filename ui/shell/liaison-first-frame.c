/* liaison-first-frame.c: the time from the program's start to the first
 * frame its window painted, for the start-up benchmark
 * (docs/benchmarks.md, "The app's start").
 *
 * With LIAISON_FIRST_FRAME_STAMP=FILE in the environment, the window's
 * frame clock's first "after-paint" writes the milliseconds since the
 * process began to FILE ("first-frame-ms N"), and the processor time it
 * took ("first-frame-cpu-ms N"); with LIAISON_FIRST_FRAME_QUIT=1 besides, the app
 * then quits. The start is the kernel's (the process's start time in
 * /proc/self/stat, against CLOCK_BOOTTIME, the clock it counts on), so
 * that loading the program and its libraries counts too, not only what
 * follows main ().
 */
#define G_LOG_DOMAIN "liaison-first-frame"

#include "config.h"

#include <time.h>
#include <unistd.h>

#include "liaison-first-frame.h"

/**
 * liaison_first_frame_since_exec:
 *
 * Returns: the milliseconds since this process started, or -1 if the
 * kernel does not say when that was. Its resolution is a clock tick
 * (10 ms on most kernels).
 */
gdouble
liaison_first_frame_since_exec (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  struct timespec now;
  const char *after_name;
  long ticks_per_second = sysconf (_SC_CLK_TCK);
  guint64 start_ticks;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || clock_gettime (CLOCK_BOOTTIME, &now) != 0 || ticks_per_second <= 0)
    return -1;
  /* "PID (NAME) STATE ...": the name may hold spaces and brackets, so the
   * fields are counted from its last ')'. The start time is field 22,
   * the 20th after the name. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return -1;
  fields = g_strsplit (after_name + 2, " ", 21);
  if (g_strv_length (fields) < 21)
    return -1;
  start_ticks = g_ascii_strtoull (fields[19], NULL, 10);

  return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6) - start_ticks * 1000.0 / ticks_per_second;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  const char *path = g_getenv ("LIAISON_FIRST_FRAME_STAMP");
  gdouble since_exec = liaison_first_frame_since_exec ();
  struct timespec cpu = { 0, 0 };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* Besides the time, the processor time this process took to get there,
   * which a busy machine does not stretch. */
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  text = g_strdup_printf ("first-frame-ms %.0f\nfirst-frame-cpu-ms %.0f\n",
                          since_exec, cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  if (!g_file_set_contents (path, text, -1, &error))
    g_warning ("Cannot write the first frame's time: %s", error->message);
  if (g_strcmp0 (g_getenv ("LIAISON_FIRST_FRAME_QUIT"), "1") == 0)
    g_application_quit (g_application_get_default ());
}

static void
realized_cb (GtkWindow *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

/**
 * liaison_first_frame_watch:
 * @window: the app's first window, not yet shown
 *
 * Stamps the first frame @window paints when LIAISON_FIRST_FRAME_STAMP
 * asks for it; does nothing otherwise.
 */
void
liaison_first_frame_watch (GtkWindow *window)
{
  const char *path = g_getenv ("LIAISON_FIRST_FRAME_STAMP");

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (path == NULL || *path == '\0')
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realized_cb (window);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
}
