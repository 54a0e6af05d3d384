/* liaison-points-report.c: the quarterly group report gathered from the
 * store, scored and ranked, and written whole or not at all. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-points-report.h"
#include "liaison-store-duty.h"
#include "liaison-store-points-rules.h"
#include "liaison-store-quarter.h"
#include "liaison-whole-file.h"

G_DEFINE_QUARK (liaison-points-report-error-quark, liaison_points_report_error)

const char *const liaison_points_report_columns[LIAISON_POINTS_REPORT_N_COLUMNS] = {
  "代表小组", "排名", "姓名", "积分", "履职天数",
  [5 + LIAISON_POINTS_COUNT_SESSION_ATTENDED] = "出席人代会",
  [5 + LIAISON_POINTS_COUNT_SESSION_ABSENT] = "缺席人代会",
  [5 + LIAISON_POINTS_COUNT_STANDING] = "列席常委会",
  [5 + LIAISON_POINTS_COUNT_RESEARCH] = "调研视察",
  [5 + LIAISON_POINTS_COUNT_ACTIVITIES] = "活动培训",
  [5 + LIAISON_POINTS_COUNT_STATION_DUTY] = "进站履职",
  [5 + LIAISON_POINTS_COUNT_RECEPTIONS] = "接待群众",
  [5 + LIAISON_POINTS_COUNT_TAKE_UPS] = "领办建议",
  [5 + LIAISON_POINTS_COUNT_FILED] = "提出议案建议",
};

/* The column a rule's lines are counted in; -1: none (the closing bonus,
 * counted with its take-up's points only). */
static int
count_for_rule (LiaisonPointsRule rule)
{
  switch (rule)
    {
    case LIAISON_POINTS_RULE_CONGRESS_SESSION_ATTENDED:  return LIAISON_POINTS_COUNT_SESSION_ATTENDED;
    case LIAISON_POINTS_RULE_CONGRESS_SESSION_ABSENT:    return LIAISON_POINTS_COUNT_SESSION_ABSENT;
    case LIAISON_POINTS_RULE_STANDING_COMMITTEE:         return LIAISON_POINTS_COUNT_STANDING;
    case LIAISON_POINTS_RULE_RESEARCH:
    case LIAISON_POINTS_RULE_INSPECTION:
    case LIAISON_POINTS_RULE_LAW_ENFORCEMENT_INSPECTION: return LIAISON_POINTS_COUNT_RESEARCH;
    case LIAISON_POINTS_RULE_THEME_ACTIVITY:
    case LIAISON_POINTS_RULE_GROUP_ACTIVITY:
    case LIAISON_POINTS_RULE_TRAINING:
    case LIAISON_POINTS_RULE_OTHER:                      return LIAISON_POINTS_COUNT_ACTIVITIES;
    case LIAISON_POINTS_RULE_STATION_DUTY_DAY:           return LIAISON_POINTS_COUNT_STATION_DUTY;
    case LIAISON_POINTS_RULE_RECEPTION_HOSTED:           return LIAISON_POINTS_COUNT_RECEPTIONS;
    case LIAISON_POINTS_RULE_TAKE_UP:                    return LIAISON_POINTS_COUNT_TAKE_UPS;
    case LIAISON_POINTS_RULE_MOTION_FIRST_SIGNER:
    case LIAISON_POINTS_RULE_SUGGESTION_FIRST_SIGNER:
    case LIAISON_POINTS_RULE_CO_SIGNER:                  return LIAISON_POINTS_COUNT_FILED;
    case LIAISON_POINTS_RULE_CONGRESS_SESSION_LEAVE:
    case LIAISON_POINTS_RULE_CLOSED_SATISFIED:
    case LIAISON_N_POINTS_RULES:
    default:
      return -1;
    }
}

gboolean
liaison_points_report_format_for_path (const char                *path,
                                       LiaisonPointsReportFormat *format,
                                       GError                   **error)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot != NULL && g_ascii_strcasecmp (dot, ".csv") == 0)
    *format = LIAISON_POINTS_REPORT_CSV;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".xlsx") == 0)
    *format = LIAISON_POINTS_REPORT_XLSX;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = LIAISON_POINTS_REPORT_PDF;
  else
    {
      g_set_error (error, LIAISON_POINTS_REPORT_ERROR, LIAISON_POINTS_REPORT_ERROR_FORMAT,
                   _("“%s” is not a .pdf, .xlsx or .csv file: name the report FILE.pdf, FILE.xlsx or FILE.csv."),
                   base);
      return FALSE;
    }
  return TRUE;
}

static void
row_free (LiaisonPointsReportRow *row)
{
  g_free (row);
}

