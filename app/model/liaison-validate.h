/* liaison-validate.h: the rules a record must pass before it is written.
 *
 * Each failure names the field it belongs to, so that a form can show the
 * message beside that field. Messages are translated.
 */
#pragma once

#include "liaison-records.h"

G_BEGIN_DECLS

#define LIAISON_VALIDATION_ERROR (liaison_validation_error_quark ())
GQuark liaison_validation_error_quark (void);

typedef enum {
  LIAISON_VALIDATION_ERROR_INVALID,
} LiaisonValidationError;

/* Length limits, in characters (not bytes). */
#define LIAISON_MAX_NAME_CHARS      40
#define LIAISON_MAX_COMMUNITY_CHARS 60
#define LIAISON_MAX_TITLE_CHARS     100
#define LIAISON_MAX_ADDRESS_CHARS   200
#define LIAISON_MAX_SUMMARY_CHARS   2000
#define LIAISON_MAX_HANDLING_CHARS  2000
#define LIAISON_MAX_CONTENT_CHARS   4000
#define LIAISON_MAX_PLACE_CHARS     100
#define LIAISON_MAX_OCCASION_CHARS  60
#define LIAISON_MAX_PARTY_SIZE      500

typedef struct {
  char *field;    /* "received_at", "visitor.0.phone", "suggestion.1.title" ... */
  char *message;  /* translated, for the user */
} LiaisonFieldError;

void       liaison_field_error_free (LiaisonFieldError *error);
/* An empty list of LiaisonFieldError, and adding one to it. */
GPtrArray *liaison_field_errors_new (void);
void       liaison_field_errors_add (GPtrArray  *errors,
                                     const char *field,
                                     const char *format,
                                     ...) G_GNUC_PRINTF (3, 4);

/* A mainland mobile number (11 digits, 1[3-9]...) or a landline with its
 * area code (0xx-xxxxxxxx, 0xxx-xxxxxxx, dash or space optional). */
gboolean liaison_phone_is_valid   (const char *phone);
/* NULL, empty, or only white space (any Unicode space, 　 too). */
gboolean liaison_text_is_blank    (const char *text);
/* A copy of @text's first @n_chars characters, or of all of it when it is
 * shorter; it never reads past @text's end (GLib 2.74's g_utf8_substring()
 * does, when the end asked for lies past it). */
char     *liaison_utf8_head        (const char *text,
                                    gsize       n_chars);

/* Any spelling liaison_normalize_datetime() accepts, as a local GDateTime;
 * NULL if it is not a real calendar date and time. */
GDateTime *liaison_parse_local_datetime (const char *text);
/* Accepts 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 and an optional
 * time; returns "YYYY-MM-DD HH:MM" or NULL. */
char     *liaison_normalize_datetime (const char *text);

/* Returns every problem found, in form order; an empty array if none.
 * @now decides what "in the future" means. */
GPtrArray *liaison_reception_check  (const LiaisonReception  *reception,
                                     GDateTime               *now);
GPtrArray *liaison_suggestion_check (const LiaisonSuggestion *suggestion,
                                     const char              *field_prefix);
GPtrArray *liaison_deputy_check     (const LiaisonDeputy     *deputy);

/* Sets @error from the first problem, "field: message". */
gboolean  liaison_field_errors_to_error (GPtrArray *field_errors,
                                         GError   **error);

G_END_DECLS
