#!/usr/bin/env bash
# Builds the Android pieces of the mobile bindings: libbrobygger_mobile.so per ABI (release, via
# cargo-ndk) under OUT/jniLibs/<abi>/ and the generated Kotlin sources under OUT/kotlin/, ready to
# drop into an Android library module (see docs/guide/src/mobile-packaging.md).
#
#   scripts/package-android.sh [OUT]     (default OUT: build/android)
#
# Needs the Android NDK (ANDROID_NDK_HOME, or ANDROID_HOME/ndk/<version>), cargo-ndk and the Rust
# targets. When something is missing it says what and how to get it, and exits 1; it never
# downloads anything itself.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/android}
ABIS=(arm64-v8a armeabi-v7a x86_64)
TARGETS=(aarch64-linux-android armv7-linux-androideabi x86_64-linux-android)

missing=()
if ! cargo ndk --version >/dev/null 2>&1; then
  missing+=("cargo-ndk: cargo install cargo-ndk")
fi
ndk=${ANDROID_NDK_HOME:-${ANDROID_NDK_ROOT:-}}
if [ -z "$ndk" ] && [ -n "${ANDROID_HOME:-}" ] && [ -d "$ANDROID_HOME/ndk" ]; then
  # The newest side-by-side NDK under the SDK.
  ndk=$(find "$ANDROID_HOME/ndk" -mindepth 1 -maxdepth 1 -type d | sort -V | tail -n 1)
fi
if [ -z "$ndk" ] || [ ! -d "$ndk/toolchains/llvm" ]; then
  missing+=("the Android NDK r26 or later: install it with Android Studio's SDK manager or sdkmanager 'ndk;26.3.11579264', then export ANDROID_NDK_HOME=<its directory>")
fi
installed=$(rustup target list --installed 2>/dev/null || true)
for t in "${TARGETS[@]}"; do
  if ! grep -qx "$t" <<<"$installed"; then
    missing+=("Rust target $t: rustup target add $t")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "package-android: cannot build the Android libraries; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "The Kotlin sources alone can still be generated from a host build: see docs/guide/src/mobile-packaging.md." >&2
  exit 1
fi
export ANDROID_NDK_HOME=$ndk

args=()
for a in "${ABIS[@]}"; do args+=(-t "$a"); done
# Release build without the test-hooks feature (it exports selfTestPanic()).
cargo ndk "${args[@]}" -o "$OUT/jniLibs" build --locked --profile release-mobile -p brobygger-mobile

# The Kotlin sources, generated from one of the libraries just built (the checksums in the
# sources must match the library that ships; every ABI is built from the same source).
cargo build --locked --release --bin uniffi-bindgen
rm -rf "$OUT/kotlin"
target/release/uniffi-bindgen generate "$OUT/jniLibs/arm64-v8a/libbrobygger_mobile.so" \
  --language kotlin --out-dir "$OUT/kotlin" --no-format

echo "package-android: built"
for a in "${ABIS[@]}"; do
  f="$OUT/jniLibs/$a/libbrobygger_mobile.so"
  printf '  %-12s %s (%s bytes)\n' "$a" "$f" "$(stat -c %s "$f")"
done
echo "  Kotlin sources under $OUT/kotlin (dk/brobygger/brobygger_mobile.kt, dk/brobygger/core/brobygger.kt)"
