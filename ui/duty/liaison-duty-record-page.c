/* liaison-duty-record-page.c: a deputy's duty record (我的履职).
 *
 * The record of a quarter or a year: its figures (points, the year's
 * points, duty days, receptions hosted, visitors received, the group
 * ranking), then its lists (liaison-duty-record-section.c). The record is
 * built (liaison_duty_record_build_*) and put into words
 * (liaison-duty-record-entries.c) in a thread, on a connection of its
 * own to the same file, so that the page paints at once with the deputy's
 * name and a spinner and the window never waits on a busy deputy's year.
 * The same goes for the archive: its thread builds the record again and
 * writes the PDF.
 *
 * The page says what happened through win.show-toast and win.show-error,
 * and goes back through win.close-duty-record.
 */
#define G_LOG_DOMAIN "liaison-duty-record-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-duty-archive.h"
#include "liaison-duty-record-entries.h"
#include "liaison-duty-record-page.h"
#include "liaison-duty-record-section.h"
#include "liaison-store-watch.h"
#include "liaison-ui-a11y.h"
#include "liaison-ui-util.h"

/* Quarters the period picker offers, the current one first. */
#define N_QUARTERS_OFFERED 8

typedef struct {
  int year;
  int quarter;  /* 1..4; 0: the whole year */
} Period;

typedef enum {
  FIGURE_POINTS,
  FIGURE_YEAR_POINTS,
  FIGURE_DUTY_DAYS,
  FIGURE_RECEPTIONS,
  FIGURE_VISITORS,
  FIGURE_RANK,
  N_FIGURES
} Figure;

enum {
  SIGNAL_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LiaisonDutyRecordPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;
  char         *deputy_uuid;
  char         *deputy_name;
  GCancellable *cancellable;  /* the record being read, if any */
  GArray       *periods;      /* Period, in the picker's order */
  guint         reload_id;
  gboolean      stale;        /* the store changed while the page was not shown */

  /* borrowed: made in init */
  LiaisonDutyRecordSection *sections[LIAISON_N_DUTY_RECORD_LISTS];
  GtkWidget                *cards[N_FIGURES];
  GtkLabel                 *values[N_FIGURES];
  GtkLabel                 *captions[N_FIGURES];

  /* template children */
  AdwWindowTitle *window_title;
  GtkLabel       *name_label;
  GtkLabel       *deputy_label;
  GtkDropDown    *period_dropdown;
  GtkStack       *content_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkFlowBox     *figures_box;
  AdwStatusPage  *empty_page;
  GtkBox         *sections_box;
};

G_DEFINE_FINAL_TYPE (LiaisonDutyRecordPage, liaison_duty_record_page, ADW_TYPE_BIN)

/* Building the record, in a thread */

typedef struct {
  char   *path;
  char   *deputy_uuid;
  Period  period;
  char   *archive_path;  /* NULL: for the page; else the PDF to write */
} BuildRequest;

typedef struct {
  LiaisonDutyRecord *record;
  LiaisonPoints      year_total;  /* the year's points, for a quarter */
  GPtrArray         *lists[LIAISON_N_DUTY_RECORD_LISTS];
} BuildResult;

static void
build_request_free (BuildRequest *request)
{
  g_free (request->path);
  g_free (request->deputy_uuid);
  g_free (request->archive_path);
  g_free (request);
}

static void
build_result_free (BuildResult *result)
{
  g_clear_pointer (&result->record, liaison_duty_record_free);
  for (guint i = 0; i < LIAISON_N_DUTY_RECORD_LISTS; i++)
    g_clear_pointer (&result->lists[i], g_ptr_array_unref);
  g_free (result);
}

static LiaisonDutyRecord *
build_record (LiaisonStore       *store,
              const BuildRequest *request,
              GError            **error)
{
  LiaisonQuarter quarter = { request->period.year, request->period.quarter };

  if (request->period.quarter == 0)
    return liaison_duty_record_build_year (store, request->deputy_uuid, request->period.year, error);
  return liaison_duty_record_build_quarter (store, request->deputy_uuid, quarter, error);
}

