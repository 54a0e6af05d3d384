/* liaison-points-closed.c: a closed quarter's section of the quarterly
 * report (docs/duty-record.md, "Closing a quarter"): each deputy's points
 * as frozen when the quarter was closed against today's, the lines that
 * changed, and the corrections that changed them, with their reason, who
 * and when. The words are Chinese, as the rest of the report's. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include "liaison-points-report.h"
#include "liaison-store-duty.h"
#include "liaison-store-quarter.h"

static void
line_free (LiaisonPointsReportLine *line)
{
  if (line == NULL)
    return;
  g_strfreev (line->cells);
  g_free (line);
}

void
liaison_points_report_closed_free (LiaisonPointsReportClosed *closed)
{
  if (closed == NULL)
    return;
  g_free (closed->closed_at);
  g_free (closed->closed_by);
  g_clear_pointer (&closed->diff, liaison_quarter_diff_free);
  g_clear_pointer (&closed->corrections, g_ptr_array_unref);
  g_clear_pointer (&closed->lines, g_ptr_array_unref);
  g_free (closed);
}

/* The bits of LiaisonPointsReportLine's numbers and dates. */
#define COLUMN(c) (1u << (c))

/* Adds a line of @kind, its @numbers and @dates columns; the cells are
 * taken, up to a NULL. */
static void
add_line (GPtrArray                   *lines,
          LiaisonPointsReportLineKind  kind,
          guint                        numbers,
          guint                        dates,
          ...)
{
  LiaisonPointsReportLine *line = g_new0 (LiaisonPointsReportLine, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  char *cell;

  va_start (args, dates);
  while ((cell = va_arg (args, char *)) != NULL)
    {
      g_strv_builder_add (builder, cell);
      g_free (cell);
    }
  va_end (args);
  line->kind = kind;
  line->numbers = numbers;
  line->dates = dates;
  line->cells = g_strv_builder_end (builder);
  g_ptr_array_add (lines, line);
}

static char *
points_change (LiaisonPoints frozen,
               LiaisonPoints live)
{
  return frozen == live ? g_strdup ("0") : liaison_points_format_signed (live - frozen);
}

/* "YYYY-MM-DD HH:MM" in local time, as a desk reads it. */
static char *
local_time (const char *utc)
{
  g_autoptr(GDateTime) at = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (utc != NULL ? utc : "");
}

static const char *
change_words (LiaisonSnapshotChangeKind change)
{
  switch (change)
    {
    case LIAISON_SNAPSHOT_CHANGE_ADDED:
      return "新增";
    case LIAISON_SNAPSHOT_CHANGE_REMOVED:
      return "删除";
    case LIAISON_SNAPSHOT_CHANGE_CHANGED:
    default:
      return "更改";
    }
}

/* 代表小组, 姓名, then numbers. */
#define DEPUTY_NUMBERS (COLUMN (2) | COLUMN (3) | COLUMN (4) | COLUMN (5) | COLUMN (6))

/* A table with nothing in it says so, under its first column: 无. */
static void
add_none_line (GPtrArray *lines,
               guint      n_columns)
{
  LiaisonPointsReportLine *line = g_new0 (LiaisonPointsReportLine, 1);

  line->kind = LIAISON_POINTS_REPORT_LINE_ROW;
  line->cells = g_new0 (char *, n_columns + 1);
  line->cells[0] = g_strdup ("无");
  for (guint c = 1; c < n_columns; c++)
    line->cells[c] = g_strdup ("");
  g_ptr_array_add (lines, line);
}

static void
add_deputy_lines (LiaisonPointsReportClosed *closed,
                  const LiaisonPointsReport *report)
{
  add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_HEADER, DEPUTY_NUMBERS, 0,
            g_strdup ("代表小组"), g_strdup ("姓名"),
            g_strdup ("关账积分"), g_strdup ("现积分"), g_strdup ("变化"), g_strdup ("关账履职天数"),
            g_strdup ("现履职天数"), NULL);
  for (guint g = 0; g < report->groups->len; g++)
    {
      const LiaisonPointsReportGroup *section = g_ptr_array_index (report->groups, g);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const LiaisonPointsReportRow *row = g_ptr_array_index (section->rows, r);
          const LiaisonSnapshotDeputyDiff *change = row->change;

          add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_ROW, DEPUTY_NUMBERS, 0,
                    g_strdup (section->group->group),
                    g_strdup (row->deputy->name), liaison_points_format (change->frozen_total),
                    liaison_points_format (change->live_total), points_change (change->frozen_total, change->live_total),
                    g_strdup_printf ("%u", change->frozen_duty_days), g_strdup_printf ("%u", change->live_duty_days),
                    NULL);
        }
    }
}

/* 姓名, 变动, 项目, 日期, 积分规则, then the points then and now. */
#define CHANGE_NUMBERS (COLUMN (5) | COLUMN (6))
#define CHANGE_DATES   COLUMN (3)

