#!/usr/bin/env bash
# Runs `npm test` as a machine with only the README's prerequisites would: PATH holds nothing but
# node, npm, a JDK (java, javac), Maven, Go, Python 3, Chromium and the shell tools the scripts
# use; HOME is a fresh empty folder (so Go's module and build caches start empty), Maven gets an
# empty local repository (Java takes ~/.m2 from the user database, not from HOME), pip keeps no
# cache, and the deployment checkers go to an empty folder. Prints the run's duration.
#
#   tools/test/prerequisites-check.sh [--with python3=/usr/bin/python3 ...] [-- npm test args]
#
# Each tool is taken from this shell's PATH; `--with name=path` picks another binary (a version
# manager's shim, for example, does not work without its own PATH). KAFKA_BROKERS and MONGODB_URI
# pass through when set, so the integration tier can use infrastructure that is already running.
# For empty infrastructure caches too (.infra/kafka, .infra/store), run it in a fresh clone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREREQUISITES=(node npm java javac mvn go python3 chromium)
SHELL_TOOLS=(bash sh env cat cut sed grep head tail tr mkdir rm cp mv ln chmod ls readlink dirname
  basename uname sha256sum tar gzip find xargs sort uniq wc date sleep mktemp touch git expr awk id
  ps kill pwd)

declare -A chosen=()
while [ $# -gt 0 ]; do
  case "$1" in
    --with) chosen["${2%%=*}"]="${2#*=}"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/prerequisites-check.XXXXXX")"
mkdir -p "$work/bin" "$work/home" "$work/deploy-tools" "$work/m2"

link() {
  local name="$1" path="${chosen[$1]:-}"
  [ -n "$path" ] || path="$(type -P "$name" || true)"
  if [ -z "$path" ] || [ ! -x "$path" ]; then
    echo "prerequisites-check: $name is not on this machine's PATH (or give --with $name=/path)" >&2
    exit 1
  fi
  ln -s "$path" "$work/bin/$name"
}
for tool in "${PREREQUISITES[@]}" "${SHELL_TOOLS[@]}"; do link "$tool"; done

passthrough=()
for name in KAFKA_BROKERS MONGODB_URI; do
  [ -n "${!name:-}" ] && passthrough+=("$name=${!name}")
done

echo "prerequisites-check: PATH=$work/bin (${PREREQUISITES[*]} and shell tools), HOME=$work/home"
started=$(date +%s)
status=0
(cd "$ROOT" && env -i PATH="$work/bin" HOME="$work/home" DEPLOY_TOOLS_DIR="$work/deploy-tools" \
  MAVEN_OPTS="-Dmaven.repo.local=$work/m2" PIP_NO_CACHE_DIR=1 LANG=C.UTF-8 ${passthrough[@]+"${passthrough[@]}"} npm test -- "$@") || status=$?
echo "prerequisites-check: npm test exited $status after $(($(date +%s) - started)) s (work folder $work)"
exit "$status"
