/* liaison-test-ui.h: driving the real widgets under Xvfb: the main loop,
 * the widget tree and the windows on screen, and each case in a child
 * process of its own. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*LiaisonTestCondition) (gpointer data);

gboolean   liaison_test_wait_until         (LiaisonTestCondition  condition,
                                            gpointer              data);
void       liaison_test_spin               (guint                 ms);
gboolean   liaison_test_is_mapped          (gpointer              widget);

/* Whether @widget is the one sought, with the caller's @data. */
typedef gboolean (*LiaisonTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);

GtkWidget *liaison_test_find_widget        (GtkWidget            *root,
                                            LiaisonTestWidgetMatch match,
                                            gconstpointer         data);
guint      liaison_test_count_widgets      (GtkWidget            *root,
                                            LiaisonTestWidgetMatch match,
                                            gconstpointer         data);
gboolean   liaison_test_has_name           (GtkWidget            *widget,
                                            gconstpointer         name);
GtkWidget *liaison_test_find_by_id         (GtkWidget            *root,
                                            const char           *id);
GtkWidget *liaison_test_find_by_name       (GtkWidget            *root,
                                            const char           *name);
GtkWidget *liaison_test_get_by_id          (GtkWidget            *root,
                                            const char           *id);
char      *liaison_test_text_under         (GtkWidget            *root);
guint      liaison_test_count_shown_labels (GtkWidget            *root,
                                            const char           *css_class);
void       liaison_test_assert_label       (GtkWidget            *root,
                                            const char           *id,
                                            const char           *text);
gboolean   liaison_test_action_enabled     (GtkWidget            *window,
                                            const char           *action);

GtkWidget *liaison_test_find_toplevel      (GType                 type);
gboolean   liaison_test_toplevel_is_mapped (gpointer              type);
gboolean   liaison_test_toplevel_is_gone   (gpointer              type);
GtkWidget *liaison_test_wait_for_toplevel  (GType                 type);
gboolean   liaison_test_wait_until_gone    (GType                 type);

void       liaison_test_add_ui_case        (const char           *path,
                                            void                (*run) (void));

G_END_DECLS
