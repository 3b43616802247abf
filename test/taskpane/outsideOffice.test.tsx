/**
 * @jest-environment jsdom
 */
/**
 * Opened in a plain browser (the task pane's address typed in, or another
 * Office app), office.js reports no Excel host: the pane says so in a
 * sentence, in both languages, instead of failing later with "unexpected error".
 */
// The engine's worker is started with import.meta.url (webpack's form), which jest does not parse; outside Excel
// the pane never starts it.
jest.mock("../../src/app/spawnCoreWorker", () => ({ spawnCoreWorker: () => { throw new Error("no worker in jest"); } }));

describe("the task pane outside Excel", () => {
  it("says it is open outside Excel and what to do", () => {
    document.body.innerHTML = '<div id="root"></div>';
    (globalThis as unknown as { Office: unknown }).Office = {
      onReady: (cb: (info: { host: string | null; platform: string | null }) => void) => cb({ host: null, platform: null }),
      HostType: { Excel: "Excel" },
    };
    jest.isolateModules(() => {
      // The entry module runs on import, as the page runs it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../src/taskpane/index");
    });
    const root = document.getElementById("root")!;
    expect(root.getAttribute("role")).toBe("alert");
    expect(root.textContent).toMatch(/mở ngoài Excel/);
    expect(root.textContent).toMatch(/Hãy mở tệp Excel/);
    expect(root.textContent).toMatch(/open outside Excel/);
  });
});
