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

module.exports = { DEV_URL, normaliseAddinUrl, setAddinUrl };
