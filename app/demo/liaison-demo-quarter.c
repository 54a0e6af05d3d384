/* liaison-demo-quarter.c: the demo's closed quarter (docs/duty-record.md,
 * "Closing a quarter"): the latest quarter fully over, closed by
 * headquarters. At headquarters the desk closed it and the server took
 * it; at a station it arrived as pulled, so both are synced. */
#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include "liaison-demo-private.h"
#include "liaison-store-private.h"
#include "liaison-store-quarter.h"
#include "liaison-store-sync.h"

gboolean
liaison_demo_close_quarter (LiaisonStore  *store,
                            const GDate   *today,
                            GError       **error)
{
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autofree char *role = liaison_store_get_setting (store, "sync_role");
  g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (today), g_date_get_month (today),
                                          g_date_get_day (today));
  LiaisonQuarter quarter;
  gboolean ok;

  liaison_quarter_from_gdate (today, &quarter);
  quarter = liaison_quarter_previous (quarter);
  if (liaison_store_quarter_is_closed (store, quarter, error))
    return TRUE;

  /* The one closing code, as headquarters ran it; then the records are
   * the server's, with no station of origin. */
  if (!liaison_store_begin (store, error))
    return FALSE;
  ok = liaison_store_set_setting (store, "sync_role", "hq", error);
  close = ok ? liaison_store_close_quarter (store, quarter, "市人大常委会代表工委", day, error) : NULL;
  ok = close != NULL &&
       (role != NULL ? liaison_store_set_setting (store, "sync_role", role, error)
                     : liaison_store_exec (store, "DELETE FROM settings WHERE key = 'sync_role'", error)) &&
       liaison_store_exec (store,
                           "UPDATE quarter_closes SET sync_state = 0, sync_error = NULL, server_version = version,"
                           " origin_station_uuid = NULL WHERE sync_state <> 0", error);
  if (!ok)
    {
      liaison_store_rollback (store);
      return FALSE;
    }
  return liaison_store_commit (store, error);
}
