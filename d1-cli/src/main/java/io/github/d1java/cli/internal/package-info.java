/** Implementation of the {@code d1} command. Not API: anything here may change without notice. */
package io.github.d1java.cli.internal;
