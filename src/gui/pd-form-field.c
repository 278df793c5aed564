/* pd-form-field.c — see pd-form-field.h. */
#include "config.h"

#include "pd-error.h"
#include "pd-form-field.h"

struct _PdFormField
{
  GtkWidget  parent_instance;
  GtkWidget *caption;
  GtkWidget *child;
  GtkWidget *error_label;
  char      *key;
};

enum { PROP_0, PROP_LABEL, PROP_KEY, PROP_ERROR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void pd_form_field_buildable_init (GtkBuildableIface *iface);
static GtkBuildableIface *parent_buildable_iface;

G_DEFINE_FINAL_TYPE_WITH_CODE (PdFormField, pd_form_field, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, pd_form_field_buildable_init))

static void
child_changed (PdFormField *self)
{
  /* The user is correcting the value: the old complaint no longer applies. */
  pd_form_field_set_error (self, NULL);
}

static void
set_child (PdFormField *self,
           GtkWidget   *child)
{
  if (self->child != NULL)
    gtk_widget_unparent (self->child);
  self->child = child;
  if (child == NULL)
    return;
  gtk_widget_insert_after (child, GTK_WIDGET (self), self->caption);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->caption), child);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->caption, NULL, -1);
  if (GTK_IS_EDITABLE (child))
    g_signal_connect_swapped (child, "changed", G_CALLBACK (child_changed), self);
  else if (GTK_IS_DROP_DOWN (child))
    g_signal_connect_swapped (child, "notify::selected", G_CALLBACK (child_changed), self);
  else if (GTK_IS_CHECK_BUTTON (child))
    g_signal_connect_swapped (child, "toggled", G_CALLBACK (child_changed), self);
}

static void
pd_form_field_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  if (type == NULL && GTK_IS_WIDGET (child))
    set_child (PD_FORM_FIELD (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
pd_form_field_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = pd_form_field_buildable_add_child;
}

static void
pd_form_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PdFormField *self = PD_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->caption)));
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_ERROR:
      g_value_set_string (value, pd_form_field_get_error (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_form_field_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PdFormField *self = PD_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_label_set_label (GTK_LABEL (self->caption), g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KEY:
      if (g_strcmp0 (self->key, g_value_get_string (value)) != 0)
        {
          g_free (self->key);
          self->key = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ERROR:
      pd_form_field_set_error (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_form_field_dispose (GObject *object)
{
  PdFormField *self = PD_FORM_FIELD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->caption = self->child = self->error_label = NULL;
  g_clear_pointer (&self->key, g_free);
  G_OBJECT_CLASS (pd_form_field_parent_class)->dispose (object);
}

static void
pd_form_field_class_init (PdFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pd_form_field_get_property;
  object_class->set_property = pd_form_field_set_property;
  object_class->dispose = pd_form_field_dispose;
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "formfield");
}

static void
pd_form_field_init (PdFormField *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  self->caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_label_set_use_underline (GTK_LABEL (self->caption), TRUE);
  gtk_widget_add_css_class (self->caption, "field-caption");
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 30);
  gtk_widget_add_css_class (self->error_label, "field-error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));
}

GtkWidget *
pd_form_field_new (const char *label,
                   const char *key,
                   GtkWidget  *child)
{
  PdFormField *self = g_object_new (PD_TYPE_FORM_FIELD, "label", label, "key", key, NULL);

  set_child (self, child);
  return GTK_WIDGET (self);
}

GtkWidget *
pd_form_field_get_child (PdFormField *self)
{
  g_return_val_if_fail (PD_IS_FORM_FIELD (self), NULL);
  return self->child;
}

const char *
pd_form_field_get_key (PdFormField *self)
{
  g_return_val_if_fail (PD_IS_FORM_FIELD (self), NULL);
  return self->key;
}

void
pd_form_field_set_error (PdFormField *self,
                         const char  *message)
{
  gboolean has_error = message != NULL && *message != '\0';

  g_return_if_fail (PD_IS_FORM_FIELD (self));
  if (g_strcmp0 (pd_form_field_get_error (self), has_error ? message : NULL) == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->error_label), has_error ? message : "");
  gtk_widget_set_visible (self->error_label, has_error);
  if (self->child != NULL)
    {
      if (has_error)
        gtk_widget_add_css_class (self->child, "error");
      else
        gtk_widget_remove_css_class (self->child, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->child), GTK_ACCESSIBLE_STATE_INVALID,
                                   has_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

const char *
pd_form_field_get_error (PdFormField *self)
{
  g_return_val_if_fail (PD_IS_FORM_FIELD (self), NULL);
  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_text (GTK_LABEL (self->error_label)) : NULL;
}

static PdFormField *
find_field (GtkWidget  *widget,
            const char *key)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (PD_IS_FORM_FIELD (widget))
    return g_strcmp0 (PD_FORM_FIELD (widget)->key, key) == 0 ? PD_FORM_FIELD (widget) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      PdFormField *found = find_field (child, key);
      if (found != NULL)
        return found;
    }
  return NULL;
}

PdFormField *
pd_form_field_find (GtkWidget  *form,
                    const char *key)
{
  g_return_val_if_fail (GTK_IS_WIDGET (form), NULL);
  return key != NULL ? find_field (form, key) : NULL;
}

/* Makes the page holding @widget the current one in every notebook and
 * stack between @widget and @top.  (A notebook keeps its pages in an
 * internal stack; setting the notebook's page last keeps both in step.) */
static void
reveal (GtkWidget *widget,
        GtkWidget *top)
{
  for (GtkWidget *child = widget, *parent = gtk_widget_get_parent (widget);
       parent != NULL && child != top; child = parent, parent = gtk_widget_get_parent (parent))
    {
      if (GTK_IS_STACK (parent))
        gtk_stack_set_visible_child (GTK_STACK (parent), child);
      else if (GTK_IS_NOTEBOOK (parent))
        for (int i = 0; i < gtk_notebook_get_n_pages (GTK_NOTEBOOK (parent)); i++)
          {
            GtkWidget *page = gtk_notebook_get_nth_page (GTK_NOTEBOOK (parent), i);
            if (page == widget || gtk_widget_is_ancestor (widget, page))
              gtk_notebook_set_current_page (GTK_NOTEBOOK (parent), i);
          }
    }
}

gboolean
pd_form_field_show_error (GtkWidget    *form,
                          const GError *error)
{
  PdFormField *field;

  g_return_val_if_fail (GTK_IS_WIDGET (form), FALSE);
  field = pd_form_field_find (form, error ? pd_error_get_field (error) : NULL);
  if (field == NULL)
    return FALSE;
  pd_form_field_set_error (field, error->message);
  reveal (GTK_WIDGET (field), form);
  if (field->child != NULL)
    gtk_widget_grab_focus (field->child);
  return TRUE;
}

static void
clear_all (GtkWidget *widget)
{
  if (PD_IS_FORM_FIELD (widget))
    pd_form_field_set_error (PD_FORM_FIELD (widget), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    clear_all (child);
}

void
pd_form_field_clear_errors (GtkWidget *form)
{
  g_return_if_fail (GTK_IS_WIDGET (form));
  clear_all (form);
}
