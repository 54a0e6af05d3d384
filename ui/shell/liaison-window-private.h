/* liaison-window-private.h: what the window's facets share: its fields,
 * and the calls one facet makes into another. */
#pragma once

#include "liaison-dashboard-page.h"
#include "liaison-deputies-page.h"
#include "liaison-first-run-page.h"
#include "liaison-follow-up-page.h"
#include "liaison-privacy-notice-page.h"
#include "liaison-receptions-page.h"
#include "liaison-suggestions-page.h"
#include "liaison-sync-status.h"
#include "liaison-window.h"

G_BEGIN_DECLS

struct _LiaisonWindow
{
  AdwApplicationWindow parent_instance;

  /* owned */
  LiaisonStore *store;
  GSettings    *settings;
  LiaisonSyncEngine *sync_engine;  /* NULL: no sync (tests) */

  guint station_label_idle_id;
  /* The pages out of view at the start get their store after the first
   * frame (liaison-window.c, load_other_pages). */
  guint    other_pages_idle_id;
  gboolean other_pages_loaded;
  /* The window's width when the station's name was last shown beside the
   * view switcher, and the width at which showing it pushed the switcher
   * into the title (liaison-window.c, update_station_label_cb). */
  int   station_label_shown_at;
  int   station_label_collapses_at;
  guint station_label_collapses;
  /* The one later try at that width, and the width it was made at. */
  guint station_label_retry_id;
  int   station_label_retried_at;

  /* template children */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *main_stack;
  LiaisonPrivacyNoticePage *privacy_notice_page;
  LiaisonFirstRunPage      *first_run_page;
  AdwViewSwitcherTitle   *switcher_title;
  GtkLabel               *station_label;
  AdwViewStack           *view_stack;
  LiaisonReceptionsPage  *receptions_page;
  LiaisonSuggestionsPage *suggestions_page;
  LiaisonDeputiesPage    *deputies_page;
  LiaisonFollowUpPage    *follow_up_page;
  AdwViewStackPage       *follow_up_stack_page;
  LiaisonDashboardPage   *dashboard_page;
  LiaisonSyncStatus      *sync_status;
  GtkButton              *actor_button;
  AdwButtonContent       *actor_content;
};

/* liaison-window.c */
void liaison_window_add_toast           (LiaisonWindow  *self,
                                         const char     *message);
void liaison_window_show_error          (LiaisonWindow  *self,
                                         const char     *heading,
                                         const char     *body,
                                         const char     *details);
void liaison_window_update_station      (LiaisonWindow  *self);
void liaison_window_update_badge        (LiaisonWindow  *self);

/* liaison-window-ledger.c: import and export of the reception ledger */
void liaison_window_class_add_ledger_actions (GtkWidgetClass *widget_class);

/* liaison-window-print.c: the registration form, blank or of a reception, and the ledger, printed */
void liaison_window_class_add_print_actions (GtkWidgetClass *widget_class);

/* liaison-window-duty.c: the duty roster and the duty activities */
void liaison_window_update_duty_actions    (LiaisonWindow  *self);
void liaison_window_class_add_duty_actions (GtkWidgetClass *widget_class);

/* liaison-window-record.c: the duty record page and the quarterly points report */
void liaison_window_update_record_actions    (LiaisonWindow  *self,
                                              gboolean        hq);
void liaison_window_class_add_record_actions (GtkWidgetClass *widget_class);

/* liaison-window-published.c: the published reports */
void liaison_window_class_add_published_actions (GtkWidgetClass *widget_class);

/* liaison-window-help.c: the user guide, opened locally (F1) */
void liaison_window_class_add_help_actions (GtkWidgetClass *widget_class);

/* liaison-window-sync.c: sync with headquarters and enrolment */
void liaison_window_update_sync_actions (LiaisonWindow  *self);
void liaison_window_class_add_sync_actions   (GtkWidgetClass *widget_class);

G_END_DECLS
