/* liaison-application.c: the station app.
 *
 * Opens the station's database (--database, or the default path) before
 * any window exists, so that a file it cannot use ends the program with a
 * one-line reason instead of a broken window.
 */
#define G_LOG_DOMAIN "liaison-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-application.h"
#include "liaison-first-frame.h"
#include "liaison-privacy-notice.h"
#include "liaison-store.h"
#include "liaison-sync-engine.h"
#include "liaison-ui-a11y.h"
#include "liaison-ui-privacy.h"
#include "liaison-window.h"

struct _LiaisonApplication
{
  AdwApplication parent_instance;

  /* owned */
  LiaisonStore *store;
  LiaisonSyncEngine *sync_engine;
};

G_DEFINE_FINAL_TYPE (LiaisonApplication, liaison_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("The station’s database file"), N_("PATH") },
  { NULL }
};

static int
liaison_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  LiaisonApplication *self = LIAISON_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *path = NULL;

  if (!g_variant_dict_lookup (options, "database", "^&ay", &path) || path == NULL || *path == '\0')
    path = default_path = liaison_store_default_path ();

  self->store = liaison_store_open (path, &error);
  if (self->store == NULL)
    {
      /* Translators: %s is a file name, then the reason it cannot be used */
      g_printerr (_("Cannot open the database %s: %s"), path, error->message);
      g_printerr ("\n");
      return 1;
    }

  /* -1: go on and run the application. */
  return -1;
}

static void
liaison_application_activate (GApplication *application)
{
  LiaisonApplication *self = LIAISON_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (self->sync_engine == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      /* At start, when the network is back, and on the timer: an engine
       * not enrolled yet just waits. */
      self->sync_engine = liaison_sync_engine_new (self->store);
      liaison_sync_engine_start_automatic (self->sync_engine,
                                           g_settings_get_uint (settings, "sync-interval"));
    }
  if (window == NULL)
    {
      window = GTK_WINDOW (liaison_window_new (GTK_APPLICATION (self), self->store));
      liaison_window_set_sync_engine (LIAISON_WINDOW (window), self->sync_engine);
      liaison_first_frame_watch (window);
    }
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = G_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  /* Closing each window lets it save its size and ask about unsaved edits. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (application);
  const char *developers[] = { "Liaison contributors", NULL };
  LiaisonApplication *self = LIAISON_APPLICATION (user_data);
  g_autofree char *notice = liaison_privacy_notice_text (liaison_ui_retention_years (self->store));
  g_autofree char *escaped = g_markup_escape_text (notice, -1);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Liaison"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Log citizens’ visits to deputy liaison stations and the suggestions they raise"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your name here, one per line */
                        "translator-credits", _("translator-credits"),
                        "modal", TRUE,
                        NULL);
  /* The privacy notice the first run showed, kept under Legal, where a
   * custom license is read as markup. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), liaison_privacy_notice_title (),
                                      NULL, GTK_LICENSE_CUSTOM, escaped);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};

static void
liaison_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (liaison_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_entries, G_N_ELEMENTS (app_entries),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  liaison_ui_a11y_install ();
}

static void
liaison_application_dispose (GObject *object)
{
  LiaisonApplication *self = LIAISON_APPLICATION (object);

  g_clear_object (&self->sync_engine);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_application_parent_class)->dispose (object);
}

static void
liaison_application_class_init (LiaisonApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = liaison_application_dispose;
  app_class->handle_local_options = liaison_application_handle_local_options;
  app_class->startup = liaison_application_startup;
  app_class->activate = liaison_application_activate;
}

static void
liaison_application_init (LiaisonApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Log citizens’ visits to a deputy liaison station."));
  g_application_set_option_context_description (G_APPLICATION (self),
    _("Commands that need no display:\n"
      "  import    Import a reception ledger, or with --roster the deputy roster, from CSV\n"
      "  export    Export receptions between two dates to CSV\n"
      "  points    Write a quarter’s points report per deputy group as XLSX or CSV\n"
      "  demo      Fill a database with realistic demo data\n"
      "  enroll    Connect this station to headquarters with an enrollment code\n"
      "  sync      Send new records to headquarters and receive what changed there\n"
      "\n"
      "Run “liaison COMMAND --help” for a command’s options."));
}

/**
 * liaison_application_new:
 *
 * Returns: (transfer full): the station app, one instance per process so
 * that several databases can be open side by side.
 */
LiaisonApplication *
liaison_application_new (void)
{
  return g_object_new (LIAISON_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/liaison/Liaison",
                       NULL);
}
