/* liaison-hq-store-tokens.c: enrollment codes, and the tokens they are
 * traded for: looking one up, listing and revoking them. */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-protocol.h"

const char *
liaison_hq_role_to_string (LiaisonHqRole role)
{
  return role == LIAISON_HQ_ROLE_HQ ? "hq" : "station";
}

void
liaison_hq_token_free (LiaisonHqToken *token)
{
  if (token == NULL)
    return;
  g_free (token->id);
  g_free (token->station_uuid);
  g_free (token->name);
  g_free (token->created);
  g_free (token);
}


/* Dashes and case do not count. */
static const char code_alphabet[] = LIAISON_HQ_CODE_ALPHABET;

char *
liaison_hq_store_normalize_code (const char *code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = code; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

char *
liaison_hq_store_hash_code (const char *code)
{
  g_autofree char *normal = liaison_hq_store_normalize_code (code);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, normal, -1);
}

char *
liaison_hq_store_new_code (guint n_chars)
{
  /* 43 random base64url characters: 6 bits each, so each maps evenly
   * onto… not quite 31 letters; rejection keeps it uniform. */
  GString *code = g_string_new (NULL);
  guint n = 0;

  while (n < n_chars)
    {
      g_autofree char *random = liaison_protocol_new_token ();

      for (const char *p = random; *p && n < n_chars; p++)
        {
          const char *b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
          guint value = (guint) (strchr (b64, *p) - b64);

          if (value >= 62)
            continue;
          value %= 31;
          if (n > 0 && n % 4 == 0)
            g_string_append_c (code, '-');
          g_string_append_c (code, code_alphabet[value]);
          n++;
        }
    }
  return g_string_free (code, FALSE);
}

char *
liaison_hq_store_add_code (LiaisonHqStore  *self,
                           LiaisonHqRole    role,
                           const char      *station_uuid,
                           const char      *name,
                           GError         **error)
{
  g_autofree char *code = liaison_hq_store_new_code (16);
  g_autofree char *hash = liaison_hq_store_hash_code (code);
  g_autofree char *now = liaison_db_now_utc ();
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "INSERT INTO codes (hash, role, station_uuid, name, created) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return NULL;
  liaison_hq_stmt_bind_text (stmt, 1, hash);
  liaison_hq_stmt_bind_int64 (stmt, 2, role);
  if (station_uuid != NULL)
    liaison_hq_stmt_bind_text (stmt, 3, station_uuid);
  liaison_hq_stmt_bind_text (stmt, 4, name);
  liaison_hq_stmt_bind_text (stmt, 5, now);
  if (!liaison_hq_db_step_done (stmt, _("The enrollment code could not be saved"), error))
    return NULL;
  return g_steal_pointer (&code);
}

static LiaisonHqToken *
token_from_row (LiaisonHqStmt *stmt)
{
  LiaisonHqToken *token = g_new0 (LiaisonHqToken, 1);

  /* id, role, station_uuid, name, created, revoked */
  token->id = liaison_hq_stmt_dup_text (stmt, 0);
  token->role = liaison_hq_stmt_column_int64 (stmt, 1) == LIAISON_HQ_ROLE_HQ ? LIAISON_HQ_ROLE_HQ : LIAISON_HQ_ROLE_STATION;
  token->station_uuid = liaison_hq_stmt_dup_text (stmt, 2);
  token->name = liaison_hq_stmt_dup_text (stmt, 3);
  token->created = liaison_hq_stmt_dup_text (stmt, 4);
  token->revoked = !liaison_hq_stmt_column_is_null (stmt, 5);
  return token;
}

