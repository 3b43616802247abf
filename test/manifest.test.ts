import * as fs from "fs";
import * as os from "os";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../scripts/validate-manifest.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { setAddinUrl, setVersion, manifestVersion } = require("../scripts/manifest-url.js");

const root = path.join(__dirname, "..");
const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("validates against the XML manifest 1.1 schemas", () => {
    const r = validateManifest(path.join(root, "manifest.xml"));
    expect(r.output).toContain("validates");
    expect(r.ok).toBe(true);
  });

  it("asks for a workbook task pane with read/write access and a Home-tab button", () => {
    expect(source).toContain('<Host Name="Workbook"/>');
    expect(source).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(source).toContain('<OfficeTab id="TabHome">');
    expect(source).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
  });

  it("points at real PNG icons of 16, 20 (the ribbon at 125 %), 32, 64 and 80 px", () => {
    expect(source).toContain('<bt:Image size="20" resid="Icon.20x20"/>');
    for (const size of [16, 20, 32, 64, 80]) {
      expect(source).toContain(`assets/icon-${size}.png`);
      expect(pngSize(path.join(root, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it("builds for a production address and the result still validates", () => {
    const built = setAddinUrl(source, "https://may-chu.tinhuy.vn/chibo");
    expect(built).not.toContain("localhost");
    expect(built).toContain("https://may-chu.tinhuy.vn/chibo/taskpane.html");
    expect(built).toContain("<AppDomain>https://may-chu.tinhuy.vn</AppDomain>");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chibo-manifest-")), "manifest.xml");
    fs.writeFileSync(file, built);
    expect(validateManifest(file).ok).toBe(true);
  });

  it("takes its version from package.json at build, so an update always carries a higher one", () => {
    expect(manifestVersion("1.4.2")).toBe("1.4.2.0");
    expect(manifestVersion("2.0.0-beta.1")).toBe("2.0.0.0");
    expect(() => manifestVersion("1.4")).toThrow(/package.json/);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    const built = setVersion(setAddinUrl(source, "https://may-chu.tinhuy.vn/chibo"), pkg.version);
    expect(built).toContain(`<Version>${manifestVersion(pkg.version)}</Version>`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chibo-manifest-")), "manifest.xml");
    fs.writeFileSync(file, setVersion(source, "12.3.45"));
    expect(validateManifest(file).ok).toBe(true);
  });

  it("names itself in English for English Office in any country, not only en-US", () => {
    for (const locale of ["en-US", "en-GB", "en-AU", "en-CA", "en-IN"]) {
      expect(source).toContain(`<Override Locale="${locale}" Value="Party Cell Summary"/>`);
      expect(source).toContain(`<bt:Override Locale="${locale}" Value="Party Cell Summary"/>`);
    }
  });

  it("refuses a plain-http or malformed production address with a Vietnamese message", () => {
    expect(() => setAddinUrl(source, "http://may-chu/chibo/")).toThrow(/https/);
    expect(() => setAddinUrl(source, "không phải địa chỉ")).toThrow(/ADDIN_URL không hợp lệ/);
  });

});
