/* liaison-xls-protocol.h: what liaison-xls-reader, the program that runs
 * libfreexl, writes on its standard output for liaison-xls-read.c.
 *
 * libfreexl reads a damaged workbook past its buffers (AddressSanitizer
 * found stack and heap overflows on a few hundred random files), so it
 * runs in a process of its own: a bad file can crash that process, never
 * the app or the data in it. Every number is a big-endian guint32:
 *
 *   LIAISON_XLS_MAGIC
 *   a row:    'R', its line (its row number as Excel shows it, rising),
 *             its number of cells, and each cell as a length and that
 *             many bytes of UTF-8 (trailing empty cells left out)
 *   the end:  'E', a LiaisonXlsOutcome
 *
 * A stream that stops before its end, breaks a limit below or comes from
 * a process that did not exit cleanly is a damaged workbook.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_XLS_MAGIC      0x4c584c31u  /* "LXL1" */
#define LIAISON_XLS_TAG_ROW    0x52u        /* 'R' */
#define LIAISON_XLS_TAG_END    0x45u        /* 'E' */

/* An .xls sheet has at most 256 columns; libfreexl counts them in a
 * guint16. A cell holds at most 32767 UTF-16 units, under 128 KiB of
 * UTF-8. */
#define LIAISON_XLS_MAX_COLUMNS     65535u
#define LIAISON_XLS_MAX_CELL_BYTES  (128u * 1024u)
/* Seconds of CPU the reader may use before the system stops it. */
#define LIAISON_XLS_MAX_CPU_SECONDS 60

typedef enum {
  LIAISON_XLS_OUTCOME_OK,
  LIAISON_XLS_OUTCOME_TOO_LARGE,
  LIAISON_XLS_OUTCOME_NOT_XLS,
  LIAISON_XLS_OUTCOME_ENCODING,
  LIAISON_XLS_OUTCOME_NO_SHEET,
  LIAISON_XLS_OUTCOME_DAMAGED,
  LIAISON_XLS_OUTCOME_PASSWORD,
  LIAISON_XLS_OUTCOME_TOO_MANY_CELLS,
  LIAISON_XLS_N_OUTCOMES
} LiaisonXlsOutcome;

G_END_DECLS
