/* liaison-store-directory.c: stations, deputy groups, deputies and categories. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-validate.h"

/* Stations */

static gpointer
read_station (sqlite3_stmt *stmt)
{
  LiaisonStation *station = liaison_station_new ();

  liaison_store_read_record_meta (stmt, 0, &station->meta);
  station->name = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS);
  liaison_station_kind_from_code ((const char *) sqlite3_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 1),
                                  &station->kind);
  station->district = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 2);
  station->address = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 3);
  return station;
}

#define STATION_SELECT "SELECT " LIAISON_RECORD_SELECT ("s") ", s.name, s.kind, s.district, s.address FROM stations s"

LiaisonStation *
liaison_store_get_local_station (LiaisonStore *self)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  LiaisonStation *station = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  uuid = liaison_store_get_setting (self, "station_uuid");
  if (uuid == NULL)
    return NULL;
  stmt = liaison_store_prepare (self, STATION_SELECT " WHERE s.uuid = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    station = read_station (stmt);
  sqlite3_reset (stmt);
  return station;
}

gboolean
liaison_store_received_here (LiaisonStore           *self,
                             const LiaisonReception *reception)
{
  g_autoptr(LiaisonStation) station = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (reception != NULL, FALSE);

  station = liaison_store_get_local_station (self);
  /* A new reception is received here. */
  return station != NULL && (reception->meta.id == 0 || reception->station_id == station->meta.id);
}

gboolean
liaison_store_save_station (LiaisonStore    *self,
                            LiaisonStation  *station,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new = station->meta.id == 0;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (station->name == NULL || *g_strstrip (station->name) == '\0')
    {
      g_set_error_literal (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                           _("Enter the station’s name."));
      return FALSE;
    }
  if (g_utf8_strlen (station->name, -1) > LIAISON_MAX_TITLE_CHARS)
    {
      g_set_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                   _("A station’s name may be at most %d characters long."), LIAISON_MAX_TITLE_CHARS);
      return FALSE;
    }
  if (station->address != NULL && g_utf8_strlen (station->address, -1) > LIAISON_MAX_ADDRESS_CHARS)
    {
      g_set_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                   _("A station’s address may be at most %d characters long."), LIAISON_MAX_ADDRESS_CHARS);
      return FALSE;
    }

  stmt = liaison_store_begin_record_write (self, &station->meta,
    "INSERT INTO stations (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " name, kind, district, address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)",
    "UPDATE stations SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " name = ?6, kind = ?7, district = ?8, address = ?10 WHERE id = ?9 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  liaison_store_bind_text (stmt, 6, station->name);
  sqlite3_bind_text (stmt, 7, liaison_station_kind_to_code (station->kind), -1, SQLITE_STATIC);
  liaison_store_bind_text (stmt, 8, station->district);
  liaison_store_bind_text (stmt, 10, station->address);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 9, station->meta.id);
  if (!liaison_store_end_record_write (self, stmt, &station->meta, is_new, _("Could not save the station"),
                         _("The station was deleted meanwhile; it was not saved."), NULL, error))
    return FALSE;
  liaison_store_emit_changed (self, "stations");
  return TRUE;
}

gboolean
liaison_store_set_local_station (LiaisonStore        *self,
                                 const char          *name,
                                 LiaisonStationKind   kind,
                                 const char          *district,
                                 GError             **error)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (self);

  if (!liaison_store_begin (self, error))
    return FALSE;

  if (station == NULL)
    {
      station = liaison_station_new ();
      station->meta.uuid = g_uuid_string_random ();
      /* A station is its own origin. */
      station->meta.origin_station_uuid = g_strdup (station->meta.uuid);
    }
  g_free (station->name);
  station->name = g_strdup (name);
  station->kind = kind;
  g_free (station->district);
  station->district = g_strdup (district);

  if (!liaison_store_save_station (self, station, error) ||
      !liaison_store_set_setting (self, "station_uuid", station->meta.uuid, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  return liaison_store_commit (self, error);
}

gint64
liaison_store_find_station_by_uuid (LiaisonStore *self,
                                    const char   *uuid)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), 0);

  return liaison_store_find_id (self, "SELECT id FROM stations WHERE uuid = ? AND deleted = 0", uuid);
}

GPtrArray *
liaison_store_list_stations (LiaisonStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    STATION_SELECT " WHERE s.deleted = 0 ORDER BY s.name COLLATE LOCALE", error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) read_station, (GDestroyNotify) liaison_station_free,
                                     _("Could not read the stations"), error);
}

/* Deputy groups */

