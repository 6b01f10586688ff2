/**
 * The {@code d1} command line ({@link io.github.d1java.cli.D1Command}), a Java take on {@code
 * wrangler d1}.
 */
package io.github.d1java.cli;
