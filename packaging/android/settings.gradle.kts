// Lets the module build on its own (`gradle assembleRelease` in dist/android/); inside an app's
// build, include the module directory instead and drop this file.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "brobygger-android"
