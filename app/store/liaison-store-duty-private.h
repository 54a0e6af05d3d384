/* liaison-store-duty-private.h: what the files of the duty record in the
 * store (liaison-store-duty*.c) share. */
#pragma once

#include "liaison-store-duty.h"
#include "liaison-store-private.h"

G_BEGIN_DECLS

/* A real day written YYYY-MM-DD. */
gboolean liaison_store_duty_is_date (const char *text);

/* Binds @text, or NULL when it is NULL (an open bound of a period). */
void     liaison_store_duty_bind_bound (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);

G_END_DECLS
