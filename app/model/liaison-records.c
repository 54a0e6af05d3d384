/* liaison-records.c: codes, labels and memory of the record structs. */
#define G_LOG_DOMAIN "liaison-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-codes.h"
#include "liaison-records.h"

static const LiaisonCodeLabel station_kinds[] = {
  { "home",    N_("Deputies' home"),   "人大代表之家" },
  { "studio",  N_("Deputy studio"),    "代表工作室" },
  { "station", N_("Liaison station"),  "代表联络站" },
  { "point",   N_("Liaison point"),    "代表联络点" },
};

static const LiaisonCodeLabel deputy_levels[] = {
  { "national",   N_("National"),   "全国" },
  { "provincial", N_("Provincial"), "省" },
  { "city",       N_("City"),       "市" },
  { "county",     N_("County"),     "县(区)" },
  { "township",   N_("Township"),   "乡镇" },
};

static const LiaisonCodeLabel channels[] = {
  { "walk_in",     N_("Walk-in"),     "来访" },
  { "phone",       N_("Phone"),       "电话" },
  { "online",      N_("Online"),      "网络" },
  { "mobile_desk", N_("Mobile desk"), "流动办公桌" },
};

gboolean
liaison_code_label_find (const LiaisonCodeLabel *table,
                         guint                   n,
                         const char             *text,
                         gboolean                accept_labels,
                         guint                  *index)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (stripped, table[i].code) == 0 ||
          (accept_labels &&
           (g_ascii_strcasecmp (stripped, table[i].label) == 0 ||
            g_strcmp0 (stripped, table[i].label_zh) == 0 ||
            strcmp (stripped, g_dgettext (GETTEXT_PACKAGE, table[i].label)) == 0)))
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

LIAISON_DEFINE_CODES (LiaisonStationKind, liaison_station_kind, station_kinds)
LIAISON_DEFINE_CODES (LiaisonDeputyLevel, liaison_deputy_level, deputy_levels)
LIAISON_DEFINE_CODES (LiaisonChannel, liaison_channel, channels)
LIAISON_DEFINE_PARSE (LiaisonStationKind, liaison_station_kind, station_kinds)
LIAISON_DEFINE_PARSE (LiaisonDeputyLevel, liaison_deputy_level, deputy_levels)
LIAISON_DEFINE_PARSE (LiaisonChannel, liaison_channel, channels)

const char *
liaison_sync_state_label (LiaisonSyncState state)
{
  switch (state)
    {
    case LIAISON_SYNC_STATE_SYNCED:
      return _("Synced");
    case LIAISON_SYNC_STATE_PENDING:
      return _("Not yet synced");
    case LIAISON_SYNC_STATE_ERROR:
      return _("Sync error");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
liaison_sync_state_note (LiaisonSyncState state)
{
  return state == LIAISON_SYNC_STATE_SYNCED ? NULL : liaison_sync_state_label (state);
}

void
liaison_record_meta_clear (LiaisonRecordMeta *meta)
{
  g_clear_pointer (&meta->uuid, g_free);
  g_clear_pointer (&meta->updated_at, g_free);
  g_clear_pointer (&meta->origin_station_uuid, g_free);
  g_clear_pointer (&meta->sync_error, g_free);
}

void
liaison_record_meta_copy (LiaisonRecordMeta       *to,
                          const LiaisonRecordMeta *from)
{
  *to = *from;
  to->uuid = g_strdup (from->uuid);
  to->updated_at = g_strdup (from->updated_at);
  to->origin_station_uuid = g_strdup (from->origin_station_uuid);
  to->sync_error = g_strdup (from->sync_error);
}

LiaisonVisitor *
liaison_visitor_new (void)
{
  LiaisonVisitor *visitor = g_new0 (LiaisonVisitor, 1);

  visitor->party_size = 1;
  return visitor;
}

LiaisonVisitor *
liaison_visitor_copy (const LiaisonVisitor *visitor)
{
  LiaisonVisitor *copy = g_new0 (LiaisonVisitor, 1);

  copy->name = g_strdup (visitor->name);
  copy->phone = g_strdup (visitor->phone);
  copy->community = g_strdup (visitor->community);
  copy->party_size = visitor->party_size;
  copy->consent = visitor->consent;
  return copy;
}

void
liaison_visitor_free (LiaisonVisitor *visitor)
{
  if (visitor == NULL)
    return;
  g_free (visitor->name);
  g_free (visitor->phone);
  g_free (visitor->community);
  g_free (visitor);
}

LiaisonReception *
liaison_reception_new (void)
{
  LiaisonReception *reception = g_new0 (LiaisonReception, 1);

  reception->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  reception->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  reception->visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_visitor_free);
  reception->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_suggestion_free);
  return reception;
}

