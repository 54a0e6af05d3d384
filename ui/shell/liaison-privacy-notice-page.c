/* liaison-privacy-notice-page.c: the privacy notice (docs/privacy.md, "The
 * privacy notice"), shown instead of the window's views until this user has
 * read it; the window remembers that in GSettings (privacy-notice-read) and
 * the About window keeps the same text. Emits ::done once read.
 */
#define G_LOG_DOMAIN "liaison-privacy-notice-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy-notice.h"
#include "liaison-privacy-notice-page.h"
#include "liaison-retention.h"

struct _LiaisonPrivacyNoticePage
{
  AdwBin          parent_instance;

  /* template children */
  AdwStatusPage  *status_page;
  GtkLabel       *text_label;
};

G_DEFINE_FINAL_TYPE (LiaisonPrivacyNoticePage, liaison_privacy_notice_page, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_clicked_cb (LiaisonPrivacyNoticePage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
liaison_privacy_notice_page_dispose (GObject *object)
{
  /* AdwBin holds its child; let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_PRIVACY_NOTICE_PAGE);
  G_OBJECT_CLASS (liaison_privacy_notice_page_parent_class)->dispose (object);
}

static void
liaison_privacy_notice_page_class_init (LiaisonPrivacyNoticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_privacy_notice_page_dispose;

  /**
   * LiaisonPrivacyNoticePage::done:
   *
   * The user has read the notice.
   */
  signals[DONE] = g_signal_new ("done",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-privacy-notice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrivacyNoticePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrivacyNoticePage, text_label);
  gtk_widget_class_bind_template_callback (widget_class, read_clicked_cb);
}

static void
liaison_privacy_notice_page_init (LiaisonPrivacyNoticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_status_page_set_title (self->status_page, liaison_privacy_notice_title ());
  liaison_privacy_notice_page_set_retention_years (self, LIAISON_RETENTION_DEFAULT_YEARS);
}

void
liaison_privacy_notice_page_set_retention_years (LiaisonPrivacyNoticePage *self,
                                                 guint                     retention_years)
{
  g_autofree char *text = liaison_privacy_notice_text (retention_years);

  g_return_if_fail (LIAISON_IS_PRIVACY_NOTICE_PAGE (self));
  gtk_label_set_text (self->text_label, text);
}
