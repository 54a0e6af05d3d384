/* liaison-duty-ui.h: what the duty record's windows share: a month shown
 * in a list, which kinds of activity this desk may record, and a window's
 * page under its header bar with toasts. */
#pragma once

#include <adwaita.h>

#include "liaison-activity.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* A month of a list: its first and last days as "YYYY-MM-DD", and its
 * heading ("December 2026", "2026年12月"). */
typedef struct {
  int year;
  int month;  /* 1 to 12 */
} LiaisonDutyMonth;

LiaisonDutyMonth liaison_duty_month_this   (void);
LiaisonDutyMonth liaison_duty_month_of     (const char        *date);
LiaisonDutyMonth liaison_duty_month_step   (LiaisonDutyMonth   month,
                                            int                delta);
char            *liaison_duty_month_first  (LiaisonDutyMonth   month);
char            *liaison_duty_month_last   (LiaisonDutyMonth   month);
char            *liaison_duty_month_title  (LiaisonDutyMonth   month);

/* Today, local, as "YYYY-MM-DD". */
char            *liaison_duty_today        (void);
/* "2026-12-05 Saturday" for a list row. */
char            *liaison_duty_day_label    (const char        *date);

/* Whether this desk records activities of @kind: headquarters any, a
 * station the kinds a station owns (liaison_activity_kind_owner()). */
gboolean         liaison_duty_desk_records (LiaisonStore        *store,
                                            LiaisonActivityKind  kind);

/* A box of "previous month", the month's heading (into @title), "next
 * month"; the buttons step *@month and call @refresh with @data. */
GtkWidget       *liaison_duty_month_bar_new (LiaisonDutyMonth  *month,
                                             GtkLabel         **title,
                                             GCallback          refresh,
                                             gpointer           data);

/* A month's list: appends to @box a boxed list named @name and the
 * @empty_text label that stands in its place while it has no row. */
void             liaison_duty_month_list_add    (GtkBox            *box,
                                                 const char        *name,
                                                 const char        *empty_text,
                                                 GtkListBox       **list,
                                                 GtkLabel         **empty_label);
/* Starts filling it again: @title says @month, @list is emptied, and
 * @first and @last get the month's first and last days. */
void             liaison_duty_month_list_reset  (LiaisonDutyMonth   month,
                                                 GtkLabel          *title,
                                                 GtkListBox        *list,
                                                 char             **first,
                                                 char             **last);
/* Shows @list, or @empty_label while it has no row. */
void             liaison_duty_month_list_settle (GtkListBox        *list,
                                                 GtkLabel          *empty_label);

/* Shows @message (NULL hides it) in a dialog's message label, as an alert
 * a screen reader says. */
void             liaison_duty_show_message (GtkLabel          *label,
                                            const char        *message);

/* Makes @header above @page, in a toast overlay that fills the rest, the
 * content of @window (the activities list, the roster); the overlay. */
AdwToastOverlay *liaison_duty_window_set_page (AdwWindow      *window,
                                               GtkWidget      *header,
                                               GtkWidget      *page);

G_END_DECLS
