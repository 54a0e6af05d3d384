/* liaison-hq-web.h: the public site that liaison-hq serves on its own
 * listen address (docs/online.md): citizens submit a matter, follow it
 * and find their station. Only on the public address; /v1/ is only on
 * the API's. */
#pragma once

#include <gio/gio.h>

#include "liaison-hq-store.h"

G_BEGIN_DECLS

#define LIAISON_HQ_WEB_NOT_GIVEN G_MININT64

/* What `liaison-hq serve` takes for the public site: options, then the
 * environment (LIAISON_HQ_PUBLIC_LISTEN, ...; docs/online.md,
 * "Configuration behind a reverse proxy"). */
typedef struct {
  char         *public_listen;         /* HOST:PORT, NULL: no public site */
  char         *tls_cert;              /* the public address's own HTTPS, or NULL */
  char         *tls_key;
  char         *trusted_proxy;         /* proxies whose X-Forwarded-For is believed, comma-separated */
  gint64        submit_per_ip_hour;    /* LIAISON_HQ_WEB_NOT_GIVEN until given; 0: no limit */
  gint64        submit_per_phone_day;
  gint64        lookups_per_ip_hour;
  GOptionEntry *entries;               /* owned */
} LiaisonHqWebConfig;

/* The options of `serve` that fill @config, for a GOptionContext; owned
 * by @config, which must outlive the context's parsing. */
GOptionEntry *liaison_hq_web_config_entries (LiaisonHqWebConfig *config);
void          liaison_hq_web_config_clear   (LiaisonHqWebConfig *config);

#define LIAISON_TYPE_HQ_WEB (liaison_hq_web_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonHqWeb, liaison_hq_web, LIAISON, HQ_WEB, GObject)

/* Completes @config from the environment and, when it has a public
 * address, listens there: returns the site, or NULL with @error. NULL
 * without @error when no public address is configured (no public site).
 * Clears LANGUAGE from the environment: each page's language is its
 * request's (?lang=, the lang cookie), which LANGUAGE would override. */
LiaisonHqWeb *liaison_hq_web_start   (LiaisonHqStore      *store,
                                      LiaisonHqWebConfig  *config,
                                      GError             **error);
/* "http://127.0.0.1:8700" */
const char   *liaison_hq_web_get_url (LiaisonHqWeb        *self);

G_END_DECLS
