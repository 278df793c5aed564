/* crash-writer — commits N transactions through the core (one new person
 * each) into DB and prints "committed NAME" after each commit returns, so a
 * harness that kills it knows exactly what was promised to be durable. */
#include "config.h"

#include <stdio.h>

#include "pd-context.h"
#include "pd-person.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  int n;

  if (argc != 3)
    {
      g_printerr ("usage: crash-writer DB N\n");
      return 2;
    }
  n = atoi (argv[2]);
  ctx = pd_context_open (argv[1], &error);
  if (ctx == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (PdPerson) person = pd_person_new ();

      g_free (person->name);
      person->name = g_strdup_printf ("writer-%d", i);
      if (pd_person_create (ctx, person, &error) < 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("committed %s\n", person->name);
      fflush (stdout);
    }
  return 0;
}
