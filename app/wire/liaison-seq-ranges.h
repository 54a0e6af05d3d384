/* liaison-seq-ranges.h: sets of change-feed sequence numbers, as ranges.
 *
 * A station tells headquarters which changes of the feed it holds already
 * (those its own pushes wrote) with "skip=FIRST-LAST,FIRST-LAST" on a pull
 * (docs/sync-protocol.md); both ends read and write that text here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many ranges in one pull request. */
#define LIAISON_MAX_SKIP_RANGES 64

typedef struct {
  gint64 first;
  gint64 last;   /* inclusive */
} LiaisonSeqRange;

/* A new, empty set: a GArray of LiaisonSeqRange, kept sorted and merged. */
GArray   *liaison_seq_ranges_new      (void);
/* Adds [@first, @last] (@first <= @last), merging neighbours. */
void      liaison_seq_ranges_add      (GArray      *ranges,
                                       gint64       first,
                                       gint64       last);
/* Forgets every number up to @seq. */
void      liaison_seq_ranges_drop_to  (GArray      *ranges,
                                       gint64       seq);
gboolean  liaison_seq_ranges_contains (GArray      *ranges,
                                       gint64       seq);
/* How many numbers above @since the set holds, at most @cap. */
gint64    liaison_seq_ranges_count_above (GArray   *ranges,
                                          gint64    since,
                                          gint64    cap);
/* "1-500,720-720": the first @max ranges; "" for none. */
char     *liaison_seq_ranges_format   (GArray      *ranges,
                                       guint        max);
/* Reads what _format() wrote (NULL or "" is the empty set): positive
 * numbers, FIRST <= LAST, at most LIAISON_MAX_SKIP_RANGES ranges. NULL
 * with G_IO_ERROR_INVALID_DATA otherwise. */
GArray   *liaison_seq_ranges_parse    (const char  *text,
                                       GError     **error);

G_END_DECLS