static void
add_change_lines (LiaisonPointsReportClosed *closed,
                  const LiaisonPointsReport *report)
{
  guint n_before;

  add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_HEADER, CHANGE_NUMBERS, CHANGE_DATES,
            g_strdup ("姓名"), g_strdup ("变动"),
            g_strdup ("项目"), g_strdup ("日期"), g_strdup ("积分规则"), g_strdup ("关账时积分"),
            g_strdup ("现积分"), NULL);
  n_before = closed->lines->len;
  for (guint g = 0; g < report->groups->len; g++)
    {
      const LiaisonPointsReportGroup *section = g_ptr_array_index (report->groups, g);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const LiaisonPointsReportRow *row = g_ptr_array_index (section->rows, r);

          for (guint c = 0; c < row->change->changes->len; c++)
            {
              const LiaisonSnapshotChange *change = g_ptr_array_index (row->change->changes, c);
              const LiaisonSnapshotLine *line = change->live != NULL ? change->live : change->frozen;

              add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_ROW, CHANGE_NUMBERS, CHANGE_DATES,
                        g_strdup (row->deputy->name),
                        g_strdup (change_words (change->change)), g_strdup (line->title), g_strdup (line->date),
                        g_strdup (liaison_points_rule_chinese (line->rule)),
                        change->frozen != NULL ? liaison_points_format (change->frozen->points) : g_strdup (""),
                        change->live != NULL ? liaison_points_format (change->live->points) : g_strdup (""),
                        NULL);
            }
        }
    }
  if (closed->lines->len == n_before)
    add_none_line (closed->lines, 7);
}

/* 更正的活动, 日期, 更正理由, 更正人, 更正时间. */
#define CORRECTION_DATES (COLUMN (1) | COLUMN (4))

static void
add_correction_lines (LiaisonPointsReportClosed *closed)
{
  add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_HEADER, 0, CORRECTION_DATES,
            g_strdup ("更正的活动"), g_strdup ("日期"),
            g_strdup ("更正理由"), g_strdup ("更正人"), g_strdup ("更正时间"), NULL);
  for (guint i = 0; i < closed->corrections->len; i++)
    {
      const LiaisonActivity *activity = g_ptr_array_index (closed->corrections, i);

      add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_ROW, 0, CORRECTION_DATES,
                activity->meta.deleted ? g_strconcat (activity->title, "（已删除）", NULL) : g_strdup (activity->title),
                g_strdup (activity->date), g_strdup (activity->correction_reason),
                g_strdup (activity->corrected_by != NULL ? activity->corrected_by : ""),
                local_time (activity->corrected_at), NULL);
    }
  if (closed->corrections->len == 0)
    add_none_line (closed->lines, 5);
}

gboolean
liaison_points_report_add_closed (LiaisonStore        *store,
                                  LiaisonPointsReport *report,
                                  GError             **error)
{
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(LiaisonQuarterSnapshot) live = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *closed_at = NULL;
  LiaisonPointsReportClosed *closed;

  close = liaison_store_get_quarter_close (store, report->quarter, &local_error);
  if (close == NULL)
    {
      if (g_error_matches (local_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  closed = report->closed = g_new0 (LiaisonPointsReportClosed, 1);
  closed->closed_at = g_strdup (close->closed_at);
  closed->closed_by = g_strdup (close->closed_by);
  closed->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  live = liaison_quarter_snapshot_new_from_score (report->score, report->quarter);
  closed->diff = liaison_quarter_diff_new (close->snapshot, live);
  for (guint g = 0; g < report->groups->len; g++)
    {
      const LiaisonPointsReportGroup *section = g_ptr_array_index (report->groups, g);

      for (guint r = 0; r < section->rows->len; r++)
        {
          LiaisonPointsReportRow *row = g_ptr_array_index (section->rows, r);

          row->change = liaison_quarter_diff_find (closed->diff, row->deputy->deputy_uuid);
        }
    }

  from = liaison_quarter_first_iso (report->quarter);
  to = liaison_quarter_last_iso (report->quarter);
  closed->corrections = liaison_store_list_corrections (store, from, to, close->closed_at, error);
  if (closed->corrections == NULL)
    return FALSE;

  closed_at = local_time (close->closed_at);
  add_line (closed->lines, LIAISON_POINTS_REPORT_LINE_TITLE, 0, 0,
            g_strdup_printf ("本季度已于 %s 关账（%s）；以下为关账时冻结的积分与此后的更正", closed_at,
                             close->closed_by != NULL && *close->closed_by != '\0' ? close->closed_by : "总部"),
            NULL);
  add_deputy_lines (closed, report);
  add_change_lines (closed, report);
  add_correction_lines (closed);
  return TRUE;
}
