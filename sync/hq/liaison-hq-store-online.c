/* liaison-hq-store-online.c: the citizens' online submissions at
 * headquarters: the online_submission record written on a citizen's
 * behalf into the chosen station's feed, and its receipt code (查询码),
 * kept hashed in online_receipts, which never leaves the server
 * (docs/online.md). */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-online-wire.h"
#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"

/* A new code colliding with a kept one is one chance in 10^14 a
 * submission; a few tries are more than enough. */
#define CODE_TRIES 5

gboolean
liaison_hq_receipt_code_is_wellformed (const char *code)
{
  g_autofree char *normal = NULL;

  if (code == NULL || strlen (code) > 4 * LIAISON_HQ_RECEIPT_CODE_CHARS)
    return FALSE;
  normal = liaison_hq_store_normalize_code (code);
  if (strlen (normal) != LIAISON_HQ_RECEIPT_CODE_CHARS)
    return FALSE;
  for (const char *p = normal; *p != '\0'; p++)
    if (strchr (LIAISON_HQ_CODE_ALPHABET, *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Keeps @code's hash for @uuid; FALSE without @error when the hash is
 * already kept (another submission's code). */
static gboolean
keep_code (LiaisonHqStore  *self,
           const char      *code,
           const char      *uuid,
           GError         **error)
{
  g_autofree char *hash = liaison_hq_store_hash_code (code);
  g_autofree char *now = liaison_db_now_utc ();
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self,
    "INSERT INTO online_receipts (code_hash, submission, created) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (code_hash) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, hash);
  liaison_hq_stmt_bind_text (stmt, 2, uuid);
  liaison_hq_stmt_bind_text (stmt, 3, now);
  if (!liaison_hq_db_step_done (stmt,
                             _("The receipt code could not be saved"), error))
    return FALSE;
  return liaison_hq_db_changes (liaison_hq_store_get_db (self)) == 1;
}

char *
liaison_hq_store_add_online_submission (LiaisonHqStore  *self,
                                        const char      *station,
                                        JsonObject      *data,
                                        char           **uuid,
                                        GError         **error)
{
  g_autofree char *new_uuid = NULL;
  g_autofree char *code = NULL;

  if (!liaison_hq_store_begin (self, error))
    return NULL;
  if (!liaison_hq_store_save_record (self, LIAISON_KIND_ONLINE_SUBMISSION, NULL, station, data,
                                     &new_uuid, NULL, error))
    goto failed;
  for (guint i = 0; i < CODE_TRIES && code == NULL; i++)
    {
      g_autofree char *candidate = liaison_hq_store_new_code (LIAISON_HQ_RECEIPT_CODE_CHARS);
      g_autoptr(GError) local_error = NULL;

      if (keep_code (self, candidate, new_uuid, &local_error))
        code = g_steal_pointer (&candidate);
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }
  if (code == NULL)
    {
      g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                           _("No new receipt code could be made; please try again."));
      goto failed;
    }
  if (!liaison_hq_store_commit (self, error))
    goto failed;
  if (uuid != NULL)
    *uuid = g_steal_pointer (&new_uuid);
  return g_steal_pointer (&code);

failed:
  liaison_hq_store_rollback (self);
  return NULL;
}

char *
liaison_hq_store_find_online_submission (LiaisonHqStore  *self,
                                         const char      *code,
                                         GError         **error)
{
  g_autofree char *hash = NULL;
  LiaisonHqStmt *stmt;
  char *uuid = NULL;
  int rc;

  if (!liaison_hq_receipt_code_is_wellformed (code))
    return NULL;
  hash = liaison_hq_store_hash_code (code);
  stmt = liaison_hq_store_prepare_cached (self, "SELECT submission FROM online_receipts WHERE code_hash = ?1", error);
  if (stmt == NULL)
    return NULL;
  liaison_hq_stmt_bind_text (stmt, 1, hash);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_ROW)
    uuid = liaison_hq_stmt_dup_text (stmt, 0);
  else if (rc != LIAISON_HQ_DB_DONE)
    liaison_hq_store_db_error (self, error, _("The receipt codes could not be read"));
  liaison_hq_stmt_reset (stmt);
  return uuid;
}
