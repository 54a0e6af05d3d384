/* liaison-wire-schema-private.h: the shapes of the wire's record kinds,
 * shared by the schema's tables (liaison-wire-kinds.c) and its check
 * (liaison-wire-schema.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FIELD_TEXT,           /* a non-empty string */
  FIELD_TEXT_OR_NULL,   /* a string (maybe empty) or null */
  FIELD_UUID,
  FIELD_UUID_OR_NULL,
  FIELD_INT,
  FIELD_BOOL,
  FIELD_UUID_ARRAY,
  FIELD_VISITORS,
  FIELD_STATION_KIND,
  FIELD_DEPUTY_LEVEL,
  FIELD_CHANNEL,
  FIELD_UNIT_KIND,
  FIELD_LOOP_KIND,
  FIELD_LOOP_STATUS,
  FIELD_LOCAL_DATETIME, /* a reception's time, as liaison_normalize_datetime() reads it */
  FIELD_WIRE_TIME,      /* YYYY-MM-DDTHH:MM:SSZ */
  FIELD_PARTY_SIZE,     /* 1 to LIAISON_MAX_PARTY_SIZE */
  FIELD_POSITION,       /* 0 to G_MAXINT32 */
  FIELD_DATE,           /* a real date YYYY-MM-DD */
  FIELD_DATE_OR_NULL,   /* a date, "" or null */
  FIELD_WIRE_TIME_OR_NULL, /* YYYY-MM-DDTHH:MM:SSZ, "" or null */
  FIELD_ACTIVITY_KIND,
  FIELD_ATTENDANCE,
  FIELD_ATTENDEES,      /* objects of liaison_wire_attendee_fields, each deputy once */
  FIELD_SHA256,         /* 64 lowercase hex digits */
  FIELD_FILE_SIZE,      /* 1 to LIAISON_WIRE_MAX_FILE_BYTES */
  FIELD_FILES,          /* objects of liaison_wire_file_fields, each hash once */
} FieldType;

typedef struct {
  const char *name;
  FieldType   type;
  gboolean    required;  /* may not be missing (a null still needs _OR_NULL) */
  guint       max_chars; /* a text's limit in characters, 0 for none */
} FieldSpec;

typedef struct {
  const char      *kind;
  const FieldSpec *fields;
  /* the data members the loop's decoder reads, or NULL */
  gboolean       (*also_known) (const char *member);
} KindSpec;

/* The kinds, in no particular order; NULL for an unknown kind. */
const KindSpec *liaison_wire_kind_spec (const char *kind);

extern const FieldSpec liaison_wire_visitor_fields[];
extern const FieldSpec liaison_wire_attendee_fields[];
extern const FieldSpec liaison_wire_file_fields[];

G_END_DECLS
