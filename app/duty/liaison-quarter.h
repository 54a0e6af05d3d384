/* liaison-quarter.h: a calendar quarter (季度), the period points are
 * totalled and announced for (docs/duty-record.md, "Quarters and ranking").
 *
 * Written "2025Q1" wherever it is stored, typed or sent; "2025年第一季度"
 * in the reports.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_QUARTER_ERROR (liaison_quarter_error_quark ())
GQuark liaison_quarter_error_quark (void);

typedef enum {
  LIAISON_QUARTER_ERROR_INVALID,
} LiaisonQuarterError;

typedef struct {
  int year;     /* 1..9999 */
  int quarter;  /* 1..4 */
} LiaisonQuarter;

gboolean liaison_quarter_is_valid   (LiaisonQuarter  quarter);
/* "2025Q1", "2025q1" or "2025-Q1", with white space around; anything else
 * fails with a translated message that quotes @text. */
gboolean liaison_quarter_parse      (const char     *text,
                                     LiaisonQuarter *quarter,
                                     GError        **error);
/* The quarter a "YYYY-MM-DD" day falls in; FALSE if it is not a real day. */
gboolean liaison_quarter_from_date  (const char     *date,
                                     LiaisonQuarter *quarter);
gboolean liaison_quarter_from_gdate (const GDate    *date,
                                     LiaisonQuarter *quarter);
/* "2025Q1". */
char    *liaison_quarter_format     (LiaisonQuarter  quarter);
/* "2025年第一季度", whatever the language: the words of the reports. */
char    *liaison_quarter_to_chinese (LiaisonQuarter  quarter);
/* "2025, first quarter" in the user's language, for the desk. */
char    *liaison_quarter_label      (LiaisonQuarter  quarter);
/* Its first and last day, into @date or as "YYYY-MM-DD". */
void     liaison_quarter_first_day  (LiaisonQuarter  quarter,
                                     GDate          *date);
void     liaison_quarter_last_day   (LiaisonQuarter  quarter,
                                     GDate          *date);
char    *liaison_quarter_first_iso  (LiaisonQuarter  quarter);
char    *liaison_quarter_last_iso   (LiaisonQuarter  quarter);
/* TRUE if the "YYYY-MM-DD" day falls in @quarter. */
gboolean liaison_quarter_contains   (LiaisonQuarter  quarter,
                                     const char     *date);
/* Negative, zero or positive as @a is before, the same as or after @b. */
int      liaison_quarter_compare    (LiaisonQuarter  a,
                                     LiaisonQuarter  b);
LiaisonQuarter liaison_quarter_next     (LiaisonQuarter quarter);
LiaisonQuarter liaison_quarter_previous (LiaisonQuarter quarter);

G_END_DECLS
