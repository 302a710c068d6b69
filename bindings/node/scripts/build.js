// npm's install step: builds heymilo.node with the repository's CMake (-DHEYMILO_BUILD_NODE=ON)
// against the running Node's headers and the node-addon-api that npm installed, so that npm
// and CMake compile the same target from one definition. Nothing is downloaded.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const here = path.resolve(__dirname, "..");
const repository = path.resolve(here, "..", "..");
const build = path.join(here, "build", "cmake");
const run = (command, args) => execFileSync(command, args, { stdio: "inherit" });
const hasNinja = (() => {
  try {
    execFileSync("ninja", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

run("cmake", [
  "-S", repository, "-B", build,
  "-DCMAKE_BUILD_TYPE=Release",
  "-DHEYMILO_BUILD_NODE=ON",
  "-DHEYMILO_BUILD_TESTS=OFF",
  "-DHEYMILO_BUILD_TOOLS=OFF",
  "-DHEYMILO_BUILD_BENCHMARKS=OFF",
  `-DNODE_INCLUDE_DIR=${path.resolve(path.dirname(process.execPath), "..", "include", "node")}`,
  `-DNODE_ADDON_API_DIR=${path.dirname(require.resolve("node-addon-api/napi.h"))}`,
  ...(hasNinja ? ["-G", "Ninja"] : []),
]);
run("cmake", ["--build", build, "--target", "heymilo_node", "-j", process.env.CMAKE_BUILD_PARALLEL_LEVEL || "2"]);
fs.copyFileSync(path.join(build, "bindings", "node", "heymilo.node"), path.join(here, "build", "heymilo.node"));
