#!/usr/bin/env bash
# Builds the release artefacts into dist/ (ADR 0048; docs/guide/src/packaging.md):
#
#   wheel    brobygger-VERSION-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl: abi3, CPython
#            >= 3.9 on any Linux with glibc >= 2.17 (maturin --zig, manylinux2014)
#   sdist    brobygger-VERSION.tar.gz (the Rust sources of the workspace; builds with maturin)
#   cli      brobygger: the command-line tool as one binary
#   jar      brobygger-VERSION.jar + brobygger-VERSION.pom: the Kotlin/JVM bindings compiled, with
#            linux-x86-64/libbrobygger_mobile.so inside (JNA's resource layout), and the Maven POM
#            naming the three dependencies (JNA, kotlin-stdlib, kotlinx-coroutines-core-jvm);
#            brobygger-VERSION-sources.jar with the generated Kotlin
#   swift    swift/: the Swift package layout (packaging/swift) with the generated sources and
#            C headers; the xcframework is built on macOS (the guide's "Swift package")
#   android  android/: the Android library module (packaging/android) with the generated Kotlin;
#            `scripts/package-android.sh dist/android/src/main` adds the .so files (needs the NDK)
#
#   scripts/dist.sh [--release | --dev] [--out DIR] [ARTEFACT...]     (default: all, --release)
#
# --release builds with the release profile (what you ship). --dev builds the same artefacts in
# the dev profile, reusing the test command's build in target/debug: the checks in the test
# command (scripts/check_wheel.sh, scripts/check_jar.sh) run this script with --dev, so what they
# test is what this script builds. The mobile bindings always come from a build WITHOUT the
# test-hooks feature. Needs scripts/setup.sh's tools (.venv with maturin and ziglang, .tools/kotlin,
# JNA from apt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

profile=release
OUT=$ROOT/dist
want=()
while [ $# -gt 0 ]; do
  case $1 in
    --release) profile=release ;;
    --dev) profile=dev ;;
    --out) OUT=$(realpath -m "$2"); shift ;;
    wheel | sdist | cli | jar | swift | android) want+=("$1") ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "dist: unknown argument '$1' (see scripts/dist.sh --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#want[@]} -gt 0 ] || want=(wheel sdist cli jar swift android)
wants() { [[ " ${want[*]} " == *" $1 "* ]]; }
profile_dir=$([ "$profile" = dev ] && echo debug || echo release)

VENV=$ROOT/.venv
KOTLIN_HOME=$ROOT/.tools/kotlin
JNA=/usr/share/java/jna.jar
COROUTINES=$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar
WORK=$ROOT/build/dist-$profile
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
mkdir -p "$OUT" "$WORK"
log() { printf 'dist: %s\n' "$*"; }

# The versions the POM and the Android module name are the ones the project builds and tests
# against: the Kotlin compiler's stdlib and coroutines (npm kotlin-compiler) and Debian's JNA.
kotlin_version() { cat "$KOTLIN_HOME/build.txt"; }
coroutines_version() { unzip -p "$COROUTINES" META-INF/kotlinx_coroutines_core.version; }
jna_version() { unzip -p "$JNA" META-INF/MANIFEST.MF | sed -n 's/^Bundle-Version: *\([0-9.]*\).*/\1/p'; }

if wants wheel; then
  # manylinux2014 = glibc 2.17: zig links against that glibc's symbol versions, so the wheel
  # installs on any x86-64 Linux of the last decade. maturin finds zig in the ziglang package.
  # In a target directory of its own: zig as the C compiler and linker changes the build of
  # the C parts (SQLite), which would otherwise be rebuilt on every switch with the test build.
  rm -f "$OUT"/brobygger-*.whl
  (cd crates/py && CARGO_TARGET_DIR=$ROOT/target/zig PATH=$VENV/bin:$PATH VIRTUAL_ENV=$VENV maturin build --locked --profile "$profile" \
    --zig --compatibility manylinux2014 --strip -q -o "$OUT")
  log "wheel $(cd "$OUT" && ls brobygger-*.whl)"
fi

if wants sdist; then
  rm -f "$OUT"/brobygger-*.tar.gz
  (cd crates/py && VIRTUAL_ENV=$VENV "$VENV/bin/maturin" sdist -o "$OUT" >/dev/null)
  log "sdist $(cd "$OUT" && ls brobygger-*.tar.gz)"
fi

if wants cli || wants jar || wants swift || wants android; then
  # One build for the CLI and the mobile library: the same package selection as the test
  # command's build (only brobygger-mobile differs, by the missing test-hooks feature), so --dev
  # reuses every other artefact in target/debug.
  cargo build --locked --profile "$profile" --workspace --exclude brobygger-py
  lib=target/$profile_dir/libbrobygger_mobile.so
  if nm -D --defined-only "$lib" | grep -q self_test; then
    echo "dist: $lib exports a test hook (built with test-hooks?)" >&2
    exit 1
  fi
  # The library and the bindings generated from it, kept together: uniffi compares the
  # checksums in the bindings with the library's at the first call.
  rm -rf "$WORK/bindings" && mkdir -p "$WORK/bindings"
  cp "$lib" "$WORK/bindings/libbrobygger_mobile.so"
  strip --strip-debug "$WORK/bindings/libbrobygger_mobile.so"
  bindgen=target/$profile_dir/uniffi-bindgen
  "$bindgen" generate "$lib" --language kotlin --out-dir "$WORK/bindings/kotlin" --no-format >/dev/null
  "$bindgen" generate "$lib" --language swift --out-dir "$WORK/bindings/swift" --no-format >/dev/null
