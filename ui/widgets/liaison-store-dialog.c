/* liaison-store-dialog.c: a rules window made over the store (see the
 * header). */
#define G_LOG_DOMAIN "liaison-store-dialog"

#include "config.h"

#include "liaison-store-dialog.h"
#include "liaison-ui-util.h"

typedef struct
{
  LiaisonStore *store;  /* owned */
} LiaisonStoreDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LiaisonStoreDialog, liaison_store_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

LiaisonStore *
liaison_store_dialog_get_store (LiaisonStoreDialog *self)
{
  LiaisonStoreDialogPrivate *priv = liaison_store_dialog_get_instance_private (self);

  g_return_val_if_fail (LIAISON_IS_STORE_DIALOG (self), NULL);

  return priv->store;
}

void
liaison_store_dialog_saved (LiaisonStoreDialog *self)
{
  g_return_if_fail (LIAISON_IS_STORE_DIALOG (self));

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
liaison_store_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaisonStoreDialogPrivate *priv = liaison_store_dialog_get_instance_private (LIAISON_STORE_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_store_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaisonStoreDialogPrivate *priv = liaison_store_dialog_get_instance_private (LIAISON_STORE_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&priv->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_store_dialog_dispose (GObject *object)
{
  LiaisonStoreDialogPrivate *priv = liaison_store_dialog_get_instance_private (LIAISON_STORE_DIALOG (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (liaison_store_dialog_parent_class)->dispose (object);
}

static void
liaison_store_dialog_class_init (LiaisonStoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = liaison_store_dialog_get_property;
  object_class->set_property = liaison_store_dialog_set_property;
  object_class->dispose = liaison_store_dialog_dispose;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonStoreDialog::saved:
   *
   * Emitted once what the dialog wrote is stored, pending push.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
}

static void
liaison_store_dialog_init (LiaisonStoreDialog *self)
{
}
