/**
 * Table detection: where the tables of a sheet are, which kind each one is
 * (cells, cadres, meetings, communes), which column holds which field, and
 * which rows are data.
 *
 * How: the sheet is cut into blocks of non-blank rows; the first rows of each
 * block are read as a header of one to three rows (merged cells spread, group
 * labels carried over their sub-headers), matched to the field synonyms of
 * model/fields with abbreviations expanded, and the kind whose distinctive
 * fields match best wins. One linear pass then sorts the rows under the header:
 * data, blank, numbering, repeated header, section label, total. Title rows
 * above give `titleCommune`; a list whose sections name several communes gives
 * one table per commune.
 */
export { detectTables } from "./detectTables";
export { detectWorkbook, tableFromUserMapping } from "./userMapping";
export { matchHeader, isSttHeader, MIN_FIELD_CONFIDENCE } from "./headerMatch";
export type { FieldHit, HeaderHits } from "./headerMatch";
export { expandAbbreviations } from "./abbreviations";
export { communeFromTitle } from "./title";
export { explainSheet, sheetNotesOf } from "./sheetNotes";
