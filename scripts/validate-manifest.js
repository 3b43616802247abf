#!/usr/bin/env node
// Validates a manifest against the XML manifest 1.1 schemas in ../shared, offline,
// with xmllint (Debian: libxml2-utils). The online `office-addin-manifest validate`
// needs the internet, which these machines do not have.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

function findSchema() {
  const candidates = [
    // ../shared is the team's copy; schemas/ is a vendored copy so a clone anywhere validates offline.
    path.join(__dirname, "..", "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd"),
    path.join(__dirname, "..", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd"),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

function validateManifest(file) {
  const schema = findSchema();
  if (!schema) return { ok: false, output: "Không tìm thấy XSD (../shared/schemas/office-addin-manifest hoặc schemas/office-addin-manifest)." };
  const r = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
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
