/* liaison-online-hq.c: headquarters' view of the online channel (see the
 * header).
 *
 * The rows come from liaison_store_list_online_submissions() over every
 * station; the waits are read on the loop's synced calendar and today, so
 * the flag moves with the days without anything being stored. A list
 * stops at MAX_ROWS and says how many it left out.
 */
#define G_LOG_DOMAIN "liaison-online-hq"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-online-hq.h"
#include "liaison-online-row.h"
#include "liaison-station-choices.h"
#include "liaison-store-loop.h"
#include "liaison-store-online.h"
#include "liaison-store-sync.h"
#include "liaison-store-watch.h"
#include "liaison-ui-util.h"

#define MAX_ROWS 200

/* What both groups share: a preferences group with a boxed list. */
typedef struct {
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkLabel            *more_label;
} Group;

static void
group_init (Group      *group,
            AdwBin     *bin,
            const char *name)
{
  group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  group->list = GTK_LIST_BOX (gtk_list_box_new ());
  group->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (group->group), name);
  gtk_list_box_set_selection_mode (group->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (group->list), "boxed-list");
  gtk_label_set_xalign (group->more_label, 0);
  gtk_label_set_wrap (group->more_label, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (group->more_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (group->more_label), "dim-label");
  adw_preferences_group_add (group->group, GTK_WIDGET (group->list));
  adw_preferences_group_add (group->group, GTK_WIDGET (group->more_label));
  adw_bin_set_child (bin, GTK_WIDGET (group->group));
}

static void
group_clear (Group *group)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (group->list))) != NULL)
    gtk_list_box_remove (group->list, child);
}

/* Shows @title with @n, @empty as the description when @n is 0, and
 * what the list left out. */
