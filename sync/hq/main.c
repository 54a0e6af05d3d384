/* stub: to be written */
#include <glib.h>
int
main (int argc, char *argv[])
{
  g_printerr ("liaison-hq is not written yet\n");
  return 1;
}
