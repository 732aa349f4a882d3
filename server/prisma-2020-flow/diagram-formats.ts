/** The files the diagram comes as; kept apart from the renderers so the CLI can check a format without loading them. */
export const DIAGRAM_FORMATS = ["svg", "png", "pdf", "csv"] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];
