/* liaison-test-awkward.h: records with every field filled awkwardly, for
 * the round-trip tests: Chinese, text at its longest, newlines, commas
 * and quotes, phones with leading zeros, empty optional fields, boundary
 * dates. Every helper asserts on failure. */
#pragma once

#include <glib.h>

#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_AWKWARD_STATION "相山区东山街道“幸福里”代表联络站"
/* The ledger names deputies; a name with · is as awkward as a roster has. */
#define LIAISON_AWKWARD_DEPUTY_1 "买买提·艾力"
#define LIAISON_AWKWARD_DEPUTY_2 "欧阳秀英"
#define LIAISON_AWKWARD_LEAD_UNIT "9b2f6f0e-8a51-4c3e-9d55-1a2b3c4d5e01"
#define LIAISON_AWKWARD_CO_UNIT   "9b2f6f0e-8a51-4c3e-9d55-1a2b3c4d5e02"

/* A station's database in a temporary folder, with its two deputies (every
 * field of theirs filled in) and the first and last categories. */
typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  gint64        deputy_ids[2];
  gint64        categories[2];  /* the first and the last */
} LiaisonTestAwkward;

void            liaison_test_awkward_open      (LiaisonTestAwkward *fixture);
void            liaison_test_awkward_close     (LiaisonTestAwkward *fixture);
/* @n copies of @unit: text at a field's longest. */
char           *liaison_test_repeat            (const char         *unit,
                                                guint               n);
LiaisonVisitor *liaison_test_awkward_visitor   (const char         *name,
                                                const char         *phone,
                                                const char         *community,
                                                int                 party_size,
                                                gboolean            consent);
/* Saves a reception with every field filled awkwardly: three visitors, two
 * deputies, two inline suggestions registered in 2024; returns its id. */
gint64          liaison_test_awkward_reception (LiaisonTestAwkward *fixture);
/* A move made by @actor at @at ("YYYY-MM-DDTHH:MM:SSZ"). */
LiaisonLoopEvent *liaison_test_awkward_move    (LiaisonLoopMove     move,
                                                LiaisonLoopRole     role,
                                                const char         *actor,
                                                const char         *at);

/* Every row of a reception: itself, its visitors, its deputies and its
 * suggestions, every column (liaison-test-rows.h). */
typedef struct {
  GPtrArray *receptions;
  GPtrArray *visitors;
  GPtrArray *deputies;
  GPtrArray *suggestions;
} LiaisonTestReceptionRows;

void liaison_test_reception_rows_read   (LiaisonTestReceptionRows *rows,
                                         LiaisonStore             *store,
                                         gint64                    id);
void liaison_test_reception_rows_clear  (LiaisonTestReceptionRows *rows);
/* @may_change: columns of the reception and of its suggestions that may
 * differ; NULL for none. Visitors and deputies may not change at all. */
void liaison_test_reception_rows_assert (LiaisonTestReceptionRows *before,
                                         LiaisonTestReceptionRows *after,
                                         const char * const       *may_change);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiaisonTestReceptionRows, liaison_test_reception_rows_clear)

G_END_DECLS
