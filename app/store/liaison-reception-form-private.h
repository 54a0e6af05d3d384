/* liaison-reception-form-private.h: what the reception form's files (the
 * object, its fields, building and saving) share with each other and with
 * no one else. */
#pragma once

#include "liaison-reception-form.h"

G_BEGIN_DECLS

typedef struct {
  char     *name;
  char     *phone;
  char     *community;
  char     *party_size;
  gboolean  consent;
  gboolean  phone_hidden;  /* the stored phone may not show here: kept unless replaced */
} FormVisitor;

typedef struct {
  LiaisonSuggestion *saved;      /* the stored record, for its meta; NULL if new */
  char              *title;
  char              *content;
  char              *raised_by;  /* NULL: the first visitor's name */
  gint64             category_id;
} FormSuggestion;

struct _LiaisonReceptionForm
{
  GObject            parent_instance;

  /* the record being edited: id 0 until it is first saved */
  LiaisonRecordMeta  meta;
  gint64             station_id;

  /* what the clerk typed */
  char              *date;
  char              *time;
  LiaisonChannel     channel;
  char              *place;        /* the mobile desk's (流动办公桌) */
  char              *occasion;
  gint64             category_id;
  GArray            *deputy_ids;
  GPtrArray         *visitors;     /* FormVisitor * */
  char              *summary;
  gboolean           handled_on_spot;
  char              *handling;
  GPtrArray         *suggestions;  /* FormSuggestion * */
  GPtrArray         *files;        /* LiaisonReceptionFile *; a new one holds its bytes */

  /* the form as loaded or last saved, to tell whether it changed */
  char              *clean_snapshot;
  GPtrArray         *field_errors;  /* LiaisonFieldError *, of the last save */
};

/* A new visitor: party size "1". */
FormVisitor       *liaison_form_visitor_new      (void);
void               liaison_form_meta_copy        (LiaisonRecordMeta       *dest,
                                                  const LiaisonRecordMeta *src);
LiaisonSuggestion *liaison_form_suggestion_copy  (const LiaisonSuggestion *suggestion);
/* Sets @field to a copy of @value ("" for NULL), if it differs. */
void               liaison_form_set_string       (char       **field,
                                                  const char  *value);
/* NULL, or nothing but spaces (full-width ones too). */

G_END_DECLS
