/* liaison-test-pg.h: a throwaway PostgreSQL cluster for the tests that run
 * headquarters on PostgreSQL: one per test process, made by initdb and
 * started by pg_ctl in a temporary directory on a unix socket (as the
 * user "nobody" when the test runs as root, since PostgreSQL will not run
 * as root), stopped and removed when the process ends, even by a failed
 * assertion. Every helper asserts on failure. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the tests' headquarters should be on PostgreSQL:
 * LIAISON_TEST_HQ_BACKEND=postgresql (tests/meson.build's pg suite). */
gboolean  liaison_test_pg_wanted       (void);
/* A new, empty database on this process's cluster (started at the first
 * call), as a postgresql:// URI: a schema of its own, its search path. */
char     *liaison_test_pg_new_database (void);

G_END_DECLS