static void
group_finish (Group      *group,
              const char *title,
              guint       n,
              guint       shown,
              const char *empty)
{
  /* Translators: a headquarters list of online submissions and how many it holds */
  g_autofree char *heading = g_strdup_printf (C_("online section title", "%s (%u)"), title, n);

  adw_preferences_group_set_title (group->group, heading);
  adw_preferences_group_set_description (group->group, n == 0 ? empty : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (GTK_WIDGET (group->list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (group->more_label), shown < n);
  if (shown < n)
    {
      /* Translators: under a headquarters list of online submissions cut short */
      g_autofree char *more = g_strdup_printf (ngettext ("Showing the first %u of %'u.",
                                                         "Showing the first %u of %'u.", n),
                                               shown, n);

      gtk_label_set_text (group->more_label, more);
    }
}

static gboolean
is_hq (LiaisonStore *store)
{
  return store != NULL && liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ;
}

/* Every station's submissions, by station name then newest first; NULL
 * with @error. */
static GPtrArray *
list_all (LiaisonStore  *store,
          GError       **error)
{
  return liaison_store_list_online_submissions (store, NULL, FALSE, error);
}

static const char *
station_of (const LiaisonOnlineSubmission *submission)
{
  return submission->station_name != NULL ? submission->station_name : submission->station;
}

static int
by_station_cmp (gconstpointer a,
                gconstpointer b)
{
  const LiaisonOnlineSubmission *x = *(LiaisonOnlineSubmission * const *) a;
  const LiaisonOnlineSubmission *y = *(LiaisonOnlineSubmission * const *) b;
  int order = g_utf8_collate (station_of (x) != NULL ? station_of (x) : "",
                              station_of (y) != NULL ? station_of (y) : "");

  if (order != 0)
    return order;
  /* Newest first within a station. */
  return -g_strcmp0 (x->submitted_at, y->submitted_at);
}

/* A submission's row at headquarters: the title, then station, when it
 * came in and its state, then how long it waited. */
static GtkWidget *
hq_row (const LiaisonOnlineSubmission *submission,
        LiaisonOnlineWait              wait)
{
  g_autofree char *submitted = liaison_ui_format_utc (submission->submitted_at);
  g_autofree char *state = liaison_online_row_state (submission);
  g_autofree char *waited = liaison_online_wait_describe (wait);
  g_autofree char *where = NULL;
  const char *lines[3] = { NULL };
  GtkWidget *row;

  /* Translators: a headquarters row of an online submission: station, when it came in, its state,
   * "南山联络站 · 2026-12-01 10:30 · 待受理" */
  where = g_strdup_printf (_("%s · %s · %s"), station_of (submission) ? station_of (submission) : "", submitted,
                           state);
  lines[0] = where;
  lines[1] = waited;
  row = liaison_online_row_new (submission->title, lines);
  if (wait.overdue)
    liaison_online_row_mark_overdue (row);
  return row;
}

/* Lists @all (NULL when it could not be read) in @group by station, newest
 * first, only the overdue ones when @overdue_only, under @title; @empty
 * is the description when none is listed. */
static void
group_show (Group        *group,
            LiaisonStore *store,
            GPtrArray    *all,
            gboolean      overdue_only,
            const char   *title,
            const char   *empty)
{
  g_autoptr(LiaisonLoopRules) rules = liaison_store_get_loop_rules (store, NULL);
  const LiaisonCalendar *calendar = rules != NULL ? rules->calendar : NULL;
  guint n = 0;
  guint shown = 0;
  GDate today;

  liaison_date_set_today (&today);
  if (all != NULL)
    g_ptr_array_sort (all, by_station_cmp);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const LiaisonOnlineSubmission *submission = g_ptr_array_index (all, i);
      LiaisonOnlineWait wait = { 0 };

      if (overdue_only && submission->state != LIAISON_ONLINE_PENDING)
        continue;
      /* Read only where it counts: a list of every submission shows MAX_ROWS. */
      if (overdue_only || shown < MAX_ROWS)
        wait = liaison_online_row_wait (submission, calendar, &today);
      if (overdue_only && !wait.overdue)
        continue;
      n++;
      if (shown < MAX_ROWS)
        {
          gtk_list_box_append (group->list, hq_row (submission, wait));
          shown++;
        }
    }
  group_finish (group, title, n, shown, empty);
}

/* The overdue flag */

struct _LiaisonOnlineOverdue
{
  AdwBin        parent_instance;

  LiaisonStore *store;
  Group         group;
};

G_DEFINE_FINAL_TYPE (LiaisonOnlineOverdue, liaison_online_overdue, ADW_TYPE_BIN)

static void
overdue_refresh (LiaisonOnlineOverdue *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  group_clear (&self->group);
  gtk_widget_set_visible (GTK_WIDGET (self), is_hq (self->store));
  if (!is_hq (self->store))
    return;
  all = list_all (self->store, &error);
  group_show (&self->group, self->store, all, TRUE, _("Online Submissions Pending Over 3 Working Days"),
              error != NULL ? error->message
                            : _("Every station accepted or declined its online submissions within 3 working days."));
}

static void
overdue_changed_cb (LiaisonOnlineOverdue *self,
                    const char           *table)
{
  if (liaison_online_row_is_change (table) || g_strcmp0 (table, "sync_state") == 0)
    overdue_refresh (self);
}

void
liaison_online_overdue_set_store (LiaisonOnlineOverdue *self,
                                  LiaisonStore         *store)
{
  g_return_if_fail (LIAISON_IS_ONLINE_OVERDUE (self));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (overdue_changed_cb));
  overdue_refresh (self);
}

/* Read again when shown: the days move on while the page is not seen. */
static void
liaison_online_overdue_map (GtkWidget *widget)
{
  overdue_refresh (LIAISON_ONLINE_OVERDUE (widget));
  GTK_WIDGET_CLASS (liaison_online_overdue_parent_class)->map (widget);
}

static void
liaison_online_overdue_dispose (GObject *object)
{
  LiaisonOnlineOverdue *self = LIAISON_ONLINE_OVERDUE (object);

  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  G_OBJECT_CLASS (liaison_online_overdue_parent_class)->dispose (object);
}

