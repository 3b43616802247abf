#!/usr/bin/env node
// Validates a manifest against the XML manifest 1.1 schemas kept in schemas/ (see its README),
// offline, with xmllint (Debian: libxml2-utils). The online `office-addin-manifest validate`
// needs the internet, which these machines do not have.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const SCHEMA = path.join(__dirname, "..", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");

function validateManifest(file) {
  if (!fs.existsSync(SCHEMA)) return { ok: false, output: "Không tìm thấy XSD trong schemas/office-addin-manifest: hãy lấy lại thư mục đó từ kho mã. / The XSDs are missing from schemas/office-addin-manifest: restore that folder from the repository." };
  const r = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (r.error) return { ok: false, output: "Chưa có xmllint: cài bằng `apt-get install -y libxml2-utils`." };
  return { ok: r.status === 0, output: (r.stdout + r.stderr).trim() };
}

module.exports = { validateManifest };

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  const { ok, output } = validateManifest(file);
  console.log(output);
  process.exit(ok ? 0 : 1);
}
