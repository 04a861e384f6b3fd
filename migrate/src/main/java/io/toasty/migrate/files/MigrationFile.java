package io.toasty.migrate.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One migration of one dialect: {@code V<version>__<name>} with its up steps, and the steps of
 * its undo file {@code U<version>__<name>}.
 *
 * @param checksum the SHA-256 of the up file's text (hex), recorded in the history table
 */
public record MigrationFile(int version, String name, List<Step> up, List<Step> down,
    String checksum) {
  public MigrationFile {
    Objects.requireNonNull(name, "name");
    up = List.copyOf(up);
    down = List.copyOf(down);
    Objects.requireNonNull(checksum, "checksum");
  }

  /** {@code V3__add_user_nickname}. */
  public String label() {
    return "V" + version + "__" + name;
  }

  /** The checksum of a file's text. */
  public static String checksum(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
