#!/usr/bin/env bash
# Fails when a Swift code block of README.md or Docs/** is not a compiled snippet.
#
# Every ```swift block must equal a region of Examples/DocSnippets (a target CI builds with
# warnings as errors), unless an HTML comment on the line before the block names it an
# exception, with the reason: `<!-- snippet: exception (needs swift-log) -->`.
#
# Regions are marked in the Swift files by comment lines:
#
#     // snippet.begin relay-send
#     let message = try relay.messages.send(eventType: "user.created", payload: ["id": "usr_123"])
#     // snippet.end
#
# Several parts with the same name form one region, joined by a blank line, so that a
# sample can show its `import` lines above code that lives inside a function. Blocks and
# regions are compared after dropping trailing spaces, leading and trailing blank lines and
# the indentation common to all lines. A block preceded by `<!-- snippet: NAME -->` must
# equal that region; any other block may equal any region. A block preceded by
# `<!-- snippet: manifest -->` is a package manifest, loaded with `swift package dump-package`.
#
# Usage: scripts/check-snippets.sh [--list] [--write]
#   --list   prints every block with the region it matches
#   --write  first rewrites each block marked `<!-- snippet: NAME -->` from its region
set -euo pipefail
cd "$(dirname "$0")/.."

python3 - "$@" <<'PY'
import difflib
import pathlib
import re
import subprocess
import sys
import tempfile

LIST = "--list" in sys.argv[1:]
WRITE = "--write" in sys.argv[1:]
SNIPPET_ROOT = pathlib.Path("Examples/DocSnippets")
DOCUMENTS = [pathlib.Path("README.md")] + sorted(pathlib.Path("Docs").rglob("*.md"))

