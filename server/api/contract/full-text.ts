// The part of full text the pages and routes may use, on the server only (the PDF guard is a Node stream): the
// largest PDF an upload may be, and the answer for a PDF that is not there or not the caller's to see.
export { maxPdfBytes } from "../../full-text/pdf-guard";
export { noPdfHere } from "../../full-text/report-pdf";
