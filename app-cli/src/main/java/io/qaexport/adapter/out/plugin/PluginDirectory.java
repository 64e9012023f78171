package io.qaexport.adapter.out.plugin;

import java.nio.file.Path;
import java.util.Optional;

/** Where plugin jars are looked for, if anywhere. */
public record PluginDirectory(Optional<Path> path) {}
