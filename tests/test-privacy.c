/* test-privacy.c: the masking rules of app/privacy (liaison-privacy.h):
 * mobiles, landlines with and without their dash and with 3- and 4-digit
 * area codes, short and odd input, nothing; where the full number may
 * show; a contact "name phone"; the reason a full-contacts export needs. */
#define G_LOG_DOMAIN "test-privacy"

#include "config.h"

#include <locale.h>

#include "liaison-privacy.h"

static void
assert_mask (const char *phone,
             const char *expected)
{
  g_autofree char *masked = liaison_privacy_mask_phone (phone);

  g_test_message ("%s -> %s", phone ? phone : "(null)", masked);
  g_assert_cmpstr (masked, ==, expected);
  g_assert_true (*masked == '\0' || liaison_privacy_is_masked (masked));
}

static void
test_mask_mobile (void)
{
  assert_mask ("13812345678", "138****5678");
  assert_mask ("19900001111", "199****1111");
  assert_mask ("138-1234-5678", "138****5678");
  assert_mask ("138 1234 5678", "138****5678");
}

static void
test_mask_landline (void)
{
  /* The area code and the last four, whatever the local number's length. */
  assert_mask ("0561-3011456", "0561-****1456");
  assert_mask ("05613011456", "0561-****1456");
  assert_mask ("0561 3011456", "0561-****1456");
  assert_mask ("0551-65123456", "0551-****3456");
  assert_mask ("055165123456", "0551-****3456");
  /* Three-digit area codes: 010 and 02X. */
  assert_mask ("010-62345678", "010-****5678");
  assert_mask ("01062345678", "010-****5678");
  assert_mask ("021-6234567", "021-****4567");
  assert_mask ("0216234567", "021-****4567");
  /* The dash, where typed, says where the area code ends. */
  assert_mask ("028-12345678", "028-****5678");
}

static void
test_mask_odd (void)
{
  /* Short numbers, or no digits at all, show nothing but the stars. */
  assert_mask ("12345", "****");
  assert_mask ("12", "****");
  assert_mask ("110", "****");
  assert_mask ("不详", "****");
  assert_mask ("abc@example.com", "****");
  /* Other long numbers: their first three and last four. */
  assert_mask ("+86 13812345678", "861****5678");
  assert_mask ("1234567", "123****4567");
  /* A landline too short for its area code and four digits. */
  assert_mask ("0561-123", "056****1123");
  assert_mask ("", "");
  assert_mask (NULL, "");
  g_assert_false (liaison_privacy_is_masked ("13812345678"));
  g_assert_false (liaison_privacy_is_masked (NULL));
}

static void
test_where_full (void)
{
  LiaisonVisitor consenting = { .name = "王秀兰", .phone = "13912345678", .consent = TRUE };
  LiaisonVisitor refusing = { .name = "陈建国", .phone = "13812345678", .consent = FALSE };
  LiaisonVisitor no_phone = { .name = "李明", .phone = NULL, .consent = FALSE };
  struct {
    LiaisonPrivacyView  view;
    gboolean            here;
    const char         *consenting;
    const char         *refusing;
  } cases[] = {
    { LIAISON_PRIVACY_MASKED,        TRUE,  "139****5678", "138****5678" },
    { LIAISON_PRIVACY_MASKED,        FALSE, "139****5678", "138****5678" },
    /* The reception's page and editor: at the receiving station, with consent. */
    { LIAISON_PRIVACY_RECEPTION,     TRUE,  "13912345678", "138****5678" },
    { LIAISON_PRIVACY_RECEPTION,     FALSE, "139****5678", "138****5678" },
    { LIAISON_PRIVACY_TELL_CITIZEN,  FALSE, "13912345678", "138****5678" },
    /* Even with full contacts chosen, no consent stays masked. */
    { LIAISON_PRIVACY_WITH_CONTACTS, FALSE, "13912345678", "138****5678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = liaison_privacy_visitor_phone (&consenting, cases[i].view, cases[i].here);
      g_autofree char *b = liaison_privacy_visitor_phone (&refusing, cases[i].view, cases[i].here);
      g_autofree char *c = liaison_privacy_visitor_phone (&no_phone, cases[i].view, cases[i].here);

      g_test_message ("view %d here %d: %s %s", cases[i].view, cases[i].here, a, b);
      g_assert_cmpstr (a, ==, cases[i].consenting);
      g_assert_cmpstr (b, ==, cases[i].refusing);
      g_assert_cmpstr (c, ==, "");
    }
}

static void
test_contact (void)
{
  g_autofree char *masked = liaison_privacy_contact ("张三 13812345678", LIAISON_PRIVACY_MASKED);
  g_autofree char *full = liaison_privacy_contact ("张三 13812345678", LIAISON_PRIVACY_TELL_CITIZEN);
  g_autofree char *landline = liaison_privacy_contact ("李 四 0561-3011456", LIAISON_PRIVACY_MASKED);
  g_autofree char *name = liaison_privacy_contact ("张三", LIAISON_PRIVACY_MASKED);
  g_autofree char *none = liaison_privacy_contact (NULL, LIAISON_PRIVACY_MASKED);

  g_assert_cmpstr (masked, ==, "张三 138****5678");
  g_assert_cmpstr (full, ==, "张三 13812345678");
  g_assert_cmpstr (landline, ==, "李 四 0561-****1456");
  g_assert_cmpstr (name, ==, "张三");
  g_assert_cmpstr (none, ==, "");
}

static void
test_reason (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_privacy_check_reason ("回访群众", &error));
  g_assert_no_error (error);
  g_assert_false (liaison_privacy_check_reason ("  \t", &error));
  g_clear_error (&error);
  /* full-width spaces, as a Chinese input method types them */
  g_assert_false (liaison_privacy_check_reason ("\u3000\u3000 ", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (liaison_privacy_check_reason (NULL, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/mask/mobile", test_mask_mobile);
  g_test_add_func ("/privacy/mask/landline", test_mask_landline);
  g_test_add_func ("/privacy/mask/odd", test_mask_odd);
  g_test_add_func ("/privacy/where-full", test_where_full);
  g_test_add_func ("/privacy/contact", test_contact);
  g_test_add_func ("/privacy/reason", test_reason);
  return g_test_run ();
}
