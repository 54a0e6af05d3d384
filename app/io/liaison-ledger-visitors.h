/* liaison-ledger-visitors.h: a reception's visitors in the ledger's one row.
 *
 * A ledger (台账) has one row per reception, and its visitor columns hold
 * one value each when that says everything: the first visitor's phone and
 * consent, everyone's community, the party's total. When the visitors
 * differ, a column holds one value per visitor named in 来访人, separated
 * by 、 in the same order, so that an export reads back as it was.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LIAISON_LEDGER_VISITOR_PHONE,
  LIAISON_LEDGER_VISITOR_PARTY_SIZE,
  LIAISON_LEDGER_VISITOR_COMMUNITY,
  LIAISON_LEDGER_VISITOR_CONSENT,
  LIAISON_LEDGER_N_VISITOR_CELLS
} LiaisonLedgerVisitorCell;

/* 是/否, yes/no, 1/0 and the like; "" is no. FALSE for anything else. */
gboolean   liaison_ledger_parse_yes_no     (const char               *text,
                                            gboolean                 *value);
/* What export writes in @cell for @visitors (LiaisonVisitor *): one value,
 * or one per visitor joined with 、. A phone has no leading tab. */
char      *liaison_ledger_visitors_cell    (const GPtrArray          *visitors,
                                            LiaisonLedgerVisitorCell  cell);
/* The visitors a row names: @names is the 来访人 cell, @cells the trimmed
 * cells indexed by LiaisonLedgerVisitorCell ("" when absent) and
 * @column_names what the file calls them. Adds a reason to @reasons
 * (LiaisonImportProblem *, about its column, line unset) for
 * each cell that cannot be read, and sets the bit (1 << cell) in @reported
 * for those whose rule must not be reported again. Returns the visitors
 * (LiaisonVisitor *), at least one. */
GPtrArray *liaison_ledger_visitors_parse   (const char               *names,
                                            const char * const       *cells,
                                            const char * const       *column_names,
                                            GPtrArray                *reasons,
                                            guint                    *reported);

G_END_DECLS
