package io.github.d1java.wrangler;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where {@code wrangler dev} and {@code wrangler d1 execute --local} keep a D1 database: {@code
 * <persist root>/v3/d1/miniflare-D1DatabaseObject/<id>.sqlite}, where {@code <id>} is workerd's
 * {@code idFromName} of the database key (spec §7.6). The persist root is {@code --persist-to}
 * resolved against the working folder, or {@code <config folder>/.wrangler/state}.
 *
 * <p>Stateless and thread-safe.
 */
public final class WranglerLocalState {

  /** The Durable Object class key Miniflare gives D1 databases; also the folder name. */
  public static final String UNIQUE_KEY = "miniflare-D1DatabaseObject";

  private static final byte[] HMAC_KEY;

  static {
    try {
      HMAC_KEY = MessageDigest.getInstance("SHA-256").digest(UNIQUE_KEY.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private WranglerLocalState() {}

  /**
   * workerd's {@code idFromName} for a D1 Durable Object: HMAC-SHA256 keyed with SHA-256 of {@link
   * #UNIQUE_KEY}, 16 bytes of name MAC then 16 bytes of MAC over those, in lower-case hex.
   *
   * @param name the database key ({@link D1DatabaseConfig#localKey()}); not null
   * @return 64 lower-case hex characters
   */
  public static String durableObjectId(String name) {
    Objects.requireNonNull(name, "name");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HMAC_KEY, "HmacSHA256"));
      byte[] first = Arrays.copyOf(mac.doFinal(name.getBytes(UTF_8)), 16);
      byte[] second = Arrays.copyOf(mac.doFinal(first), 16);
      return HexFormat.of().formatHex(first) + HexFormat.of().formatHex(second);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java 17 runtime", e);
    }
  }

  /**
   * The persist root wrangler uses.
   *
   * @param persistTo the {@code --persist-to} value, or null
   * @param configDir the folder of the wrangler config file, or null when there is none
   * @param cwd the working folder; not null
   * @return the absolute persist root
   */
  public static Path persistRoot(String persistTo, Path configDir, Path cwd) {
    Objects.requireNonNull(cwd, "cwd");
    if (persistTo != null) {
      return cwd.toAbsolutePath().resolve(persistTo).normalize();
    }
    Path base = configDir != null ? configDir : cwd;
    return base.toAbsolutePath().resolve(".wrangler").resolve("state").normalize();
  }

  /**
   * The SQLite file of a database.
   *
   * @param persistRoot the persist root ({@link #persistRoot}); not null
   * @param localKey the database key ({@link D1DatabaseConfig#localKey()}); not null
   * @return {@code <persistRoot>/v3/d1/miniflare-D1DatabaseObject/<id>.sqlite}
   */
  public static Path sqliteFile(Path persistRoot, String localKey) {
    return persistRoot
        .resolve("v3")
        .resolve("d1")
        .resolve(UNIQUE_KEY)
        .resolve(durableObjectId(localKey) + ".sqlite");
  }
}