gboolean
liaison_store_save_deputy_group (LiaisonStore        *self,
                                 LiaisonDeputyGroup  *group,
                                 GError             **error)
{
  gboolean is_new = group->meta.id == 0;
  sqlite3_stmt *stmt;

  if (group->name == NULL || *g_strstrip (group->name) == '\0')
    {
      g_set_error_literal (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                           _("Enter the group’s name."));
      return FALSE;
    }

  stmt = liaison_store_begin_record_write (self, &group->meta,
    "INSERT INTO deputy_groups (uuid, version, updated_at, origin_station_uuid, sync_state, name)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "UPDATE deputy_groups SET version = ?2, updated_at = ?3, sync_state = ?5,"
    " sync_error = NULL, name = ?6 WHERE id = ?7 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  liaison_store_bind_text (stmt, 6, group->name);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 7, group->meta.id);
  if (!liaison_store_end_record_write (self, stmt, &group->meta, is_new, _("Could not save the deputy group"),
                         _("The deputy group was deleted meanwhile; it was not saved."), NULL, error))
    return FALSE;
  liaison_store_emit_changed (self, "deputy_groups");
  return TRUE;
}

static gpointer
read_deputy_group (sqlite3_stmt *stmt)
{
  LiaisonDeputyGroup *group = liaison_deputy_group_new ();

  liaison_store_read_record_meta (stmt, 0, &group->meta);
  group->name = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS);
  return group;
}

GPtrArray *
liaison_store_list_deputy_groups (LiaisonStore  *self,
                                  GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT " LIAISON_RECORD_SELECT ("g") ", g.name FROM deputy_groups g"
    " WHERE g.deleted = 0 ORDER BY g.name COLLATE LOCALE", error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, read_deputy_group, (GDestroyNotify) liaison_deputy_group_free,
                                     _("Could not read the deputy groups"), error);
}

gint64
liaison_store_ensure_deputy_group (LiaisonStore  *self,
                                   const char    *name,
                                   GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT id FROM deputy_groups WHERE name = ? AND deleted = 0 LIMIT 1", error);
  g_autoptr(LiaisonDeputyGroup) group = NULL;
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  liaison_store_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;

  group = liaison_deputy_group_new ();
  group->name = g_strdup (name);
  if (!liaison_store_save_deputy_group (self, group, error))
    return 0;
  return group->meta.id;
}

/* Deputies */

#define DEPUTY_SELECT                                                          \
  "SELECT " LIAISON_RECORD_SELECT ("d") ", d.name, d.level, d.group_id, d.station_id," \
  " d.specialty, d.phone, g.name, s.name FROM deputies d"                      \
  " LEFT JOIN deputy_groups g ON g.id = d.group_id"                            \
  " LEFT JOIN stations s ON s.id = d.station_id"

static gpointer
read_deputy (sqlite3_stmt *stmt)
{
  LiaisonDeputy *deputy = liaison_deputy_new ();
  int c = LIAISON_RECORD_SELECT_COLUMNS;

  liaison_store_read_record_meta (stmt, 0, &deputy->meta);
  deputy->name = liaison_db_column_text (stmt, c);
  liaison_deputy_level_from_code ((const char *) sqlite3_column_text (stmt, c + 1), &deputy->level);
  deputy->group_id = sqlite3_column_int64 (stmt, c + 2);
  deputy->station_id = sqlite3_column_int64 (stmt, c + 3);
  deputy->specialty = liaison_db_column_text (stmt, c + 4);
  deputy->phone = liaison_db_column_text (stmt, c + 5);
  deputy->group_name = liaison_db_column_text (stmt, c + 6);
  deputy->station_name = liaison_db_column_text (stmt, c + 7);
  return deputy;
}

