// The manifest is written for https://localhost:3000/ (development). A production
// build swaps that origin for ADDIN_URL, everywhere it occurs, so one source file
// serves both. Used by webpack.config.js and by the manifest test.
const DEV_URL = "https://localhost:3000/";

function normaliseAddinUrl(url) {
  if (!url) return DEV_URL;
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL không hợp lệ: "${url}". Ví dụ đúng: https://may-chu.vn/chibo/`);
  }
  if (u.protocol !== "https:") {
    throw new Error(`ADDIN_URL phải dùng https (Office chỉ nạp add-in qua https): "${url}"`);
  }
  return u.href.endsWith("/") ? u.href : u.href + "/";
}

function setAddinUrl(xml, url) {
  const target = normaliseAddinUrl(url);
  // AppDomain holds an origin without the trailing slash or path.
  const origin = new URL(target).origin;
  return xml
    .split("<AppDomain>https://localhost:3000</AppDomain>").join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL).join(target);
}

/**
 * The manifest's <Version> from package.json's "version" ("1.4.2" -> "1.4.2.0"):
 * the Microsoft 365 admin center takes an updated manifest only with a higher
 * version, so the version is bumped in one place and every build follows it.
 */
function manifestVersion(pkgVersion) {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:[-+].*)?$/.exec(String(pkgVersion).trim());
  if (!m || m.slice(1).some((n) => Number(n) > 65535)) {
    throw new Error(`package.json "version" không dùng được cho manifest: "${pkgVersion}". Ví dụ đúng: 1.4.2`);
  }
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}.0`;
}

function setVersion(xml, pkgVersion) {
  const version = manifestVersion(pkgVersion);
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("manifest.xml không có thẻ <Version>");
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

module.exports = { DEV_URL, normaliseAddinUrl, setAddinUrl, manifestVersion, setVersion };
