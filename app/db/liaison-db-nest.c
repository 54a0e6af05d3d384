/* liaison-db-nest.c: nested transactions over any SQL engine
 * (liaison-db-nest.h). */
#define G_LOG_DOMAIN "liaison-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-db-nest.h"

void
liaison_db_nest_init (LiaisonDbNest          *nest,
                      const LiaisonDbNestOps *ops,
                      gpointer                db,
                      GQuark                  error_domain,
                      int                     error_code)
{
  nest->ops = ops;
  nest->db = db;
  nest->error_domain = error_domain;
  nest->error_code = error_code;
  liaison_db_nest_reset (nest);
}

gboolean
liaison_db_nest_begin (LiaisonDbNest  *nest,
                       const char     *begin_sql,
                       const char     *failed,
                       GError        **error)
{
  if (nest->depth == 0)
    {
      if (!nest->ops->exec (nest->db, begin_sql, failed, error))
        return FALSE;
      nest->failed = FALSE;
    }
  nest->depth++;
  return TRUE;
}

gboolean
liaison_db_nest_commit (LiaisonDbNest  *nest,
                        const char     *failed,
                        GError        **error)
{
  g_return_val_if_fail (nest->depth > 0, FALSE);

  if (--nest->depth > 0)
    return TRUE;
  if (nest->failed)
    {
      liaison_db_nest_rollback (nest);
      g_set_error_literal (error, nest->error_domain, nest->error_code,
                           _("An earlier step failed, so nothing was saved."));
      return FALSE;
    }
  if (!nest->ops->exec (nest->db, "COMMIT", failed, error))
    {
      liaison_db_nest_rollback (nest);
      return FALSE;
    }
  return TRUE;
}

void
liaison_db_nest_rollback (LiaisonDbNest *nest)
{
  if (nest->depth > 1)
    {
      nest->depth--;
      nest->failed = TRUE;
      return;
    }
  nest->depth = 0;
  nest->ops->rollback (nest->db);
}

void
liaison_db_nest_reset (LiaisonDbNest *nest)
{
  nest->depth = 0;
  nest->failed = FALSE;
}

gboolean
liaison_db_nest_active (LiaisonDbNest *nest)
{
  return nest->depth > 0;
}