gboolean
liaison_store_deputy_is_hq_owned (LiaisonStore *self,
                                  gint64        id)
{
  sqlite3_stmt *stmt;
  gboolean owned = FALSE;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (id <= 0 || liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ)
    return FALSE;
  stmt = liaison_store_prepare (self, "SELECT server_version > 0 FROM deputies WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owned = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return owned;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Whether saving @deputy would change nothing of @stored. */
static gboolean
deputy_unchanged (const LiaisonDeputy *deputy,
                  const LiaisonDeputy *stored)
{
  g_autofree char *name = g_strstrip (g_strdup (deputy->name != NULL ? deputy->name : ""));

  return same_text (name, stored->name) && deputy->level == stored->level &&
         deputy->group_id == stored->group_id && deputy->station_id == stored->station_id &&
         same_text (deputy->specialty, stored->specialty) && same_text (deputy->phone, stored->phone) &&
         !deputy->meta.deleted;
}

gboolean
liaison_store_save_deputy (LiaisonStore   *self,
                           LiaisonDeputy  *deputy,
                           GError        **error)
{
  g_autoptr(GPtrArray) problems = liaison_deputy_check (deputy);
  gboolean is_new = deputy->meta.id == 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_field_errors_to_error (problems, error))
    return FALSE;
  /* Headquarters' deputy: a station keeps it as sent (issue 13, 5). */
  if (!is_new && liaison_store_deputy_is_hq_owned (self, deputy->meta.id))
    {
      g_autoptr(LiaisonDeputy) stored = liaison_store_get_deputy (self, deputy->meta.id, error);

      if (stored == NULL)
        return FALSE;
      if (deputy_unchanged (deputy, stored))
        return TRUE;
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                   _("%s is on headquarters’ roster: only headquarters can change this deputy."), stored->name);
      return FALSE;
    }

  stmt = liaison_store_begin_record_write (self, &deputy->meta,
    "INSERT INTO deputies (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " name, level, group_id, station_id, specialty, phone)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    "UPDATE deputies SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " name = ?6, level = ?7, group_id = ?8, station_id = ?9, specialty = ?10, phone = ?11"
    " WHERE id = ?12 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  liaison_store_bind_text (stmt, 6, g_strstrip (deputy->name));
  sqlite3_bind_text (stmt, 7, liaison_deputy_level_to_code (deputy->level), -1, SQLITE_STATIC);
  liaison_store_bind_id_or_null (stmt, 8, deputy->group_id);
  liaison_store_bind_id_or_null (stmt, 9, deputy->station_id);
  liaison_store_bind_text (stmt, 10, deputy->specialty);
  liaison_store_bind_text (stmt, 11, deputy->phone);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 12, deputy->meta.id);
  if (!liaison_store_end_record_write (self, stmt, &deputy->meta, is_new, _("Could not save the deputy"),
                         _("The deputy was removed from the roster meanwhile; the changes were not saved."),
                         _("The deputy’s group or station does not exist."), error))
    return FALSE;
  liaison_store_emit_changed (self, "deputies");
  return TRUE;
}

LiaisonDeputy *
liaison_store_get_deputy (LiaisonStore  *self,
                          gint64         id,
                          GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, DEPUTY_SELECT " WHERE d.id = ?", error);
  LiaisonDeputy *deputy = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    deputy = read_deputy (stmt);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _("There is no deputy number %lld."), (long long) id);
  sqlite3_reset (stmt);
  return deputy;
}

char *
liaison_store_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
liaison_store_list_deputies (LiaisonStore  *self,
                             const char    *search,
                             GError       **error)
{
  gboolean searching = search != NULL && *search != '\0';
  sqlite3_stmt *stmt = liaison_store_prepare (self, searching
    ? DEPUTY_SELECT " WHERE d.deleted = 0 AND (d.name LIKE ?1 ESCAPE '\\' OR d.specialty LIKE ?1 ESCAPE '\\')"
      " ORDER BY d.name COLLATE LOCALE"
    : DEPUTY_SELECT " WHERE d.deleted = 0 ORDER BY d.name COLLATE LOCALE", error);

  if (stmt == NULL)
    return NULL;
  if (searching)
    {
      g_autofree char *pattern = liaison_store_like_pattern (search);
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    }
  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) read_deputy, (GDestroyNotify) liaison_deputy_free,
                                     _("Could not read the deputies"), error);
}

gint64
liaison_store_find_deputy (LiaisonStore *self,
                           const char   *name)
{
  g_autofree char *stripped = NULL;

  if (name == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (name));
  return liaison_store_find_id (self, "SELECT id FROM deputies WHERE name = ? AND deleted = 0 ORDER BY id LIMIT 1",
                                stripped);
}

gint64
liaison_store_find_deputy_by_uuid (LiaisonStore *self,
                                   const char   *uuid)
{
  return liaison_store_find_id (self, "SELECT id FROM deputies WHERE uuid = ? AND deleted = 0", uuid);
}

/* Categories */

static gpointer
read_category (sqlite3_stmt *stmt)
{
  LiaisonCategory *category = liaison_category_new ();

  category->id = sqlite3_column_int64 (stmt, 0);
  category->code = liaison_db_column_text (stmt, 1);
  category->name = liaison_db_column_text (stmt, 2);
  category->name_zh = liaison_db_column_text (stmt, 3);
  return category;
}

GPtrArray *
liaison_store_list_categories (LiaisonStore  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT id, code, name, name_zh FROM categories WHERE deleted = 0 ORDER BY position, id", error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, read_category, (GDestroyNotify) liaison_category_free,
                                     _("Could not read the categories"), error);
}

gint64
liaison_store_find_category (LiaisonStore *self,
                             const char   *text)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (self, NULL);
  g_autofree char *stripped = NULL;

  if (categories == NULL || text == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < categories->len; i++)
    {
      const LiaisonCategory *category = g_ptr_array_index (categories, i);

      if (g_ascii_strcasecmp (stripped, category->code) == 0 ||
          g_ascii_strcasecmp (stripped, category->name) == 0 ||
          strcmp (stripped, category->name_zh) == 0 ||
          strcmp (stripped, g_dgettext (GETTEXT_PACKAGE, category->name)) == 0)
        return category->id;
    }
  return 0;
}
