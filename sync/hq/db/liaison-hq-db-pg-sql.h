/* liaison-hq-db-pg-sql.h: headquarters' SQL, written once for SQLite and
 * PostgreSQL (liaison-hq-db.h says how), as PostgreSQL takes it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @sql for PostgreSQL: parameters $1, $2… (*@n_params gets how many),
 * json_extract and json_each as jsonb, the schema's INTEGER as BIGINT. */
char *liaison_hq_db_pg_sql (const char *sql,
                            guint      *n_params);

G_END_DECLS
