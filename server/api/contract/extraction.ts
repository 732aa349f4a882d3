// The part of extraction the screens may use: the form definition's shape and field types, how a value is shown,
// and the templates a form or a review can start from.

export { formatFieldValue } from "../../extraction/field-value";
export {
  CHOICE_TYPES,
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  type FieldType,
  type FormDefinition,
  type FormField,
  type FormSection,
} from "../../extraction/form-definition";
export { TEMPLATE_IDS, TEMPLATE_NAMES, type TemplateId } from "../../extraction/templates/template-ids";
