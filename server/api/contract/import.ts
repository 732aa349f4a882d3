// The part of import the screens may use: the kinds of source and the file formats an upload can name.
export { SOURCE_KIND_LABELS, SOURCE_KINDS } from "../../import/sources";
export { FORMAT_LABELS, FORMATS, type Format } from "../../import/types";