char *
liaison_reception_place_text (const LiaisonReception *reception)
{
  gboolean place = reception->place != NULL && *reception->place != '\0';
  gboolean occasion = reception->occasion != NULL && *reception->occasion != '\0';

  if (place && occasion)
    /* Translators: a mobile desk's place and occasion, "渠沟镇太平村 · 集市" */
    return g_strdup_printf (_("%s · %s"), reception->place, reception->occasion);
  if (place || occasion)
    return g_strdup (place ? reception->place : reception->occasion);
  return NULL;
}

void
liaison_reception_free (LiaisonReception *reception)
{
  if (reception == NULL)
    return;
  liaison_record_meta_clear (&reception->meta);
  g_free (reception->received_at);
  g_free (reception->summary);
  g_free (reception->handling);
  g_free (reception->place);
  g_free (reception->occasion);
  g_array_unref (reception->deputy_ids);
  g_ptr_array_unref (reception->visitors);
  g_ptr_array_unref (reception->suggestions);
  g_clear_pointer (&reception->files, g_ptr_array_unref);
  g_free (reception->category_name);
  g_free (reception->station_name);
  g_free (reception->deputy_names);
  g_free (reception);
}

LiaisonReceptionFile *
liaison_reception_file_new (void)
{
  return g_new0 (LiaisonReceptionFile, 1);
}

LiaisonReceptionFile *
liaison_reception_file_copy (const LiaisonReceptionFile *file)
{
  LiaisonReceptionFile *copy = g_new0 (LiaisonReceptionFile, 1);

  copy->sha256 = g_strdup (file->sha256);
  copy->name = g_strdup (file->name);
  copy->content_type = g_strdup (file->content_type);
  copy->size = file->size;
  copy->bytes = file->bytes != NULL ? g_bytes_ref (file->bytes) : NULL;
  return copy;
}

void
liaison_reception_file_free (LiaisonReceptionFile *file)
{
  if (file == NULL)
    return;
  g_free (file->sha256);
  g_free (file->name);
  g_free (file->content_type);
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file);
}

GPtrArray *
liaison_reception_files_copy (const GPtrArray *files)
{
  GPtrArray *copy;

  if (files == NULL)
    return NULL;
  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_file_free);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (copy, liaison_reception_file_copy (g_ptr_array_index (files, i)));
  return copy;
}

LiaisonSuggestion *
liaison_suggestion_new (void)
{
  LiaisonSuggestion *suggestion = g_new0 (LiaisonSuggestion, 1);

  suggestion->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  suggestion->status = LIAISON_LOOP_STATUS_REGISTERED;
  suggestion->round = 1;
  suggestion->co_signer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return suggestion;
}

void
liaison_suggestion_free (LiaisonSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  liaison_record_meta_clear (&suggestion->meta);
  g_free (suggestion->title);
  g_free (suggestion->content);
  g_free (suggestion->raised_by);
  g_free (suggestion->created_at);
  g_free (suggestion->category_name);
  g_free (suggestion->reception_received_at);
  g_clear_pointer (&suggestion->co_signer_ids, g_array_unref);
  g_free (suggestion->station_name);
  g_free (suggestion->deputy_name);
  g_free (suggestion->taken_up_by);
  g_free (suggestion->contact);
  g_free (suggestion);
}

LiaisonDeputy *
liaison_deputy_new (void)
{
  LiaisonDeputy *deputy = g_new0 (LiaisonDeputy, 1);

  deputy->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  deputy->level = LIAISON_DEPUTY_LEVEL_CITY;
  return deputy;
}

void
liaison_deputy_free (LiaisonDeputy *deputy)
{
  if (deputy == NULL)
    return;
  liaison_record_meta_clear (&deputy->meta);
  g_free (deputy->name);
  g_free (deputy->specialty);
  g_free (deputy->phone);
  g_free (deputy->group_name);
  g_free (deputy->station_name);
  g_free (deputy);
}

LiaisonDeputyGroup *
liaison_deputy_group_new (void)
{
  LiaisonDeputyGroup *group = g_new0 (LiaisonDeputyGroup, 1);

  group->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  return group;
}

void
liaison_deputy_group_free (LiaisonDeputyGroup *group)
{
  if (group == NULL)
    return;
  liaison_record_meta_clear (&group->meta);
  g_free (group->name);
  g_free (group);
}

LiaisonStation *
liaison_station_new (void)
{
  LiaisonStation *station = g_new0 (LiaisonStation, 1);

  station->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  station->kind = LIAISON_STATION_KIND_STATION;
  return station;
}

void
liaison_station_free (LiaisonStation *station)
{
  if (station == NULL)
    return;
  liaison_record_meta_clear (&station->meta);
  g_free (station->name);
  g_free (station->district);
  g_free (station->address);
  g_free (station);
}

LiaisonCategory *
liaison_category_new (void)
{
  return g_new0 (LiaisonCategory, 1);
}

void
liaison_category_free (LiaisonCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->code);
  g_free (category->name);
  g_free (category->name_zh);
  g_free (category);
}
