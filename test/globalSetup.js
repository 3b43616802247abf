// Before jest: the compiled command line (build/) must match the sources, since some tests run
// bin/chibo.js as a user does. The build is incremental: about a second when nothing changed.
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(__dirname, "..", "scripts", "build-cli.js")], { stdio: "inherit" });
};
