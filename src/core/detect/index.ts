export { detectTables } from "./detectTables";
export { detectWorkbook, tableFromUserMapping } from "./userMapping";
export { matchHeader, isSttHeader, MIN_FIELD_CONFIDENCE } from "./headerMatch";
export type { FieldHit, HeaderHits } from "./headerMatch";
export { expandAbbreviations } from "./abbreviations";
export { communeFromTitle } from "./title";
