/* bench-duty-page.c: the duty record page's first paint, for
 * tests/bench/run (docs/benchmarks.md, "Duty record page").
 *
 *   bench-duty-page DB DEPUTY_UUID RUNS [HOLD_SECONDS]
 *
 * A window holding the record page over DB, drawn once; then RUNS times
 * liaison_duty_record_page_show_deputy() for DEPUTY_UUID, timed to the
 * first frame painted after it (the page with the deputy's name, its
 * period and a spinner) and to the first frame painted after ::shown (the
 * figures and the lists, the record having been built in a thread).
 * Needs a display (xvfb-run). Prints "KEY VALUE" lines on stdout, then
 * "ready" and, with HOLD_SECONDS, keeps the page on screen that long for a
 * screenshot (tests/a11y/shoot-duty-record.py).
 */
#define G_LOG_DOMAIN "bench-duty-page"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-bench-common.h"
#include "liaison-duty-record-page.h"
#include "liaison-locale.h"

typedef struct {
  gint64   started;
  gint64   first_paint;  /* 0 until painted */
  gint64   shown;        /* 0 until ::shown */
  gint64   record_paint;
  gboolean done;
} Run;

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  gint64 now = g_get_monotonic_time ();

  if (run->started == 0)
    return;
  if (run->first_paint == 0)
    run->first_paint = now;
  if (run->shown != 0 && run->record_paint == 0)
    {
      run->record_paint = now;
      run->done = TRUE;
    }
}

static void
shown_cb (GtkWidget *page,
          Run       *run)
{
  run->shown = g_get_monotonic_time ();
  gtk_widget_queue_draw (page);
}

/* The page's back button names the window's action: a stand-in here. */
static void
install_close_action (GtkWidget *window)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) close = g_simple_action_new ("close-duty-record", NULL);

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (close));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) record = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  GtkWidget *page;
  GdkFrameClock *clock;
  Run run = { 0 };
  int runs;

  if ((argc != 4 && argc != 5) || (runs = atoi (argv[3])) < 1)
    {
      g_printerr ("usage: bench-duty-page DB DEPUTY_UUID RUNS [HOLD_SECONDS]\n");
      return 2;
    }
  liaison_locale_init ();
  gtk_init ();
  adw_init ();
  store = liaison_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("bench-duty-page: %s\n", error->message);
      return 1;
    }

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  install_close_action (window);
  page = liaison_duty_record_page_new (store);
  adw_window_set_content (ADW_WINDOW (window), page);
  g_signal_connect (page, "shown", G_CALLBACK (shown_cb), &run);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (page);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &run);
  /* The window's own first frames, before anything is timed. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  for (int i = 0; i < runs; i++)
    {
      double ms;

      memset (&run, 0, sizeof run);
      run.started = g_get_monotonic_time ();
      liaison_duty_record_page_show_deputy (LIAISON_DUTY_RECORD_PAGE (page), argv[2]);
      while (!run.done)
        g_main_context_iteration (NULL, TRUE);
      ms = (run.first_paint - run.started) / 1000.0;
      g_array_append_val (first, ms);
      ms = (run.record_paint - run.started) / 1000.0;
      g_array_append_val (record, ms);
      if (i == 0)
        printf ("first-paint-first %.1f\nrecord-first %.1f\n",
                g_array_index (first, double, 0), g_array_index (record, double, 0));
    }
  printf ("first-paint-median %.1f\n", liaison_bench_median (first));
  printf ("first-paint-max %.1f\n", g_array_index (first, double, first->len - 1));
  printf ("record-median %.1f\n", liaison_bench_median (record));
  printf ("ready\n");
  fflush (stdout);
  if (argc == 5)
    {
      gint64 until = g_get_monotonic_time () + atoi (argv[4]) * G_USEC_PER_SEC;

      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (10000);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
