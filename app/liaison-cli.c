/* stub: to be written */
#include "liaison-cli.h"
gboolean liaison_cli_is_command (int argc, char **argv) { return FALSE; }
int liaison_cli_main (int argc, char **argv) { return 1; }
