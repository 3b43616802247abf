// Written by `npm run rules` from the rule declarations of src/core/rules (defineRule). Do not edit.
import { attendanceSum } from "./attendanceSum";
import { cadreAge } from "./cadreAge";
import { cadreDuplicate } from "./cadreDuplicate";
import { cadreJoined } from "./cadreJoined";
import { enumValue } from "./enumValue";
import { legacyEncoding } from "./legacyEncoding";
import { meetingDuplicate } from "./meetingDuplicate";
import { meetingDuration } from "./meetingDuration";
import { meetingFuture } from "./meetingFuture";
import { meetingQuality } from "./meetingQuality";
import { monthlyCadence } from "./monthlyCadence";
import { presentGtTotal } from "./presentGtTotal";
import { quarterlyThematic } from "./quarterlyThematic";
import { ratingScore } from "./ratingScore";
import { required } from "./required";
import { secretaryCount } from "./secretaryCount";
import { sheetNotUnderstood } from "./sheetNotUnderstood";
import { sheetUnreadable } from "./sheetUnreadable";
import { textSpaces } from "./textSpaces";
import { topicMissing } from "./topicMissing";
import { typeDate, typeInteger, typeNumber } from "./typeValue";
import { unicodeForm } from "./unicodeForm";
import { xrefCell } from "./xrefCell";

/** Every rule, in the order of docs/RULES.md; the check runs each in the scopes it declares. */
export const RULES = [
  required,
  typeDate,
  typeInteger,
  typeNumber,
  enumValue,
  textSpaces,
  legacyEncoding,
  unicodeForm,
  cadreAge,
  cadreJoined,
  attendanceSum,
  presentGtTotal,
  meetingFuture,
  meetingDuration,
  topicMissing,
  ratingScore,
  meetingQuality,
  cadreDuplicate,
  secretaryCount,
  xrefCell,
  meetingDuplicate,
  monthlyCadence,
  quarterlyThematic,
  sheetNotUnderstood,
  sheetUnreadable,
] as const;