static GHashTable *
read_station_names (LiaisonStore *store)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) stations = liaison_store_list_stations (store, NULL);

  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      const LiaisonStation *station = g_ptr_array_index (stations, i);

      g_hash_table_insert (names, g_strdup (station->meta.uuid), g_strdup (station->name));
    }
  return names;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const BuildRequest *request = task_data;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonDutyRecord) record = NULL;
  g_autoptr(GHashTable) station_names = NULL;
  GError *error = NULL;
  BuildResult *result;

  /* A connection of its own: the main thread's is not to be shared. */
  store = liaison_store_open (request->path, &error);
  if (store == NULL || (record = build_record (store, request, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (request->archive_path != NULL)
    {
      if (!liaison_duty_archive_write (record, request->archive_path, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  result = g_new0 (BuildResult, 1);
  if (request->period.quarter != 0 && !g_cancellable_is_cancelled (cancellable))
    {
      /* The year's points alone: its lists are not shown. */
      if (!liaison_duty_record_year_points (store, request->deputy_uuid, request->period.year,
                                            &result->year_total, &error))
        {
          build_result_free (result);
          g_task_return_error (task, error);
          return;
        }
    }
  station_names = read_station_names (store);
  for (guint i = 0; i < LIAISON_N_DUTY_RECORD_LISTS; i++)
    result->lists[i] = liaison_duty_record_entries (record, i, station_names);
  result->record = g_steal_pointer (&record);
  g_task_return_pointer (task, result, (GDestroyNotify) build_result_free);
}

static Period
selected_period (LiaisonDutyRecordPage *self)
{
  guint position = gtk_drop_down_get_selected (self->period_dropdown);

  return g_array_index (self->periods, Period, MIN (position, self->periods->len - 1));
}

/* Builds the record of the period picked, for the page or, with
 * @archive_path, for the archive written there. */
static void
start_build (LiaisonDutyRecordPage *self,
             const char            *archive_path,
             GCancellable          *cancellable,
             GAsyncReadyCallback    callback,
             gpointer               user_data)
{
  BuildRequest *request = g_new0 (BuildRequest, 1);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  request->path = g_strdup (liaison_store_get_path (self->store));
  request->deputy_uuid = g_strdup (self->deputy_uuid);
  request->period = selected_period (self);
  request->archive_path = g_strdup (archive_path);
  g_task_set_task_data (task, request, (GDestroyNotify) build_request_free);
  g_task_set_source_tag (task, start_build);
  g_task_run_in_thread (task, build_thread);
}

/* Showing it */

static void
set_figure (LiaisonDutyRecordPage *self,
            Figure                 figure,
            const char            *value,
            const char            *caption)
{
  gtk_label_set_text (self->values[figure], value);
  gtk_label_set_text (self->captions[figure], caption);
  /* Each card says its figure and what it counts, and so does the flow
   * box's cell around it, which takes the focus. */
  liaison_ui_a11y_name_from_texts (self->cards[figure]);
  liaison_ui_a11y_name_from_texts (gtk_widget_get_parent (self->cards[figure]));
}

static void
set_count_figure (LiaisonDutyRecordPage *self,
                  Figure                 figure,
                  guint                  n,
                  const char            *caption)
{
  g_autofree char *value = g_strdup_printf ("%'u", n);

  set_figure (self, figure, value, caption);
}

static void
show_figures (LiaisonDutyRecordPage *self,
              const BuildResult     *result)
{
  const LiaisonDutyRecord *record = result->record;
  const LiaisonDeputyPoints *points = record->points;
  Period period = selected_period (self);
  g_autofree char *total = liaison_points_format (points != NULL ? points->total : 0);
  g_autofree char *year_total = liaison_points_format (result->year_total);
  g_autofree char *rank = NULL;
  g_autofree char *rank_caption = NULL;

  set_figure (self, FIGURE_POINTS, total,
              period.quarter != 0 ? _("Points this quarter") : _("Points this year"));
  gtk_widget_set_visible (gtk_widget_get_parent (self->cards[FIGURE_YEAR_POINTS]), period.quarter != 0);
  if (period.quarter != 0)
    set_figure (self, FIGURE_YEAR_POINTS, year_total, _("Points this year"));
  set_count_figure (self, FIGURE_DUTY_DAYS, record->duty_days, _("Duty days"));
  set_count_figure (self, FIGURE_RECEPTIONS, record->receptions_hosted, _("Receptions hosted"));
  set_count_figure (self, FIGURE_VISITORS, record->visitors_received, _("Visitors received"));

  if (record->group != NULL && points != NULL && points->rank > 0)
    {
      /* Translators: a deputy's rank in their group and how many are ranked, "3 / 12" */
      rank = g_strdup_printf (_("%u / %u"), points->rank, record->group_size);
      /* Translators: under the rank; %s is the deputy group, such as 第二代表小组 */
      rank_caption = g_strdup_printf (_("Ranking in %s"), record->group);
    }
  else
    {
      rank = g_strdup ("—");
      rank_caption = g_strdup (_("In no deputy group"));
    }
  set_figure (self, FIGURE_RANK, rank, rank_caption);
}

static void
show_result (LiaisonDutyRecordPage *self,
             BuildResult           *result)
{
  const LiaisonDutyRecord *record = result->record;
  gboolean empty = liaison_duty_record_is_empty (record);
  g_autofree char *about = liaison_duty_record_describe_deputy (record);

  g_free (self->deputy_name);
  self->deputy_name = g_strdup (record->deputy->name);
  gtk_label_set_text (self->name_label, record->deputy->name);
  gtk_label_set_text (self->deputy_label, about);
  adw_window_title_set_subtitle (self->window_title, record->deputy->name);
  show_figures (self, result);

  for (guint i = 0; i < LIAISON_N_DUTY_RECORD_LISTS; i++)
    liaison_duty_record_section_set_entries (self->sections[i], g_steal_pointer (&result->lists[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->sections[LIAISON_DUTY_RECORD_LIST_QUARTERS]),
                          selected_period (self).quarter == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->sections_box), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
  if (empty)
    {
      GtkStringObject *period = gtk_drop_down_get_selected_item (self->period_dropdown);
      /* Translators: %s is the deputy, then the period ("2026, fourth quarter") */
      g_autofree char *description = g_strdup_printf (_("Nothing that %s did falls in %s: no activity, reception, take-up or filing."),
                                                      record->deputy->name,
                                                      period != NULL ? gtk_string_object_get_string (period) : "");

      adw_status_page_set_description (self->empty_page, description);
    }

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "record");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duty-record.save-archive", TRUE);
  g_signal_emit (self, signals[SIGNAL_SHOWN], 0);
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  LiaisonDutyRecordPage *self;
  g_autoptr(GError) error = NULL;
  BuildResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  /* A newer read replaced it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LIAISON_DUTY_RECORD_PAGE (source);
  g_clear_object (&self->cancellable);
  if (result == NULL)
    {
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      g_signal_emit (self, signals[SIGNAL_SHOWN], 0);
      return;
    }
  show_result (self, result);
  build_result_free (result);
}

static void
reload (LiaisonDutyRecordPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  if (self->store == NULL || self->deputy_uuid == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* The record already shown stays until the new one comes. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "record") != 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  start_build (self, NULL, self->cancellable, build_done_cb, NULL);
}

static gboolean
reload_cb (gpointer user_data)
{
  LiaisonDutyRecordPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A sync writes several tables at once: read once for all, and not at
 * all while nobody can see the page. */
static void
store_changed_cb (LiaisonDutyRecordPage *self,
                  const char            *table)
{
  static const char * const tables[] = {
    "activities", "duty_shifts", "receptions", "suggestions", "suggestion_events",
    "deputies", "deputy_groups", "stations", NULL
  };

  if (self->deputy_uuid == NULL || !g_strv_contains (tables, table))
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
period_changed_cb (LiaisonDutyRecordPage *self)
{
  reload (self);
}

/**
 * liaison_duty_record_page_show_deputy:
 *
 * Shows the record of @deputy_uuid for the current quarter. The page
 * paints at once with the deputy's name; the record follows from a thread
 * and ::shown says it is on the page.
 */
void
liaison_duty_record_page_show_deputy (LiaisonDutyRecordPage *self,
                                      const char            *deputy_uuid)
{
  g_autoptr(LiaisonDeputy) deputy = NULL;
  gint64 id;

  g_return_if_fail (LIAISON_IS_DUTY_RECORD_PAGE (self));
  g_return_if_fail (deputy_uuid != NULL);

  g_free (self->deputy_uuid);
  self->deputy_uuid = g_strdup (deputy_uuid);
  id = liaison_store_find_deputy_by_uuid (self->store, deputy_uuid);
  deputy = id > 0 ? liaison_store_get_deputy (self->store, id, NULL) : NULL;
  g_free (self->deputy_name);
  self->deputy_name = g_strdup (deputy != NULL ? deputy->name : NULL);
  gtk_label_set_text (self->name_label, deputy != NULL ? deputy->name : "");
  gtk_label_set_text (self->deputy_label, "");
  adw_window_title_set_subtitle (self->window_title, deputy != NULL ? deputy->name : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duty-record.save-archive", FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  g_signal_handlers_block_by_func (self->period_dropdown, period_changed_cb, self);
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->period_dropdown, period_changed_cb, self);
  reload (self);
}

/* The archive */

static void
archive_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  LiaisonDutyRecordPage *self = LIAISON_DUTY_RECORD_PAGE (source);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(sss)",
                                       _("The Duty Archive Could Not Be Saved"),
                                       _("Nothing was written. Choose another folder or file name and save again."),
                                       error->message))
        g_warning ("%s", error->message);
      return;
    }
  {
    /* Translators: a toast; %s is the file name */
    g_autofree char *message = g_strdup_printf (_("Duty archive saved as “%s”"), name);

    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
  }
}

static void
archive_response_cb (GtkNativeDialog       *native,
                     int                    response,
                     LiaisonDutyRecordPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file == NULL || self->deputy_uuid == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* Not cancelled by a new read of the page: it carries on to the end. */
  start_build (self, path, NULL, archive_done_cb, g_file_get_basename (file));
}

static char *
period_code (Period period)
{
  LiaisonQuarter quarter = { period.year, period.quarter };

  return period.quarter != 0 ? liaison_quarter_format (quarter) : g_strdup_printf ("%d", period.year);
}

static void
save_archive_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaisonDutyRecordPage *self = LIAISON_DUTY_RECORD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *code = period_code (selected_period (self));
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;

  if (self->deputy_uuid == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Save Duty Archive"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF files"));
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_filter_add_pattern (pdf, "*.PDF");
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pdf);
  /* Translators: the file name offered for a duty archive; the deputy's
   * name, then the period ("2026Q4" or "2026") */
  file_name = g_strdup_printf (_("%s duty archive %s.pdf"), self->deputy_name != NULL ? self->deputy_name : "", code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (archive_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GObject */

static GtkWidget *
add_card (LiaisonDutyRecordPage *self,
          Figure                 figure)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "figure-card");
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_flow_box_append (self->figures_box, card);

  self->cards[figure] = card;
  self->values[figure] = GTK_LABEL (value);
  self->captions[figure] = GTK_LABEL (caption);
  return card;
}

static void
add_section (LiaisonDutyRecordPage *self,
             LiaisonDutyRecordList  list,
             const char            *title,
             const char            *empty_text)
{
  GtkWidget *section = liaison_duty_record_section_new (title, empty_text);

  gtk_box_append (self->sections_box, section);
  self->sections[list] = LIAISON_DUTY_RECORD_SECTION (section);
}

/* The current quarter and the seven before it, then this year and the
 * last. */
static void
fill_periods (LiaisonDutyRecordPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  LiaisonQuarter quarter;
  GDate today;

  liaison_date_set_today (&today);
  liaison_quarter_from_gdate (&today, &quarter);
  for (guint i = 0; i < N_QUARTERS_OFFERED; i++)
    {
      g_autofree char *label = liaison_quarter_label (quarter);
      Period period = { quarter.year, quarter.quarter };

      gtk_string_list_append (labels, label);
      g_array_append_val (self->periods, period);
      quarter = liaison_quarter_previous (quarter);
    }
  for (int year = g_date_get_year (&today); year >= g_date_get_year (&today) - 1; year--)
    {
      /* Translators: a period of the duty record: a calendar year */
      g_autofree char *label = g_strdup_printf (_("%d, the whole year"), year);
      Period period = { year, 0 };

      gtk_string_list_append (labels, label);
      g_array_append_val (self->periods, period);
    }
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
}

/* Brought into view: catch up before the first frame. */
static void
liaison_duty_record_page_map (GtkWidget *widget)
{
  LiaisonDutyRecordPage *self = LIAISON_DUTY_RECORD_PAGE (widget);

  GTK_WIDGET_CLASS (liaison_duty_record_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
liaison_duty_record_page_dispose (GObject *object)
{
  LiaisonDutyRecordPage *self = LIAISON_DUTY_RECORD_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_DUTY_RECORD_PAGE);

  G_OBJECT_CLASS (liaison_duty_record_page_parent_class)->dispose (object);
}

static void
liaison_duty_record_page_finalize (GObject *object)
{
  LiaisonDutyRecordPage *self = LIAISON_DUTY_RECORD_PAGE (object);

  g_free (self->deputy_uuid);
  g_free (self->deputy_name);
  g_array_unref (self->periods);

  G_OBJECT_CLASS (liaison_duty_record_page_parent_class)->finalize (object);
}

static void
liaison_duty_record_page_class_init (LiaisonDutyRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_duty_record_page_dispose;
  object_class->finalize = liaison_duty_record_page_finalize;
  widget_class->map = liaison_duty_record_page_map;

  /**
   * LiaisonDutyRecordPage::shown:
   *
   * The record asked for is on the page, or the error that stopped it.
   */
  signals[SIGNAL_SHOWN] = g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-duty-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, deputy_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDutyRecordPage, sections_box);

  gtk_widget_class_install_action (widget_class, "duty-record.save-archive", NULL, save_archive_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-duty-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.close-duty-record", NULL);
}

static void
liaison_duty_record_page_init (LiaisonDutyRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->periods = g_array_new (FALSE, FALSE, sizeof (Period));
  fill_periods (self);
  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);

  add_card (self, FIGURE_POINTS);
  add_card (self, FIGURE_YEAR_POINTS);
  add_card (self, FIGURE_DUTY_DAYS);
  add_card (self, FIGURE_RECEPTIONS);
  add_card (self, FIGURE_VISITORS);
  add_card (self, FIGURE_RANK);

  add_section (self, LIAISON_DUTY_RECORD_LIST_LINES, _("Points, Line by Line"),
               _("Nothing scored points in this period."));
  add_section (self, LIAISON_DUTY_RECORD_LIST_QUARTERS, _("Points by Quarter"), NULL);
  add_section (self, LIAISON_DUTY_RECORD_LIST_KINDS, _("Activities by Kind"),
               _("No activity in this period."));
  add_section (self, LIAISON_DUTY_RECORD_LIST_ACTIVITIES, _("Activities and Attendance"),
               _("No activity in this period."));
  add_section (self, LIAISON_DUTY_RECORD_LIST_TAKE_UPS, _("Suggestions Taken Up"),
               _("No citizen’s suggestion taken up in this period."));
  add_section (self, LIAISON_DUTY_RECORD_LIST_FILINGS, _("Motions and Suggestions Filed"),
               _("No motion or suggestion filed or co-signed in this period."));
  add_section (self, LIAISON_DUTY_RECORD_LIST_PLANNED, _("Planned Duty Days Not Done"),
               _("Every planned duty day of this period was done."));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duty-record.save-archive", FALSE);
}

/**
 * liaison_duty_record_page_new:
 *
 * Returns: (transfer floating): a page over @store that shows no deputy yet
 */
GtkWidget *
liaison_duty_record_page_new (LiaisonStore *store)
{
  LiaisonDutyRecordPage *self;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  self = g_object_new (LIAISON_TYPE_DUTY_RECORD_PAGE, NULL);
  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  return GTK_WIDGET (self);
}
