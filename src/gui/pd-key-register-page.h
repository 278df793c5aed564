/* pd-key-register-page.h — the key register page of the patrol tab
 * (钥匙借用登记): every key on the board with where it is, the loans out
 * now (overdue ones first and in red) or the whole register, and the
 * actions: add a key, sign one out, sign it back. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_KEY_REGISTER_PAGE (pd_key_register_page_get_type ())
G_DECLARE_FINAL_TYPE (PdKeyRegisterPage, pd_key_register_page, PD, KEY_REGISTER_PAGE, GtkWidget)

GtkWidget *pd_key_register_page_new         (PdContext         *ctx);
/* Selects loan @loan_id among the loans shown. */
void       pd_key_register_page_select_loan (PdKeyRegisterPage *self,
                                             gint64             loan_id);

G_END_DECLS
