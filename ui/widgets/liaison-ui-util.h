/* liaison-ui-util.h: small pieces the pages, detail panes and the window
 * share. Each takes the widgets it acts on. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

char                 *liaison_ui_normalize_date        (const char          *text);
char                 *liaison_ui_get_search_text       (GtkSearchEntry      *search_entry);
char                 *liaison_ui_editable_get_trimmed  (GtkEditable         *editable);
char                 *liaison_ui_format_local          (GDateTime           *at);
char                 *liaison_ui_format_utc            (const char          *utc);
char                 *liaison_ui_text_view_get_text    (GtkTextView         *view);
void                  liaison_ui_dispose_bin_template  (AdwBin              *bin,
                                                        GType                type);

/* List pages */
GtkSingleSelection   *liaison_ui_list_view_init        (GtkListView         *list_view,
                                                        GListModel          *model,
                                                        GCallback            setup_row_cb,
                                                        GCallback            bind_row_cb);
GtkWidget            *liaison_ui_add_row_label         (GtkWidget           *row,
                                                        GtkBox              *box,
                                                        const char          *key,
                                                        const char          *css_class,
                                                        int                  max_width_chars);
void                  liaison_ui_set_row_text          (GtkWidget           *row,
                                                        const char          *key,
                                                        const char          *text);
void                  liaison_ui_clear_row_texts       (GtkWidget           *row,
                                                        const char * const  *keys);
void                  liaison_ui_show_list_content     (GtkStack            *content_stack,
                                                        AdwStatusPage       *error_page,
                                                        guint                n_items,
                                                        const GError        *error,
                                                        gboolean             filtering);
void                  liaison_ui_show_paged_content    (GtkStack            *content_stack,
                                                        AdwStatusPage       *error_page,
                                                        GtkSingleSelection  *selection,
                                                        gboolean             filtering);

/* List and detail in a leaflet */
void                  liaison_ui_leaflet_bind_folded   (AdwLeaflet          *leaflet,
                                                        GtkListView         *list_view);
void                  liaison_ui_leaflet_open          (AdwLeaflet          *leaflet,
                                                        GtkSingleSelection  *selection,
                                                        guint                position);
void                  liaison_ui_leaflet_back          (AdwLeaflet          *leaflet);
void                  liaison_ui_leaflet_focus_search  (AdwLeaflet          *leaflet,
                                                        GtkSearchEntry      *search_entry);
gint64                liaison_ui_get_selected_id       (GtkSingleSelection  *selection);
void                  liaison_ui_select_record         (GtkSingleSelection  *selection,
                                                        GtkListView         *list_view,
                                                        gint64               id,
                                                        guint                position);

/* Detail panes */
void                  liaison_ui_show_load_error       (GtkStack            *stack,
                                                        AdwStatusPage       *error_page,
                                                        const GError        *error);
void                  liaison_ui_show_sync_state       (GtkLabel            *state_label,
                                                        GtkLabel            *error_label,
                                                        const LiaisonRecordMeta *meta,
                                                        gboolean             enrolled);
void                  liaison_ui_show_conflicts        (LiaisonStore        *store,
                                                        const char          *kind,
                                                        const char          *uuid,
                                                        AdwPreferencesGroup *group,
                                                        GtkListBox          *list);

/* Editors and dialogs */

/* Where the problems liaison_*_check() finds about one field show. */
typedef struct {
  const char *field;   /* LiaisonFieldError's field */
  GtkLabel   *label;   /* the message shows here */
  GtkWidget  *widget;  /* focused for it */
  gboolean    mark;    /* whether @widget takes the "error" style too */
} LiaisonUiFieldMessage;

GParamSpec           *liaison_ui_param_spec_store      (void);
void                  liaison_ui_dialog_class_add_keys (GtkWidgetClass      *widget_class,
                                                        const char          *save_action);
void                  liaison_ui_close_when_idle       (GtkWindow           *window);
void                  liaison_ui_show_message          (GtkLabel            *label,
                                                        GtkWidget           *field,
                                                        const char          *message);
void                  liaison_ui_show_field_errors     (GPtrArray           *errors,
                                                        const LiaisonUiFieldMessage *fields,
                                                        guint                n_fields,
                                                        GtkLabel            *other_label);
gint64                liaison_ui_id_at                 (GArray              *ids,
                                                        guint                position);
guint                 liaison_ui_id_position           (GArray              *ids,
                                                        gint64               id);
void                  liaison_ui_append_categories     (LiaisonStore        *store,
                                                        const char          *first_label,
                                                        GtkStringList       *names,
                                                        GArray              *ids);
void                  liaison_ui_deputies_here_first   (LiaisonStore        *store,
                                                        GPtrArray           *deputies);
void                  liaison_ui_append_deputies       (LiaisonStore        *store,
                                                        gboolean             with_station,
                                                        GtkStringList       *names,
                                                        GArray              *ids,
                                                        GPtrArray           *uuids);

/* CSV files */
GtkFileChooserNative *liaison_ui_csv_chooser_new       (const char          *title,
                                                        GtkWindow           *parent,
                                                        GtkFileChooserAction action,
                                                        const char          *accept_label,
                                                        gboolean             all_files);
GFile                *liaison_ui_csv_chooser_finish    (GtkNativeDialog     *native,
                                                        int                  response);

G_END_DECLS
