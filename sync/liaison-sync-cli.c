/* stub: to be written */
#include "liaison-sync-cli.h"
gboolean liaison_sync_cli_is_command (int argc, char **argv) { return FALSE; }
int liaison_sync_cli_main (int argc, char **argv) { return 1; }
