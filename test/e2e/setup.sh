#!/usr/bin/env bash
# Installs what the end-to-end suite needs, outside the project's own dependencies:
#   - Debian packages: chromium (the browser), ripgrep (VS Code's search, needed by the
#     code-server install), neovim (the second client), and the tool chain code-server's
#     native modules build with (libkrb5-dev, build-essential, pkg-config, python3);
#   - code-server 4.100.3 (VS Code 1.100.3 in a browser, the newest that runs on Node 20)
#     and playwright-core, in their own folder, cached between runs.
# Usage: test/e2e/setup.sh            (prints the install folder on its last line)
# Env:   REFERAT_E2E_HOME  install folder (default: ~/.cache/referat-e2e)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
E2E_HOME="${REFERAT_E2E_HOME:-$HOME/.cache/referat-e2e}"

# code-server runs on the machine's Node 20, like VS Code 1.100's extension host:
# drop the project's node_modules/.bin (Node 22) from PATH for the install and for its use.
PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v 'node_modules/\.bin' | paste -sd: -)"
export PATH

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
command -v nvim >/dev/null || need+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s build-essential >/dev/null 2>&1 || need+=(build-essential)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "e2e setup: not root, cannot install: ${need[*]}" >&2; exit 1; fi
  echo "e2e setup: installing Debian packages: ${need[*]}" >&2
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

installed_version() {
  node -e 'try { console.log(require(process.argv[1]).version) } catch { }' "$E2E_HOME/node_modules/code-server/package.json" 2>/dev/null
}

if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ] || [ ! -e "$E2E_HOME/node_modules/playwright-core/package.json" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION and playwright-core into $E2E_HOME (first run: about 2 minutes)" >&2
  mkdir -p "$E2E_HOME"
  # @vscode/ripgrep downloads a prebuilt rg at install time, which this network refuses:
  # its cache is filled with Debian's rg under the asset name it looks for.
  tmp="${TMPDIR:-/tmp}"
  cache="$tmp/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
  if [ ! -s "$cache/$RIPGREP_ASSET" ]; then
    mkdir -p "$cache/stage"
    cp "$(command -v rg)" "$cache/stage/rg"
    tar -czf "$cache/$RIPGREP_ASSET" -C "$cache/stage" rg
    rm -rf "$cache/stage"
  fi
  [ -f "$E2E_HOME/package.json" ] || printf '{ "name": "referat-e2e-tools", "private": true }\n' > "$E2E_HOME/package.json"
  (
    cd "$E2E_HOME"
    npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
      npm install --no-save --foreground-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" playwright-core >"$E2E_HOME/install.log" 2>&1
  ) || { echo "e2e setup: npm install of code-server failed; see $E2E_HOME/install.log" >&2; tail -20 "$E2E_HOME/install.log" >&2; exit 1; }
fi
[ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || { echo "e2e setup: code-server $CODE_SERVER_VERSION is not installed in $E2E_HOME" >&2; exit 1; }
echo "$E2E_HOME"
