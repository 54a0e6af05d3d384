/* liaison-receptions-table.h: the receptions as a compact table, a row a
 * visit and a column a field, like the paper ledger. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTIONS_TABLE (liaison_receptions_table_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionsTable, liaison_receptions_table, LIAISON, RECEPTIONS_TABLE, AdwBin)

/* @selection: the receptions page's selection over its paged model; the
 * table and the cards share it, and with it the selected reception. */
void           liaison_receptions_table_set_model      (LiaisonReceptionsTable *self,
                                                        GtkSelectionModel      *selection);
/* Whether the desk syncs: a desk that does not shows no sync column. */
void           liaison_receptions_table_set_shows_sync (LiaisonReceptionsTable *self,
                                                        gboolean                shows_sync);
void           liaison_receptions_table_set_shows_station (LiaisonReceptionsTable *self,
                                                           gboolean                shows_station);
GtkColumnView *liaison_receptions_table_get_column_view (LiaisonReceptionsTable *self);

G_END_DECLS