static void
liaison_online_overdue_class_init (LiaisonOnlineOverdueClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = liaison_online_overdue_dispose;
  GTK_WIDGET_CLASS (klass)->map = liaison_online_overdue_map;
}

static void
liaison_online_overdue_init (LiaisonOnlineOverdue *self)
{
  group_init (&self->group, ADW_BIN (self), "online_overdue_group");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Every station's submissions */

struct _LiaisonOnlineByStation
{
  AdwBin                 parent_instance;

  LiaisonStore          *store;
  Group                  group;
  GtkDropDown           *station_dropdown;
  LiaisonStationChoices *stations;
  gboolean               loading;
};

G_DEFINE_FINAL_TYPE (LiaisonOnlineByStation, liaison_online_by_station, ADW_TYPE_BIN)

static void
by_station_refresh (LiaisonOnlineByStation *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const char *station;

  group_clear (&self->group);
  gtk_widget_set_visible (GTK_WIDGET (self), is_hq (self->store));
  if (!is_hq (self->store) || self->loading)
    return;
  station = liaison_station_choices_get_uuid (self->stations);
  all = liaison_store_list_online_submissions (self->store, *station != '\0' ? station : NULL, FALSE, &error);
  group_show (&self->group, self->store, all, FALSE, _("Online Submissions by Station"),
              error != NULL ? error->message : _("No citizen has submitted online to this station yet."));
}

static void
by_station_changed_cb (LiaisonOnlineByStation *self,
                       const char             *table)
{
  if (g_strcmp0 (table, "stations") == 0)
    {
      self->loading = TRUE;
      liaison_station_choices_load (self->stations, self->store, NULL);
      self->loading = FALSE;
    }
  if (liaison_online_row_is_change (table) || g_strcmp0 (table, "sync_state") == 0)
    by_station_refresh (self);
}

void
liaison_online_by_station_set_store (LiaisonOnlineByStation *self,
                                     LiaisonStore           *store)
{
  g_return_if_fail (LIAISON_IS_ONLINE_BY_STATION (self));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (by_station_changed_cb));
  self->loading = TRUE;
  liaison_station_choices_load (self->stations, store, NULL);
  self->loading = FALSE;
  by_station_refresh (self);
}

static void
liaison_online_by_station_map (GtkWidget *widget)
{
  by_station_refresh (LIAISON_ONLINE_BY_STATION (widget));
  GTK_WIDGET_CLASS (liaison_online_by_station_parent_class)->map (widget);
}

static void
liaison_online_by_station_dispose (GObject *object)
{
  LiaisonOnlineByStation *self = LIAISON_ONLINE_BY_STATION (object);

  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  G_OBJECT_CLASS (liaison_online_by_station_parent_class)->dispose (object);
}

static void
liaison_online_by_station_finalize (GObject *object)
{
  LiaisonOnlineByStation *self = LIAISON_ONLINE_BY_STATION (object);

  g_clear_pointer (&self->stations, liaison_station_choices_free);
  G_OBJECT_CLASS (liaison_online_by_station_parent_class)->finalize (object);
}

static void
liaison_online_by_station_class_init (LiaisonOnlineByStationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = liaison_online_by_station_dispose;
  G_OBJECT_CLASS (klass)->finalize = liaison_online_by_station_finalize;
  GTK_WIDGET_CLASS (klass)->map = liaison_online_by_station_map;
}

static void
liaison_online_by_station_init (LiaisonOnlineByStation *self)
{
  group_init (&self->group, ADW_BIN (self), "online_by_station_group");
  self->station_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->station_dropdown), GTK_ALIGN_CENTER);
  gtk_drop_down_set_enable_search (self->station_dropdown, TRUE);
  /* Translators: the station whose online submissions headquarters' list shows */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->station_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Station"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->station_dropdown), _("Station"));
  self->stations = liaison_station_choices_new (self->station_dropdown);
  adw_preferences_group_set_header_suffix (self->group.group, GTK_WIDGET (self->station_dropdown));
  g_signal_connect_object (self->station_dropdown, "notify::selected", G_CALLBACK (by_station_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
