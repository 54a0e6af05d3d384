/* liaison-codes.h: enums that have a stable code (stored, sent, written to
 * CSV) and a translated label. Private to the core's .c files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;
  const char *label;     /* msgid */
  const char *label_zh;  /* accepted on input whatever the locale; may be NULL */
} LiaisonCodeLabel;

/* Finds @text (trimmed) in @table: the code (any case), and with
 * @accept_labels also the English label, the zh_CN label and the label in
 * the current language. */
gboolean liaison_code_label_find (const LiaisonCodeLabel *table,
                                  guint                   n,
                                  const char             *text,
                                  gboolean                accept_labels,
                                  guint                  *index);

/* Defines prefix_to_code, prefix_label and prefix_from_code for an enum
 * whose values index @table. */
#define LIAISON_DEFINE_CODES(Type, prefix, table)                             \
  const char *                                                                \
  prefix##_to_code (Type value)                                               \
  {                                                                           \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);        \
    return table[value].code;                                                 \
  }                                                                           \
  const char *                                                                \
  prefix##_label (Type value)                                                 \
  {                                                                           \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);        \
    return g_dgettext (GETTEXT_PACKAGE, table[value].label);                  \
  }                                                                           \
  gboolean                                                                    \
  prefix##_from_code (const char *code, Type *value)                          \
  {                                                                           \
    guint i;                                                                  \
    if (!liaison_code_label_find (table, G_N_ELEMENTS (table), code, FALSE, &i)) \
      return FALSE;                                                           \
    *value = (Type) i;                                                        \
    return TRUE;                                                              \
  }

/* Defines prefix_parse, which also accepts the labels. */
#define LIAISON_DEFINE_PARSE(Type, prefix, table)                             \
  gboolean                                                                    \
  prefix##_parse (const char *text, Type *value)                              \
  {                                                                           \
    guint i;                                                                  \
    if (!liaison_code_label_find (table, G_N_ELEMENTS (table), text, TRUE, &i)) \
      return FALSE;                                                           \
    *value = (Type) i;                                                        \
    return TRUE;                                                              \
  }

G_END_DECLS
