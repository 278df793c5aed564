/* pd-demo.h — a realistic, deterministic demo estate: the built-in demo
 * database, the tests' fixtures and the benchmarks' portfolio all come from
 * this one generator. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* Fills an empty database with @n_units units and their people, derived
 * only from @seed and the context's clock.  Refuses a database that already
 * has units. */
gboolean pd_demo_generate   (PdContext *ctx,
                             guint      n_units,
                             guint32    seed,
                             GError   **error);

/* A year of records for a benchmark portfolio (bench/pd-bench): how many of
 * each the generator aims at.  0 keeps the demo office's own amount. */
typedef struct
{
  guint people;              /* owners, co-owners, household members, tenants */
  guint renovations;
  guint patrol_records;      /* renovation and vacant-unit patrols together */
  guint survey_responses;    /* returned forms, each with its item answers */
  guint release_slips;
  guint units;               /* set by pd_demo_generate_portfolio */
} PdDemoVolumes;

/* pd_demo_generate with @volumes of the year's records. */
gboolean pd_demo_generate_portfolio (PdContext           *ctx,
                                     guint                n_units,
                                     const PdDemoVolumes *volumes,
                                     guint32              seed,
                                     GError             **error);

/* The volumes asked of the generation running on @ctx, for the feature
 * demos (all 0 outside pd_demo_generate_portfolio). */
PdDemoVolumes pd_demo_volumes (PdContext *ctx);

/* Fake but valid identifiers, for the demo and for tests. */
char    *pd_demo_make_prc_id (GRand      *rand,
                              const char *birthday_iso,
                              gboolean    male);
char    *pd_demo_make_uscc   (GRand      *rand);
char    *pd_demo_make_mobile (GRand      *rand);

/* Each feature's demo data, called by pd_demo_generate inside its
 * transaction, relative to the context's clock. */
gboolean pd_demo_release     (PdContext *ctx,
                              GRand     *rand,
                              GError   **error);
/* Renovations in every state, with workers, patrols, violations and deposit
 * ledgers (pd-demo-renovation.c). */
gboolean pd_demo_renovation  (PdContext *ctx,
                              GRand     *rand,
                              GError   **error);
/* A year of monthly satisfaction surveys with follow-ups (pd-demo-survey.c). */
gboolean pd_demo_survey      (PdContext *ctx,
                              GRand     *rand,
                              GError   **error);

/* One account per role with the passwords of README.md (pd-demo-users.c). */
gboolean pd_demo_users       (PdContext *ctx,
                              GRand     *rand,
                              GError   **error);

G_END_DECLS
