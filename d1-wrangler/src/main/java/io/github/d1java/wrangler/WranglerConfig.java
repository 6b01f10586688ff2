package io.github.d1java.wrangler;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code d1_databases} part of a wrangler config file: {@code wrangler.json}, {@code
 * wrangler.jsonc} (comments and trailing commas allowed) or {@code wrangler.toml}.
 *
 * <p>Environments: {@link #load(Path, String)} reads {@code env.<name>.d1_databases} instead of the
 * top-level array. As in wrangler, {@code d1_databases} is not inherited, so an environment without
 * its own array has no databases.
 *
 * <p>Immutable and thread-safe. Every failure is a {@link WranglerException} naming the file and
 * the key.
 */
public final class WranglerConfig {

  /** The file names wrangler looks for, in its order of preference. */
  public static final List<String> FILE_NAMES =
      List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();
  private static final ObjectMapper TOML = new TomlMapper();

  private final Path file;
  private final String env;
  private final List<D1DatabaseConfig> databases;

  private WranglerConfig(Path file, String env, List<D1DatabaseConfig> databases) {
    this.file = file;
    this.env = env;
    this.databases = Collections.unmodifiableList(databases);
  }

  /**
   * Finds the wrangler config the way wrangler does: the first of {@link #FILE_NAMES} in {@code
   * dir}, then in each parent folder.
   *
   * @param dir the folder to start in, usually the working folder; not null
   * @return the config file, or empty when there is none
   */
  public static Optional<Path> find(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      for (String name : FILE_NAMES) {
        Path candidate = d.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the top-level {@code d1_databases} of a config file.
   *
   * @param file a {@code .json}, {@code .jsonc} or {@code .toml} file; not null
   * @return the config
   * @throws WranglerException if the file is missing, unreadable, malformed, or a key has the wrong
   *     type
   */
  public static WranglerConfig load(Path file) {
    return load(file, null);
  }

  /**
   * Reads {@code d1_databases} of a config file, for one environment.
   *
   * @param file a {@code .json}, {@code .jsonc} or {@code .toml} file; not null
   * @param env the environment name ({@code --env}), or null for the top level
   * @return the config
   * @throws WranglerException if the file is missing, unreadable, malformed, a key has the wrong
   *     type, or the environment does not exist
   */
  public static WranglerConfig load(Path file, String env) {
    Objects.requireNonNull(file, "file");
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      throw new WranglerException("Wrangler config file not found: " + abs);
    }
    String name = abs.getFileName().toString();
    ObjectMapper mapper;
    if (name.endsWith(".toml")) {
      mapper = TOML;
    } else if (name.endsWith(".json") || name.endsWith(".jsonc")) {
      mapper = JSON;
    } else {
      throw new WranglerException(
          "Unsupported wrangler config file " + abs + ": expected .json, .jsonc or .toml");
    }
    JsonNode root;
    try {
      root = mapper.readTree(abs.toFile());
    } catch (JacksonException e) {
      throw new WranglerException(
          "Could not parse " + abs + ": " + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (IOException e) {
      throw new WranglerException("Could not read " + abs + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new WranglerException("Could not parse " + abs + ": the top level is not an object");
    }
    JsonNode scope = root;
    String prefix = "";
    if (env != null) {
      JsonNode envNode = root.path("env").path(env);
      if (!envNode.isObject()) {
        throw new WranglerException(
            "No environment \"" + env + "\" in " + abs + " (key env." + env + ")");
      }
      scope = envNode;
      prefix = "env." + env + ".";
    }
    return new WranglerConfig(abs, env, parseDatabases(abs, scope.get("d1_databases"), prefix));
  }

  private static List<D1DatabaseConfig> parseDatabases(Path file, JsonNode node, String prefix) {
    List<D1DatabaseConfig> result = new ArrayList<>();
    if (node == null || node.isNull()) {
      return result;
    }
    String key = prefix + "d1_databases";
    if (!node.isArray()) {
      throw new WranglerException("In " + file + ": " + key + " must be an array");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      String at = key + "[" + i + "]";
      if (!entry.isObject()) {
        throw new WranglerException("In " + file + ": " + at + " must be an object");
      }
      String binding = text(file, entry, at, "binding");
      if (binding == null || binding.isEmpty()) {
        throw new WranglerException("In " + file + ": " + at + ".binding is required");
      }
      try {
        result.add(
            new D1DatabaseConfig(
                binding,
                text(file, entry, at, "database_name"),
                text(file, entry, at, "database_id"),
                text(file, entry, at, "preview_database_id"),
                text(file, entry, at, "migrations_dir"),
                text(file, entry, at, "migrations_table"),
                text(file, entry, at, "migrations_pattern")));
      } catch (WranglerException e) {
        throw new WranglerException("In " + file + ": " + at + ": " + e.detail(), e);
      }
    }
    return result;
  }

  private static String text(Path file, JsonNode entry, String at, String field) {
    JsonNode v = entry.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new WranglerException("In " + file + ": " + at + "." + field + " must be a string");
    }
    return v.asText();
  }

  /**
   * @return the absolute, normalised config file; never null
   */
  public Path file() {
    return file;
  }

  /**
   * @return the folder holding the config file, against which wrangler resolves relative paths
   */
  public Path directory() {
    return file.getParent();
  }

  /**
   * @return the environment read, or null for the top level
   */
  public String env() {
    return env;
  }

  /**
   * @return the {@code d1_databases} entries in file order; unmodifiable, never null
   */
  public List<D1DatabaseConfig> d1Databases() {
    return databases;
  }

  /**
   * Finds a database by {@code database_name} or {@code binding}, as wrangler's {@code <database>}
   * argument does.
   *
   * @param nameOrBinding the name or binding; not null
   * @return the entry, or empty
   */
  public Optional<D1DatabaseConfig> find(String nameOrBinding) {
    Objects.requireNonNull(nameOrBinding, "nameOrBinding");
    return databases.stream().filter(d -> d.matches(nameOrBinding)).findFirst();
  }

  /**
   * Like {@link #find(String)}, failing with wrangler's message when there is no such database.
   *
   * @param nameOrBinding the name or binding; not null
   * @return the entry
   * @throws WranglerException {@code Couldn't find a D1 DB with the name or binding '<name>' in
   *     your <file> file.}
   */
  public D1DatabaseConfig require(String nameOrBinding) {
    return find(nameOrBinding)
        .orElseThrow(
            () ->
                new WranglerException(
                    "Couldn't find a D1 DB with the name or binding '"
                        + nameOrBinding
                        + "' in your "
                        + file.getFileName()
                        + " file."));
  }

  /**
   * The migrations folder of a database, resolved against the config file's folder.
   *
   * @param db an entry of this config; not null
   * @return the absolute folder
   */
  public Path migrationsDir(D1DatabaseConfig db) {
    return directory().resolve(db.migrationsDir()).normalize();
  }
}
