package io.github.d1java.cli.internal;

import picocli.CommandLine.Option;

/** The {@code --json} flag, mixed into the commands that have it. */
final class JsonOption {

  @Option(names = "--json", description = "Print only the result, as JSON.")
  private boolean json;

  /**
   * @return whether {@code --json} was given
   */
  public boolean on() {
    return json;
  }
}
