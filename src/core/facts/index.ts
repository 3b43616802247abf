/**
 * Facts that more than one step needs, each defined once: check and summary
 * call these, so a clerk never sees the two disagree.
 */
export { isRecorded } from "./recorded";
