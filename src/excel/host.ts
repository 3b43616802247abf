/**
 * What the adapter needs from its host: a way to run a batch, and a way to ask
 * which API sets exist. Production passes Office's own (officeHost.ts); tests and
 * the demo pass the simulated Excel. Nothing in src/excel touches the global
 * `Excel` except officeHost.ts.
 */
export interface ExcelHost {
  /** `typeof Excel.run` is assignable here; only the batch-only form is used. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(set: string, version: string): boolean;
}

/**
 * The API sets the adapter branches on. The lowest set it needs at all is
 * ExcelApi 1.7 (see docs in index.ts); each newer call is guarded by one of these.
 */
export interface ApiSupport {
  /** suspendApiCalculationUntilNextSync */
  suspendCalculation: boolean;
  /** getCellProperties / setCellProperties, getRanges (RangeAreas with one format), RangeFill.tintAndShade */
  cellProperties: boolean;
  /** suspendScreenUpdatingUntilNextSync */
  screenUpdating: boolean;
  /** dataValidation list rules */
  dataValidation: boolean;
  /** getMergedAreasOrNullObject */
  mergedAreas: boolean;
  /** RangeFill.pattern and patternColor */
  fillPattern: boolean;
}

export function apiSupport(host: ExcelHost): ApiSupport {
  const has = (v: string) => {
    try {
      return host.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return {
    suspendCalculation: has("1.6"),
    cellProperties: has("1.9"),
    screenUpdating: has("1.9"),
    dataValidation: has("1.8"),
    mergedAreas: has("1.13"),
    fillPattern: has("1.15"),
  };
}
