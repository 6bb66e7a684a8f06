#!/usr/bin/env bash
# The Kotlin/JVM JAR as a user gets it (ADR 0048): builds it with `scripts/dist.sh --dev jar` (the
# release script, dev profile, reusing target/), then proves
#   - its layout: the compiled bindings, linux-x86-64/libbrobygger_mobile.so (JNA's resource
#     layout) and the POM under META-INF/maven/;
#   - no test hooks: no `selfTest` in any class, no `self_test` symbol in the library;
#   - the POM's dependencies are exactly JNA, kotlin-stdlib and kotlinx-coroutines-core-jvm, at
#     the versions of the jars the project tests with (they stand in for Maven Central here);
#   - a sample app (the README's Kotlin tour) compiles against the JAR with only the JAR and the
#     POM's dependencies on the classpath (kotlinc -no-stdlib) in < 60 s, and runs with no
#     jna.library.path and no LD_LIBRARY_PATH: JNA loads the native library from the JAR.
# Prints the measured compile time. Leaves build/jar-check/ for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/build/dist-check
WORK=$ROOT/build/jar-check
PY=$ROOT/.venv/bin/python
KOTLIN_HOME=$ROOT/.tools/kotlin
MAX_COMPILE_S=60

scripts/dist.sh --dev --out "$DIST" jar
jar=$(ls "$DIST"/brobygger-*.jar | grep -v -- -sources.jar)
pom=${jar%.jar}.pom
echo "jar: $(basename "$jar") ($(du -h "$jar" | cut -f1)), pom: $(basename "$pom")"
rm -rf "$WORK" && mkdir -p "$WORK"

# --- Layout and no test hooks ---------------------------------------------------------------
listing=$(unzip -Z1 "$jar")
for f in linux-x86-64/libbrobygger_mobile.so dk/brobygger/DossierHandle.class \
  dk/brobygger/core/Finding.class META-INF/maven/dk.brobygger/brobygger/pom.xml; do
  grep -qx "$f" <<<"$listing" || { echo "FAIL: the JAR lacks $f"; exit 1; }
done
if unzip -p "$jar" '*.class' | grep -a -q -i 'selftest'; then
  echo "FAIL: the JAR's classes contain a test hook (selfTest...)"; exit 1
fi
unzip -p "$jar" linux-x86-64/libbrobygger_mobile.so > "$WORK/lib.so"
if nm -D --defined-only "$WORK/lib.so" | grep -q -i self_test; then
  echo "FAIL: the JAR's native library exports a test hook"; exit 1
fi
echo "layout: $(grep -c '\.class$' <<<"$listing") classes, linux-x86-64/libbrobygger_mobile.so ($(du -h "$WORK/lib.so" | cut -f1)), the POM; no test hooks"

# --- The POM's dependencies, resolved to the project's jars -----------------------------------
deps=$("$PY" - "$pom" "$KOTLIN_HOME" <<'PY'
import sys
import xml.etree.ElementTree as ET
import zipfile

pom, kotlin_home = sys.argv[1], sys.argv[2]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}


def manifest(jar: str, key: str) -> str:
    text = zipfile.ZipFile(jar).read("META-INF/MANIFEST.MF").decode()
    return next(line.split(":", 1)[1].strip().split(" ")[0] for line in text.splitlines() if line.startswith(key + ":"))


coroutines = f"{kotlin_home}/lib/kotlinx-coroutines-core-jvm.jar"
# The local stand-ins for Maven Central: each coordinate's jar and the version it really is.
local = {
    "net.java.dev.jna:jna": ("/usr/share/java/jna.jar", lambda j: manifest(j, "Bundle-Version")),
    "org.jetbrains.kotlin:kotlin-stdlib": (f"{kotlin_home}/lib/kotlin-stdlib.jar", lambda j: manifest(j, "Implementation-Version")),
    "org.jetbrains.kotlinx:kotlinx-coroutines-core-jvm": (
        coroutines,
        lambda j: zipfile.ZipFile(j).read("META-INF/kotlinx_coroutines_core.version").decode().strip(),
    ),
}
found = {}
for d in ET.parse(pom).getroot().findall("m:dependencies/m:dependency", ns):
    coordinate = f"{d.findtext('m:groupId', namespaces=ns)}:{d.findtext('m:artifactId', namespaces=ns)}"
    version = d.findtext("m:version", namespaces=ns)
    if coordinate not in local:
        sys.exit(f"FAIL: the POM names {coordinate}, which the project does not build with")
    path, real = local[coordinate]
    if real(path) != version:
        sys.exit(f"FAIL: the POM names {coordinate}:{version}, the project builds with {real(path)}")
    found[coordinate] = path
    print(f"  {coordinate}:{version} -> {path}", file=sys.stderr)
if set(found) != set(local):
    sys.exit(f"FAIL: the POM lacks {sorted(set(local) - set(found))}")
print(":".join(found.values()))
PY
)
echo "POM dependencies resolved: 3 (JNA, kotlin-stdlib, kotlinx-coroutines-core-jvm)"
cp="$jar:$deps"

# --- The sample app: the README's Kotlin tour ---------------------------------------------------
"$PY" - "$ROOT" > "$WORK/Sample.kt" <<'PY'
import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]) / "scripts"))
import guide

(tour,) = [b for b in guide.blocks(Path("README.md"), Path(sys.argv[1])) if b.lang == "kotlin" and b.runs]
lines = tour.code.rstrip("\n").split("\n")
imports = [line for line in lines if line.startswith("import ")]
body = [line for line in lines if not line.startswith("import ")]
print("\n".join(imports))
print("\nfun main() {")
print("\n".join("    " + line if line else "" for line in body))
print('    println("sample app: done")')
print("}")
PY
start=$EPOCHREALTIME
"$KOTLIN_HOME/bin/kotlinc" "$WORK/Sample.kt" -no-stdlib -no-reflect -cp "$cp" -d "$WORK/classes" -nowarn
compile_s=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
printf 'sample app compiled against the JAR: %.1f s (limit %s s)\n' "$compile_s" "$MAX_COMPILE_S"

# From a scratch directory, without a library path: the library can come only from the JAR.
mkdir -p "$WORK/run"
(cd "$WORK/run" && env -u LD_LIBRARY_PATH java -Djna.debug_load=true -cp "$WORK/classes:$cp" SampleKt \
  > "$WORK/run.out" 2> "$WORK/run.err") || { cat "$WORK/run.out" "$WORK/run.err"; echo "FAIL: the sample app failed"; exit 1; }
sed 's/^/  | /' "$WORK/run.out"
if ! grep -q 'Found library resource at jar:.*linux-x86-64/libbrobygger_mobile.so' "$WORK/run.err"; then
  grep -i brobygger_mobile "$WORK/run.err" || true
  echo "FAIL: the native library was not loaded from the JAR"; exit 1
fi
grep -qx 'sample app: done' "$WORK/run.out" || { echo "FAIL: the sample app did not finish"; exit 1; }
echo "the native library loaded from the JAR (jna.debug_load)"

if [ "$(awk "BEGIN { print ($compile_s < $MAX_COMPILE_S) }")" != 1 ]; then
  echo "FAIL: the sample app took ${compile_s} s to compile (limit ${MAX_COMPILE_S} s)"; exit 1
fi
echo "jar: layout, POM, sample app compiled and run from the JAR alone"
