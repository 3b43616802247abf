import { Dataset, Finding } from "../model";
import { CheckContext } from "./context";

/** A table rule sees whole tables; it groups with hash maps, never compares rows pairwise. */
export type TableRule = (dataset: Dataset, ctx: CheckContext, out: Finding[]) => void;
