/* liaison-hq-quarter.h: `liaison-hq quarter close` and `liaison-hq quarter
 * list` (docs/hq.md, docs/duty-record.md "Closing a quarter").
 *
 * The one folder of liaison-hq that uses the station's store: the server
 * keeps its records as JSON and has no points engine input of its own, so
 * closing a quarter writes them into a scratch headquarters desk through
 * the same pull writer a desk uses, gathers and scores there with the
 * one gathering and scoring code, and keeps the closing's records in the
 * server as a headquarters desk's push would. tests/check-house.py allows
 * the station store's calls here and nowhere else in liaison-hq.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @argv[0] is "quarter"; returns the exit status. */
int liaison_hq_quarter_command (int    argc,
                                char **argv);

G_END_DECLS
