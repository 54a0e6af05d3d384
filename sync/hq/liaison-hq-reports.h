/* liaison-hq-reports.h: what stations report having set aside.
 *
 * A desk that pulls a change it cannot use keeps it aside and says so in
 * its next push ("set_aside", docs/sync-protocol.md). Headquarters logs
 * each and keeps it in hq.db's set_aside_reports table, for
 * "liaison-hq reports" to show; nothing in the feed changes.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-hq-store.h"

G_BEGIN_DECLS

/* At most this many from one push are kept, each text cut at TEXT_MAX bytes. */
#define LIAISON_HQ_REPORTS_MAX 100
#define LIAISON_HQ_REPORTS_TEXT_MAX (64 * 1024)

/* Keeps and logs @report, the push's "set_aside" array, from @token. A
 * malformed entry is skipped; a failure is logged: never the push's. */
guint      liaison_hq_reports_add  (LiaisonHqStore       *store,
                                    const LiaisonHqToken *token,
                                    JsonArray            *report);

typedef struct {
  char   *received;      /* UTC, when headquarters got it */
  char   *token_name;    /* who reported: the station's or the user's name */
  char   *station_uuid;  /* NULL for a headquarters desk */
  char   *kind;
  char   *uuid;
  gint64  version;
  gint64  seq;
  char   *reason;
  char   *set_aside_at;
  char   *text;
} LiaisonHqReport;

void       liaison_hq_report_free  (LiaisonHqReport *report);
/* Every report kept, oldest first. */
GPtrArray *liaison_hq_reports_list (LiaisonHqStore  *store,
                                    GError         **error);

G_END_DECLS
