package io.github.d1java.cli.internal;

/** A command that can print its result, and its error, as JSON ({@code --json}). */
public interface JsonOutput {

  /**
   * @return whether {@code --json} was given
   */
  boolean json();
}
