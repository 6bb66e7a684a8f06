// The Android library module (AAR) of brobygger's Kotlin bindings. This directory is the layout;
// `scripts/dist.sh` copies it to dist/android/ and generates src/main/kotlin/ (the same Kotlin
// sources as the JVM JAR, from a build without test hooks); `scripts/package-android.sh
// dist/android/src/main` adds src/main/jniLibs/<abi>/libbrobygger_mobile.so (needs the Android
// NDK and cargo-ndk, which the project's machines do not have: this file is not built in CI).
// The versions of JNA and kotlinx-coroutines are the ones the JVM JAR's POM names.
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.4.20"
}

android {
    namespace = "dk.brobygger"
    compileSdk = 35

    defaultConfig {
        minSdk = 24
        // Keeps JNA's and the bindings' classes in apps that shrink with R8.
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        // java.time.LocalDate and Instant in the API on API levels below 26.
        isCoreLibraryDesugaringEnabled = true
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // uniffi's objects expose JNA's Pointer in their constructors and its suspend functions
    // kotlinx-coroutines' types: both are part of the API, hence `api`.
    api("net.java.dev.jna:jna:5.13.0@aar")
    api("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
    coreLibraryDesugaring("com.android.tools:desugar_jdk_libs:2.1.3")
}
