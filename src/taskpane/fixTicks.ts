import type { RuleId } from "../core/model";
import type { FixScope, FixSelection } from "../app/engine";
import { inFixScope, tickedByDefault } from "../app/findingsView";

/** Where a fix is: what places it in the panel's scopes. */
export interface FixPlace {
  rule: RuleId;
  sheet: string;
}

/**
 * The ticks of "Sửa tự động" as the panel keeps them: the engine's selection, with the place of each fix
 * ticked one by one, so the panel counts a scope's ticks from the engine's counts without holding its fixes.
 */
export interface Ticks {
  all: boolean;
  scopes: NonNullable<FixSelection["scopes"]>;
  toggled: ReadonlyMap<string, FixPlace>;
}

export const ALL_TICKED: Ticks = { all: true, scopes: [], toggled: new Map() };

/**
 * "Select all" or "clear all" in a scope: every fix the user is looking at, and only those. A fix ticked
 * by hand in another rule or sheet keeps its tick.
 */
export function tickScope(ticks: Ticks, scope: FixScope, ticked: boolean): Ticks {
  const toggled = new Map([...ticks.toggled].filter(([, place]) => !inFixScope(place, scope)));
  if (!scope.rule && !scope.sheet) return { all: ticked, scopes: [], toggled };
  // A scope inside this one is wholly overruled: dropping it keeps the list as short as the scopes the panel has.
  const scopes = [...ticks.scopes.filter((s) => !inFixScope(s, scope)), { ...scope, ticked }];
  return { all: ticks.all, scopes, toggled };
}

export function tickOne(ticks: Ticks, key: string, place: FixPlace): Ticks {
  const toggled = new Map(ticks.toggled);
  if (toggled.has(key)) toggled.delete(key);
  else toggled.set(key, { rule: place.rule, sheet: place.sheet });
  return { ...ticks, toggled };
}

export function isTicked(ticks: Ticks, key: string, place: FixPlace): boolean {
  return tickedByDefault(ticks, place) !== ticks.toggled.has(key);
}

/** How many fixes a scope holds and how many of them are ticked, from the engine's counts per rule and sheet. */
export function countTicks(ticks: Ticks, scope: FixScope, cells: ReadonlyArray<FixPlace & { count: number }>): { total: number; chosen: number } {
  let total = 0;
  let chosen = 0;
  for (const c of cells) {
    if (!inFixScope(c, scope)) continue;
    total += c.count;
    if (tickedByDefault(ticks, c)) chosen += c.count;
  }
  for (const place of ticks.toggled.values()) if (inFixScope(place, scope)) chosen += tickedByDefault(ticks, place) ? -1 : 1;
  return { total, chosen };
}

export function selectionOf(ticks: Ticks): FixSelection {
  return { all: ticks.all, ...(ticks.scopes.length ? { scopes: ticks.scopes } : {}), toggled: [...ticks.toggled.keys()] };
}
