package io.github.d1java.worker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Worker script ({@code worker/d1-worker.js}) running under the pinned Miniflare ({@code
 * package.json}/{@code package-lock.json} of this module) on loopback. Tests using it are skipped,
 * with the reason, when {@code node} is not installed; {@code npm ci} runs once when {@code
 * node_modules} is missing.
 *
 * <p>Public because other modules' tests use it through d1-worker's test-jar (d1-jdbc's JDBC
 * contract on {@code jdbc:d1:worker:}); it finds this module's directory from theirs (see {@link
 * #moduleDir()}). Not thread-safe.
 */
public final class MiniflareWorker implements AutoCloseable {

  /** The Worker's secret ({@code D1_WORKER_TOKEN}) the tests start it with. */
  public static final String TOKEN = "test-token-0123456789abcdef";

  /** Names the d1-worker module's directory when it cannot be found from the working directory. */
  public static final String DIR_PROPERTY = "d1.worker.dir";

  private final Process process;
  private final URI url;
  private final StringBuffer output = new StringBuffer();

  private MiniflareWorker(Process process, URI url, Thread drain) {
    this.process = process;
    this.url = url;
  }

  /**
   * The d1-worker module's directory (holding {@code worker/}, {@code src/test/node/} and {@code
   * package.json}): the system property {@value #DIR_PROPERTY} if set, else the first of the
   * working directory and its parents that is d1-worker or has it as a child, so tests of any
   * module of the project (whose working directory is their own module) find it.
   */
  static Path moduleDir() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured).toAbsolutePath();
      if (!isModuleDir(p)) {
        throw new IllegalStateException(
            DIR_PROPERTY + " = " + p + " is not the d1-worker module (no worker/d1-worker.js)");
      }
      return p;
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      for (Path candidate : List.of(p, p.resolve("d1-worker"))) {
        if (isModuleDir(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "cannot find d1-worker/worker/d1-worker.js from "
            + here
            + " or its parents; set -D"
            + DIR_PROPERTY);
  }

  private static boolean isModuleDir(Path p) {
    return Files.isRegularFile(p.resolve("worker/d1-worker.js"))
        && Files.isRegularFile(p.resolve("src/test/node/serve.mjs"));
  }

  /** Whether {@code node} runs; tests using the Worker are skipped otherwise. */
  public static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Starts Miniflare with the Worker.
   *
   * @param token the Worker's secret, or "" for none
   * @param maxBodyBytes the body limit, or null for the Worker's default
   */
  static MiniflareWorker start(String token, Long maxBodyBytes) {
    return start(token, maxBodyBytes, 0);
  }

  /**
   * Starts Miniflare with the Worker and {@code databases} extra empty databases, one per URL
   * prefix {@code /db<i>}. Skips the calling test (an assumption) when {@code node} is missing.
   */
  public static MiniflareWorker start(String token, Long maxBodyBytes, int databases) {
    assumeTrue(
        nodeAvailable(), "node is not installed: the Worker tests under Miniflare are skipped");
    Path dir = moduleDir();
    try {
      if (!Files.isRegularFile(dir.resolve("node_modules/miniflare/package.json"))) {
        Process npm =
            new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (npm.waitFor() != 0) {
          throw new IllegalStateException("npm ci failed in " + dir + ":\n" + out);
        }
      }
      ProcessBuilder pb =
          new ProcessBuilder(
                  "node",
                  dir.resolve("src/test/node/serve.mjs").toString(),
                  dir.resolve("worker/d1-worker.js").toString(),
                  token,
                  Integer.toString(databases),
                  maxBodyBytes == null ? "" : maxBodyBytes.toString())
              .directory(dir.toFile());
      Process p = pb.start();
      StringBuffer out = new StringBuffer();
      Thread drain = drain(p.getErrorStream(), out);
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = r.readLine();
      if (line == null) {
        p.waitFor(30, TimeUnit.SECONDS);
        drain.join(TimeUnit.SECONDS.toMillis(30));
        throw new IllegalStateException("Miniflare did not start:\n" + out);
      }
      String url = new ObjectMapper().readTree(line).path("url").asText();
      MiniflareWorker w = new MiniflareWorker(p, URI.create(url), drain);
      w.output.append(out);
      drain(r, w.output);
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Thread drain(InputStream in, StringBuffer sink) {
    return drain(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sink);
  }

  private static Thread drain(BufferedReader in, StringBuffer sink) {
    Thread t =
        new Thread(
            () -> {
              try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                  sink.append(l).append('\n');
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "miniflare-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The Worker's base URL on loopback; {@code <url>/db<i>} is database number {@code i}. */
  public URI url() {
    return url;
  }

  /** What Miniflare and workerd printed so far (stdout after the first line, and stderr). */
  String output() {
    return output.toString();
  }

  D1Worker.Builder client() {
    return D1Worker.builder().url(url).token(TOKEN);
  }

  /** A client of the empty database number {@code i} (see {@link #start(String, Long, int)}). */
  D1Worker.Builder client(int i) {
    return D1Worker.builder().url(URI.create(url + "/db" + i)).token(TOKEN);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // serve.mjs disposes Miniflare when stdin ends
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