char *
liaison_hq_store_enroll (LiaisonHqStore   *self,
                         const char       *code,
                         LiaisonHqToken  **info,
                         GError          **error)
{
  g_autofree char *hash = liaison_hq_store_hash_code (code);
  g_autofree char *now = liaison_db_now_utc ();
  g_autofree char *token = NULL;
  g_autoptr(LiaisonHqToken) result = NULL;

  if (!liaison_hq_store_begin (self, error))
    return NULL;

  {
    g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
      "SELECT role, station_uuid, name FROM codes WHERE hash = ? AND used IS NULL", error);

    if (stmt == NULL)
      goto fail;
    liaison_hq_stmt_bind_text (stmt, 1, hash);
    if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
      {
        g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                             "The enrollment code is not known or was already used.");
        goto fail;
      }
    result = g_new0 (LiaisonHqToken, 1);
    result->role = liaison_hq_stmt_column_int64 (stmt, 0) == LIAISON_HQ_ROLE_HQ ? LIAISON_HQ_ROLE_HQ : LIAISON_HQ_ROLE_STATION;
    result->station_uuid = liaison_hq_stmt_dup_text (stmt, 1);
    result->name = liaison_hq_stmt_dup_text (stmt, 2);
    result->created = g_strdup (now);
  }

  {
    g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self, "UPDATE codes SET used = ? WHERE hash = ?", error);

    if (stmt == NULL)
      goto fail;
    liaison_hq_stmt_bind_text (stmt, 1, now);
    liaison_hq_stmt_bind_text (stmt, 2, hash);
    if (!liaison_hq_db_step_done (stmt, _("The enrollment code could not be used"), error))
      goto fail;
  }

  /* The id is the hash's first 8 digits; on the rare clash, draw again. */
  for (guint attempt = 0; attempt < 8 && token == NULL; attempt++)
    {
      g_autofree char *candidate = liaison_protocol_new_token ();
      g_autofree char *token_hash = liaison_protocol_hash_token (candidate);
      g_autofree char *id = g_strndup (token_hash, 8);
      g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
        "INSERT INTO tokens (id, hash, role, station_uuid, name, created) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING", error);

      if (stmt == NULL)
        goto fail;
      liaison_hq_stmt_bind_text (stmt, 1, id);
      liaison_hq_stmt_bind_text (stmt, 2, token_hash);
      liaison_hq_stmt_bind_int64 (stmt, 3, result->role);
      if (result->station_uuid != NULL)
        liaison_hq_stmt_bind_text (stmt, 4, result->station_uuid);
      liaison_hq_stmt_bind_text (stmt, 5, result->name);
      liaison_hq_stmt_bind_text (stmt, 6, now);
      if (!liaison_hq_db_step_done (stmt, _("The token could not be saved"), error))
        goto fail;
      if (liaison_hq_db_changes (liaison_hq_store_get_db (self)) == 1)
        {
          token = g_steal_pointer (&candidate);
          result->id = g_steal_pointer (&id);
        }
    }
  if (token == NULL)
    {
      liaison_hq_store_db_error (self, error, _("The token could not be saved"));
      goto fail;
    }
  if (!liaison_hq_store_commit (self, error))
    return NULL;
  if (info != NULL)
    *info = g_steal_pointer (&result);
  return g_steal_pointer (&token);

fail:
  liaison_hq_store_rollback (self);
  return NULL;
}

LiaisonHqToken *
liaison_hq_store_lookup_token (LiaisonHqStore  *self,
                               const char      *hash,
                               GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT id, role, station_uuid, name, created, revoked FROM tokens WHERE hash = ?", error);
  LiaisonHqToken *token;
  int rc;

  if (stmt == NULL)
    return NULL;
  liaison_hq_stmt_bind_text (stmt, 1, hash);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_DONE)
    {
      g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                           "The token is not known to this server.");
      return NULL;
    }
  if (rc != LIAISON_HQ_DB_ROW)
    {
      liaison_hq_store_db_error (self, error, _("The tokens could not be read"));
      return NULL;
    }
  token = token_from_row (stmt);
  if (token->revoked)
    {
      liaison_hq_token_free (token);
      g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_REVOKED,
                           "The token was revoked at headquarters. Ask headquarters for a new enrollment code.");
      return NULL;
    }
  return token;
}

GPtrArray *
liaison_hq_store_list_tokens (LiaisonHqStore  *self,
                              GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT id, role, station_uuid, name, created, revoked FROM tokens ORDER BY created, id", error);

  if (stmt == NULL)
    return NULL;
  return liaison_hq_db_collect_rows (stmt, (LiaisonHqRowReader) token_from_row,
                                  (GDestroyNotify) liaison_hq_token_free,
                                  _("The tokens could not be read"), error);
}

LiaisonHqToken *
liaison_hq_store_revoke_token (LiaisonHqStore  *self,
                               const char      *id,
                               gboolean        *already,
                               GError         **error)
{
  g_autoptr(LiaisonHqToken) token = NULL;
  g_autofree char *now = liaison_db_now_utc ();
  int rc;

  *already = FALSE;
  if (strlen (id) < 8 || strspn (id, "0123456789abcdef") != strlen (id))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a token id: “liaison-hq token list” shows them (8 letters and digits)."), id);
      return NULL;
    }

  {
    g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
      "SELECT id, role, station_uuid, name, created, revoked FROM tokens"
      " WHERE id = substr (?1, 1, 8) AND substr (hash, 1, length (?1)) = ?1", error);

    if (stmt == NULL)
      return NULL;
    liaison_hq_stmt_bind_text (stmt, 1, id);
    rc = liaison_hq_stmt_step (stmt);
    if (rc == LIAISON_HQ_DB_DONE)
      {
        g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                     _("There is no token “%s”. “liaison-hq token list” shows the tokens."), id);
        return NULL;
      }
    if (rc != LIAISON_HQ_DB_ROW)
      {
        liaison_hq_store_db_error (self, error, _("The tokens could not be read"));
        return NULL;
      }
    token = token_from_row (stmt);
  }

  if (token->revoked)
    {
      *already = TRUE;
      return g_steal_pointer (&token);
    }

  {
    g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self, "UPDATE tokens SET revoked = ? WHERE id = ?", error);

    if (stmt == NULL)
      return NULL;
    liaison_hq_stmt_bind_text (stmt, 1, now);
    liaison_hq_stmt_bind_text (stmt, 2, token->id);
    if (!liaison_hq_db_step_done (stmt, _("The token could not be revoked"), error))
      return NULL;
  }
  token->revoked = TRUE;
  return g_steal_pointer (&token);
}
