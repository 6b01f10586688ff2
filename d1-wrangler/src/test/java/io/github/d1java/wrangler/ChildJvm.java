package io.github.d1java.wrangler;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the tests that run an import in a JVM of its own need to start it. */
final class ChildJvm {

  private ChildJvm() {}

  /** The {@code java} launcher of the running JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The child's class path: Surefire runs these tests on the module path with the test classes
   * patched into the module, so neither property alone holds everything the child needs.
   *
   * @param main a class of the test classes, whose location is added first
   */
  static String classPath(Class<?> main) throws Exception {
    List<String> parts = new ArrayList<>();
    parts.add(Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        parts.add(value);
      }
    }
    return String.join(File.pathSeparator, parts);
  }
}
