/**
 * Makes every test of the file that calls it fail on a warning React writes to the console (a key spread
 * into JSX, an update outside act, a controlled input turned uncontrolled...): printed, then forgotten,
 * such warnings pile up. Errors the pane logs on purpose (an Error for the developer tools) pass.
 */
export function failOnReactWarnings(): void {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(console, "error");
  });
  afterEach(() => {
    const warnings = spy.mock.calls.filter(([m]) => typeof m === "string" && /^Warning: /.test(m)).map((args) => args.map(String).join(" "));
    spy.mockRestore();
    expect(warnings).toEqual([]);
  });
}
