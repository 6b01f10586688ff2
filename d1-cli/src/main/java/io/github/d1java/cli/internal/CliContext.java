package io.github.d1java.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a {@code d1} run reads and writes: working folder, environment, streams, and whether they
 * are terminals.
 *
 * @param cwd the working folder
 * @param env environment variables
 * @param out standard output
 * @param err standard error
 * @param outTty whether standard output is a terminal (tables instead of JSON)
 * @param errTty whether standard error is a terminal (progress bars)
 */
public record CliContext(
    Path cwd,
    Map<String, String> env,
    PrintWriter out,
    PrintWriter err,
    boolean outTty,
    boolean errTty) {}