static void
group_free (LiaisonPointsReportGroup *group)
{
  g_ptr_array_unref (group->rows);
  g_free (group);
}

static LiaisonPointsReportRow *
row_new (const LiaisonDeputyPoints *deputy)
{
  LiaisonPointsReportRow *row = g_new0 (LiaisonPointsReportRow, 1);

  row->deputy = deputy;
  for (guint i = 0; i < deputy->lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (deputy->lines, i);
      int count = count_for_rule (line->rule);

      /* A reception past the cap was still hosted; a second record of the
       * same station duty day, or a missed activity, is not an item. */
      if (count >= 0 && (line->status == LIAISON_POINTS_LINE_SCORED ||
                         line->status == LIAISON_POINTS_LINE_OVER_CAP))
        row->counts[count]++;
    }
  return row;
}

LiaisonPointsReport *
liaison_points_report_build (LiaisonStore   *store,
                             LiaisonQuarter  quarter,
                             const char     *group,
                             GError        **error)
{
  g_autoptr(LiaisonPointsReport) report = NULL;
  g_autofree char *quarter_words = NULL;
  gboolean group_known = (group == NULL);

  g_return_val_if_fail (liaison_quarter_is_valid (quarter), NULL);

  if (group != NULL)
    {
      g_autoptr(GPtrArray) known = liaison_store_list_deputy_groups (store, error);

      if (known == NULL)
        return NULL;
      for (guint i = 0; i < known->len && !group_known; i++)
        group_known = g_strcmp0 (((LiaisonDeputyGroup *) g_ptr_array_index (known, i))->name, group) == 0;
      if (!group_known)
        {
          g_set_error (error, LIAISON_POINTS_REPORT_ERROR, LIAISON_POINTS_REPORT_ERROR_NO_GROUP,
                       _("There is no deputy group named “%s”: nothing was written."), group);
          return NULL;
        }
    }

  report = g_new0 (LiaisonPointsReport, 1);
  report->quarter = quarter;
  quarter_words = liaison_quarter_to_chinese (quarter);
  report->title = g_strconcat (quarter_words, " 代表履职积分通报", NULL);
  report->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  /* Deputies in no group are announced in no group's report. */
  report->score = liaison_store_score_quarter (store, quarter, TRUE, group, error);
  if (report->score == NULL)
    return NULL;

  for (guint g = 0; g < report->score->groups->len; g++)
    {
      LiaisonPointsReportGroup *section = g_new0 (LiaisonPointsReportGroup, 1);

      section->group = g_ptr_array_index (report->score->groups, g);
      section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      for (guint d = 0; d < section->group->deputies->len; d++)
        g_ptr_array_add (section->rows, row_new (g_ptr_array_index (section->group->deputies, d)));
      g_ptr_array_add (report->groups, section);
    }
  if (!liaison_points_report_add_closed (store, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

double
liaison_points_report_value (LiaisonPoints points)
{
  return (double) points / LIAISON_POINTS_ONE;
}

typedef struct {
  const LiaisonPointsReport *report;
  LiaisonPointsReportFormat  format;
} WriteJob;

static gboolean
write_report (const char  *temporary,
              gpointer     user_data,
              GError     **error)
{
  const WriteJob *job = user_data;

  switch (job->format)
    {
    case LIAISON_POINTS_REPORT_CSV:
      {
        gsize length = 0;
        g_autofree char *text = liaison_points_report_to_csv (job->report, &length);

        return g_file_set_contents (temporary, text, (gssize) length, error);
      }
    case LIAISON_POINTS_REPORT_XLSX:
      return liaison_points_report_write_xlsx (job->report, temporary, error);
    case LIAISON_POINTS_REPORT_PDF:
    default:
      return liaison_points_report_write_pdf (job->report, temporary, error);
    }
}

gboolean
liaison_points_report_write (const LiaisonPointsReport *report,
                             const char                *path,
                             LiaisonPointsReportFormat  format,
                             GError                   **error)
{
  WriteJob job = { report, format };
  g_autoptr(GError) local_error = NULL;

  if (!liaison_write_whole_file (path, write_report, &job, &local_error))
    {
      g_set_error_literal (error, LIAISON_POINTS_REPORT_ERROR, LIAISON_POINTS_REPORT_ERROR_IO,
                           local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
liaison_points_report_free (LiaisonPointsReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_clear_pointer (&report->groups, g_ptr_array_unref);
  g_clear_pointer (&report->score, liaison_points_score_free);
  g_clear_pointer (&report->closed, liaison_points_report_closed_free);
  g_free (report);
}