fi

if wants cli; then
  cp "target/$profile_dir/brobygger" "$OUT/brobygger"
  strip --strip-debug "$OUT/brobygger"
  log "cli brobygger ($("$OUT/brobygger" --version))"
fi

if wants jar; then
  # Compiled once per set of generated sources (kotlinc takes most of a minute).
  src=$WORK/bindings/kotlin
  hash=$(find "$src" -name '*.kt' | sort | xargs cat | sha256sum | cut -c1-16)
  classes=$WORK/kotlin-classes-$hash
  if [ ! -f "$classes/.done" ]; then
    rm -rf "$WORK"/kotlin-classes-*
    "$KOTLIN_HOME/bin/kotlinc" $(find "$src" -name '*.kt' | sort) -cp "$JNA:$COROUTINES" \
      -jvm-target 17 -d "$classes" -nowarn
    touch "$classes/.done"
  fi
  stage=$WORK/jar
  rm -rf "$stage" && mkdir -p "$stage/linux-x86-64" "$stage/META-INF/maven/dk.brobygger/brobygger"
  cp -r "$classes/." "$stage/" && rm "$stage/.done"
  cp "$WORK/bindings/libbrobygger_mobile.so" "$stage/linux-x86-64/"
  pom=$stage/META-INF/maven/dk.brobygger/brobygger/pom.xml
  cat > "$pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dk.brobygger</groupId>
  <artifactId>brobygger</artifactId>
  <version>$VERSION</version>
  <packaging>jar</packaging>
  <name>brobygger</name>
  <description>Kotlin/JVM bindings for brobygger: partnerships between Danish municipalities and civil society that receive refugees. Includes the native library for linux-x86-64.</description>
  <licenses>
    <license><name>MIT</name><url>https://opensource.org/licenses/MIT</url></license>
    <license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url></license>
  </licenses>
  <dependencies>
    <dependency>
      <groupId>net.java.dev.jna</groupId>
      <artifactId>jna</artifactId>
      <version>$(jna_version)</version>
    </dependency>
    <dependency>
      <groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-stdlib</artifactId>
      <version>$(kotlin_version)</version>
    </dependency>
    <dependency>
      <groupId>org.jetbrains.kotlinx</groupId>
      <artifactId>kotlinx-coroutines-core-jvm</artifactId>
      <version>$(coroutines_version)</version>
    </dependency>
  </dependencies>
</project>
POM
  printf 'groupId=dk.brobygger\nartifactId=brobygger\nversion=%s\n' "$VERSION" \
    > "$stage/META-INF/maven/dk.brobygger/brobygger/pom.properties"
  jarfile=$OUT/brobygger-$VERSION.jar
  rm -f "$OUT"/brobygger-*.jar "$OUT"/brobygger-*.pom
  (cd "$stage" && find . -type f | sort | sed 's|^\./||' > "$WORK/jar-files" &&
    jar --create --file "$jarfile" --date=1980-02-01T00:00:02Z @"$WORK/jar-files")
  cp "$pom" "$OUT/brobygger-$VERSION.pom"
  (cd "$src" && jar --create --file "$OUT/brobygger-$VERSION-sources.jar" --date=1980-02-01T00:00:02Z .)
  log "jar brobygger-$VERSION.jar ($(du -h "$jarfile" | cut -f1)) + brobygger-$VERSION.pom"
fi

if wants swift; then
  rm -rf "$OUT/swift" && mkdir -p "$OUT/swift/Sources/Brobygger" "$OUT/swift/headers"
  cp packaging/swift/Package.swift "$OUT/swift/"
  cp "$WORK"/bindings/swift/*.swift "$OUT/swift/Sources/Brobygger/"
  cp "$WORK"/bindings/swift/*.h "$OUT/swift/headers/"
  # One C module for both headers (uniffi writes one modulemap per header).
  {
    echo "module BrobyggerFFI {"
    for h in "$WORK"/bindings/swift/*.h; do echo "    header \"$(basename "$h")\""; done
    printf '    export *\n    use "Darwin"\n    use "_Builtin_stdbool"\n    use "_Builtin_stdint"\n}\n'
  } > "$OUT/swift/headers/module.modulemap"
  log "swift swift/ (Package.swift, $(ls "$OUT/swift/Sources/Brobygger" | tr '\n' ' ')+ headers; the xcframework needs macOS)"
fi

if wants android; then
  rm -rf "$OUT/android" && mkdir -p "$OUT/android/src/main"
  cp -r packaging/android/. "$OUT/android/"
  cp -r "$WORK/bindings/kotlin" "$OUT/android/src/main/kotlin"
  log "android android/ (Gradle library module with the generated Kotlin; jniLibs: scripts/package-android.sh $OUT/android/src/main)"
fi
