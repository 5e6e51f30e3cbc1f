#!/usr/bin/env bash
# Builds the documentation site with the toolchain's own `docc`, no plugin package:
#
#   1. symbol graphs of the public API, from `swift package dump-symbol-graph` (it reuses the
#      debug build that `swift build` or `swift test` left, so in CI it compiles nothing);
#   2. one `docc convert` per module, from its catalog Docs/<Module>.docc, warnings as
#      errors, so a broken symbol link or a bad article fails the build; modules that build
#      on VerneCore link to its archive (`--dependency`), and the umbrella catalog
#      Docs/Verne.docc, which holds the guides, links to every module;
#   3. `docc merge` of the archives into .build/docs/Verne.doccarchive (git-ignored), then a
#      check that the pages readers look for first are there.
#
# Doc comments in VerneRelay, VerneGate, VerneTesting and Verne name VerneCore's types
# without the module (``VerneAPIError``), as the modules re-export it. DocC resolves links
# one module at a time, so before converting, such a link is qualified with the module
# that declares the type (``/VerneCore/VerneAPIError``) in the copy of the symbol graph.
# A link that names nothing in the module or its dependencies is left alone and fails.
#
# Open the result with a static file server, for example:
#   python3 -m http.server -d .build/docs/Verne.doccarchive 8000
#   then http://localhost:8000/documentation/verne
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
work=.build/docs-work
out=.build/docs
archive="$out/Verne.doccarchive"
# The toolchain's docc: on the PATH, beside `swift`, or through xcrun on macOS.
docc=$(command -v docc || true)
if [ -z "$docc" ] && command -v xcrun >/dev/null 2>&1; then
  docc=$(xcrun --find docc 2>/dev/null || true)
fi
if [ -z "$docc" ]; then
  docc="$(dirname "$(readlink -f "$(command -v swift)")")/docc"
fi

# Modules in dependency order, each with the modules its documentation links to.
modules=(VerneCore VerneRelay VerneGate VerneTesting Verne)
links_of() {
  case $1 in
    VerneCore) echo "" ;;
    VerneRelay | VerneGate | VerneTesting) echo "VerneCore" ;;
    Verne) echo "VerneCore VerneRelay VerneGate VerneTesting" ;;
  esac
}

echo "docs: symbol graphs"
rm -rf "$work" "$out"
mkdir -p "$work" "$out"
swift package dump-symbol-graph --minimum-access-level public >"$work/dump.log" 2>&1 || {
  cat "$work/dump.log" >&2
  exit 1
}
graphs=$(sed -n 's/^Files written to //p' "$work/dump.log" | tail -1)
if [ -z "$graphs" ] || [ ! -d "$graphs" ]; then
  graphs="$(dirname "$(swift build --show-bin-path)")/symbolgraph"
fi

specs=()
for module in "${modules[@]}"; do specs+=("$module:$(links_of "$module")"); done
python3 - "$graphs" "$work/graphs" "${specs[@]}" <<'PY'
import json
import pathlib
import re
import sys

source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
depends = {spec.split(":")[0]: spec.split(":")[1].split() for spec in sys.argv[3:]}
modules = list(depends)
LINK = re.compile(r"``([A-Za-z_][A-Za-z0-9_]*)([/(-][^`]*)?``")


def files(module):
    return sorted(source.glob(f"{module}.symbols.json")) + sorted(source.glob(f"{module}@*.symbols.json"))


def top_level(module):
    names = set()
    for path in files(module):
        for symbol in json.loads(path.read_text())["symbols"]:
            components = symbol["pathComponents"]
            if components:
                names.add(components[0])
    return names


names = {module: top_level(module) for module in modules}
for module in modules:
    if not files(module):
        sys.exit(f"build-docs: no symbol graph for {module} in {source}")
    owners = {}
    for dependency in depends[module]:
        for name in names[dependency] - names[module]:
            owners.setdefault(name, dependency)

    def qualify(match):
        owner = owners.get(match.group(1))
        if owner is None:
            return match.group(0)
        return f"``/{owner}/{match.group(1)}{match.group(2) or ''}``"

    folder = target / module
    folder.mkdir(parents=True)
    for path in files(module):
        graph = json.loads(path.read_text())
        for symbol in graph["symbols"]:
            for line in (symbol.get("docComment") or {}).get("lines", []):
                line["text"] = LINK.sub(qualify, line["text"])
        (folder / path.name).write_text(json.dumps(graph))
PY

for module in "${modules[@]}"; do
  echo "docs: docc convert $module"
  dependencies=()
  for dependency in $(links_of "$module"); do
    dependencies+=(--dependency "$work/$dependency.doccarchive")
  done
  "$docc" convert "Docs/$module.docc" \
    --additional-symbol-graph-dir "$work/graphs/$module" \
    --output-path "$work/$module.doccarchive" \
    --fallback-display-name "$module" \
    --fallback-bundle-identifier "com.vernesoft.$module" \
    --enable-experimental-external-link-support \
    ${dependencies[@]+"${dependencies[@]}"} \
    --warnings-as-errors | sed '/^$/d'
done

echo "docs: docc merge"
archives=()
for module in "${modules[@]}"; do archives+=("$work/$module.doccarchive"); done
"$docc" merge "${archives[@]}" --output-path "$archive" \
  --synthesized-landing-page-name "Verne Swift SDK" >"$work/merge.log" 2>&1 || {
  cat "$work/merge.log" >&2
  exit 1
}

# The pages a reader opens first: the guides, each client, the emulator.
required=(
  documentation/verne
  documentation/verne/verne
  documentation/verne/asyncverne
  documentation/verne/gettingstarted
  documentation/vernerelay/relay
  documentation/vernerelay/asyncrelay
  documentation/vernegate/gate
  documentation/vernegate/asyncgate
  documentation/vernecore/verneapierror
  documentation/vernetesting/nautilusemulator
  documentation/vernetesting/emulatorserver
)
missing=0
for page in "${required[@]}"; do
  if [ ! -f "$archive/data/$page.json" ] || [ ! -f "$archive/$page/index.html" ]; then
    echo "build-docs: missing page $page" >&2
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1

pages=$(find "$archive/data/documentation" -name '*.json' | wc -l)
echo "docs: $pages pages in $archive ($((SECONDS - started)) s)"
