import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { planFindingsSheet } from "../../src/core/plan";
import { day, defaultSettings } from "../../src/core/model";
import { setup } from "./helpers";
(async () => {
  const wb = generateSample({ size: "province", seed: 1, defects: true }).workbook;
  for (const v of ["1.17", "1.7"]) {
  const { sim, ops } = setup(wb, v);
  const read = await ops.readWorkbook();
  const { tables, dataset } = understand(read);
  const findings = checkDataset(dataset, tables, defaultSettings(day(2026, 1, 15)), { kind: "year", year: 2025 });
  console.log(v, "findings", findings.length);
  const plan = planFindingsSheet(findings, "vi");
  sim.counters.reset();
  let t = Date.now();
  await ops.applyPlan(plan);
  console.log("findings sheet", sim.counters.syncs, sim.counters.maxRequestBytes, Date.now() - t);
  sim.counters.reset(); t = Date.now();
  const h = await ops.highlight(findings);
  console.log("highlight", h.cells, sim.counters.syncs, sim.counters.maxRequestBytes, sim.counters.maxResponseBytes, Date.now() - t);
  console.log("highlight record chars", JSON.stringify(sim.settings()["chibo.highlights"] ?? "").length);
  sim.counters.reset(); t = Date.now();
  await ops.clearHighlights();
  console.log("clear", sim.counters.syncs, sim.counters.maxRequestBytes, Date.now() - t);
  }
})().catch((e) => { console.error(e); process.exit(1); });