BEGIN = re.compile(r"^\s*// snippet\.begin\s+([A-Za-z0-9._-]+)\s*$")
END = re.compile(r"^\s*// snippet\.end\s*$")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^\s`]*)")
EXCEPTION = re.compile(r"^\s*<!--\s*snippet:\s*exception\s*\((.+)\)\s*-->\s*$")
NAMED = re.compile(r"^\s*<!--\s*snippet:\s*([A-Za-z0-9._-]+)\s*-->\s*$")

problems = []


def normalize(lines):
    """Drops trailing spaces, outer blank lines and the common indentation."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


# Regions of the snippet target.
parts = {}
origins = {}
for path in sorted(SNIPPET_ROOT.rglob("*.swift")):
    name = None
    body = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        begin, end = BEGIN.match(line), END.match(line)
        if begin:
            if name:
                problems.append(f"{path}:{number}: region '{begin.group(1)}' starts inside '{name}'")
            name, body = begin.group(1), []
            origins.setdefault(name, f"{path}:{number}")
        elif end:
            if not name:
                problems.append(f"{path}:{number}: snippet.end without snippet.begin")
                continue
            text = normalize(body)
            if not text:
                problems.append(f"{path}:{number}: region '{name}' is empty")
            parts.setdefault(name, []).append(text)
            name = None
        elif name:
            body.append(line)
    if name:
        problems.append(f"{path}: region '{name}' is never closed")

regions = {name: "\n\n".join(texts) for name, texts in parts.items()}
by_text = {}
for name, text in regions.items():
    by_text.setdefault(text, name)



def rewrite(path):
    """Replaces the body of every block marked with a region name by that region."""
    lines = path.read_text(encoding="utf-8").splitlines()
    result, index, changed = [], 0, False
    while index < len(lines):
        line = lines[index]
        result.append(line)
        index += 1
        fence = FENCE.match(line)
        if not fence:
            continue
        indent, marker = fence.group(1), fence.group(2)
        body_start = index
        while index < len(lines) and not (
            lines[index].strip().startswith(marker) and not lines[index].strip().strip(marker[0])
        ):
            index += 1
        previous = len(result) - 2
        while previous >= 0 and not result[previous].strip():
            previous -= 1
        named = NAMED.match(result[previous]) if previous >= 0 else None
        if named and fence.group(3).lower() == "swift" and named.group(1) in regions:
            body = [indent + text if text else "" for text in regions[named.group(1)].split("\n")]
            changed |= body != lines[body_start:index]
            result.extend(body)
        else:
            result.extend(lines[body_start:index])
        if index < len(lines):
            result.append(lines[index])
            index += 1
    if changed:
        path.write_text("\n".join(result) + "\n", encoding="utf-8")
        print(f"rewrote {path}")


if WRITE:
    for path in DOCUMENTS:
        if path.exists():
            rewrite(path)

def check_manifest(text):
    """Loads a sample Package.swift with SwiftPM; returns its complaint, or None."""
    with tempfile.TemporaryDirectory() as folder:
        pathlib.Path(folder, "Package.swift").write_text(text + "\n", encoding="utf-8")
        run = subprocess.run(
            ["swift", "package", "--package-path", folder, "dump-package"],
            capture_output=True, text=True)
        return None if run.returncode == 0 else (run.stderr or run.stdout).strip()


# Swift blocks of the documents.
used = set()
checked = exceptions = 0
for path in DOCUMENTS:
    if not path.exists():
        continue
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        fence = FENCE.match(lines[index])
        if not fence:
            index += 1
            continue
        indent, marker, language = fence.group(1), fence.group(2), fence.group(3).lower()
        start = index
        index += 1
        body = []
        while index < len(lines):
            line = lines[index]
            if line.strip().startswith(marker[0] * len(marker)) and not line.strip().strip(marker[0]):
                break
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            index += 1
        index += 1
        if language != "swift":
            continue

        previous = start - 1
        while previous >= 0 and not lines[previous].strip():
            previous -= 1
        note = lines[previous] if previous >= 0 else ""
        where = f"{path}:{start + 1}"

        exception = EXCEPTION.match(note)
        if note.lstrip().startswith("<!-- snippet") and not (exception or NAMED.match(note)):
            problems.append(f"{where}: malformed marker before the block: {note.strip()}")
            continue
        if exception:
            exceptions += 1
            if LIST:
                print(f"{where}: exception ({exception.group(1)})")
            continue

        checked += 1
        text = normalize(body)
        named = NAMED.match(note)
        if named and named.group(1) == "manifest":
            problem = check_manifest(text)
            if problem:
                problems.append(f"{where}: the package manifest does not load:\n{problem}")
            elif LIST:
                print(f"{where}: manifest (loaded by swift package dump-package)")
            continue
        if named:
            wanted = named.group(1)
            if wanted not in regions:
                problems.append(f"{where}: names region '{wanted}', which does not exist")
                continue
            if regions[wanted] != text:
                diff = difflib.unified_diff(
                    regions[wanted].splitlines(), text.splitlines(),
                    f"region {wanted}", where, lineterm="", n=1)
                problems.append(f"{where}: differs from region '{wanted}':\n" + "\n".join(diff))
                continue
            match = wanted
        else:
            match = by_text.get(text)
        if match is None:
            closest = difflib.get_close_matches(text, list(regions.values()), n=1, cutoff=0.3)
            hint = ""
            if closest:
                name = by_text[closest[0]]
                diff = difflib.unified_diff(
                    closest[0].splitlines(), text.splitlines(),
                    f"closest region {name} ({origins[name]})", where, lineterm="", n=1)
                hint = "\n" + "\n".join(diff)
            problems.append(f"{where}: Swift block matches no region of {SNIPPET_ROOT}{hint}")
            continue
        used.add(match)
        if LIST:
            print(f"{where}: {match}")

for problem in problems:
    print(problem, file=sys.stderr)
unused = sorted(set(regions) - used)
for name in unused:
    print(f"note: region '{name}' ({origins[name]}) is not shown in any document", file=sys.stderr)

if problems:
    print(f"check-snippets: {len(problems)} problem(s); {checked} block(s) checked", file=sys.stderr)
    sys.exit(1)
print(f"check-snippets: {checked} Swift block(s) match compiled regions; "
      f"{exceptions} listed exception(s); {len(regions)} region(s)")
PY
