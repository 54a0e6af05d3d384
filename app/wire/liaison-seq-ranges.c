/* liaison-seq-ranges.c: sets of change-feed sequence numbers, as ranges. */
#define G_LOG_DOMAIN "liaison-seq-ranges"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "liaison-seq-ranges.h"

GArray *
liaison_seq_ranges_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (LiaisonSeqRange));
}

void
liaison_seq_ranges_add (GArray *ranges,
                        gint64  first,
                        gint64  last)
{
  LiaisonSeqRange added = { first, last };
  guint i = 0;

  g_return_if_fail (ranges != NULL);
  g_return_if_fail (first <= last);

  /* Skip the ranges that end before this one starts (and cannot join it). */
  while (i < ranges->len && g_array_index (ranges, LiaisonSeqRange, i).last < first - 1)
    i++;
  /* Swallow every range that touches or overlaps it. */
  while (i < ranges->len && g_array_index (ranges, LiaisonSeqRange, i).first <= last + 1)
    {
      LiaisonSeqRange *r = &g_array_index (ranges, LiaisonSeqRange, i);

      added.first = MIN (added.first, r->first);
      added.last = MAX (added.last, r->last);
      g_array_remove_index (ranges, i);
    }
  g_array_insert_val (ranges, i, added);
}

void
liaison_seq_ranges_drop_to (GArray *ranges,
                            gint64  seq)
{
  g_return_if_fail (ranges != NULL);

  while (ranges->len > 0 && g_array_index (ranges, LiaisonSeqRange, 0).last <= seq)
    g_array_remove_index (ranges, 0);
  if (ranges->len > 0 && g_array_index (ranges, LiaisonSeqRange, 0).first <= seq)
    g_array_index (ranges, LiaisonSeqRange, 0).first = seq + 1;
}

gboolean
liaison_seq_ranges_contains (GArray *ranges,
                             gint64  seq)
{
  guint low = 0;
  guint high;

  if (ranges == NULL)
    return FALSE;
  high = ranges->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      LiaisonSeqRange *r = &g_array_index (ranges, LiaisonSeqRange, mid);

      if (seq < r->first)
        high = mid;
      else if (seq > r->last)
        low = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

gint64
liaison_seq_ranges_count_above (GArray *ranges,
                                gint64  since,
                                gint64  cap)
{
  gint64 count = 0;

  if (ranges == NULL)
    return 0;
  for (guint i = 0; i < ranges->len && count < cap; i++)
    {
      LiaisonSeqRange *r = &g_array_index (ranges, LiaisonSeqRange, i);
      gint64 first = MAX (r->first, since + 1);

      if (r->last >= first)
        count += MIN (r->last - first, cap) + 1;  /* no overflow on a huge range */
    }
  return MIN (count, cap);
}

char *
liaison_seq_ranges_format (GArray *ranges,
                           guint   max)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ranges != NULL && i < ranges->len && i < max; i++)
    {
      LiaisonSeqRange *r = &g_array_index (ranges, LiaisonSeqRange, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                              i > 0 ? "," : "", r->first, r->last);
    }
  return g_string_free (out, FALSE);
}

GArray *
liaison_seq_ranges_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(GArray) ranges = liaison_seq_ranges_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL || text[0] == '\0')
    return g_steal_pointer (&ranges);

  parts = g_strsplit (text, ",", LIAISON_MAX_SKIP_RANGES + 1);
  if (g_strv_length (parts) > LIAISON_MAX_SKIP_RANGES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "skip may list at most %d ranges", LIAISON_MAX_SKIP_RANGES);
      return NULL;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *dash = strchr (parts[i], '-');
      g_autofree char *first_text = dash != NULL ? g_strndup (parts[i], (gsize) (dash - parts[i])) : NULL;
      guint64 first = 0;
      guint64 last = 0;

      if (dash == NULL ||
          !g_ascii_string_to_unsigned (first_text, 10, 1, G_MAXINT64, &first, NULL) ||
          !g_ascii_string_to_unsigned (dash + 1, 10, first, G_MAXINT64, &last, NULL))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "skip must be ranges FIRST-LAST of positive sequence numbers, "
                               "separated by commas");
          return NULL;
        }
      liaison_seq_ranges_add (ranges, (gint64) first, (gint64) last);
    }
  return g_steal_pointer (&ranges);
}
