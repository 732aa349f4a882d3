// The part of labels and team notes the screens may use: the palette, the rules the settings form checks as the
// lead types (the server applies the same), and how long a note may be.
export {
  checkLabelName,
  checkShortcut,
  LABEL_COLOURS,
  type LabelColour,
  MAX_LABEL_NAME,
  MAX_LABELS,
} from "../../labels/label-rules";
export { MAX_NOTE } from "../../notes/note-rules";
