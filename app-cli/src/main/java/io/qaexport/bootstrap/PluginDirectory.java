package io.qaexport.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

/** Where plugin jars are looked for, if anywhere. */
record PluginDirectory(Optional<Path> path) {}
