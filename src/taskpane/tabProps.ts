import type { Period, Settings, UserMapping } from "../core/model";
import type { FlowDeps } from "../app/flow";
import type { Task } from "./useTask";

export type { Task };

/** What every working tab gets from the App: the flow's dependencies, the task runner and the shared choices. */
export interface SharedTabProps {
  deps: FlowDeps;
  task: Task;
  settings: Settings;
  mappings: UserMapping[];
  period: Period;
  setPeriod: (p: Period) => void;
}
