package io.toasty.cli;

import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.migrate.ChecksumMismatchException;
import io.toasty.migrate.DestructiveChangeException;
import io.toasty.migrate.MigrationFailedException;
import java.util.Set;
import picocli.CommandLine;

/** The exit codes, and the code of an error a command ended with. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int PENDING = 3;
  static final int DRIFT = 4;
  static final int CHECKSUM_MISMATCH = 5;
  static final int CONNECTION = 6;
  static final int MIGRATION_FAILED = 7;
  static final int DESTRUCTIVE = 8;

  /** Exceptions of the drivers' client libraries that mean "no database to talk to". */
  private static final Set<String> UNREACHABLE = Set.of(
      "java.net.ConnectException", "java.net.UnknownHostException",
      "java.nio.channels.UnresolvedAddressException",
      "io.netty.channel.ConnectTimeoutException",
      "io.netty.channel.AbstractChannel$AnnotatedConnectException",
      "io.r2dbc.spi.R2dbcNonTransientResourceException",
      "io.r2dbc.spi.R2dbcPermissionDeniedException",
      "software.amazon.awssdk.core.exception.SdkClientException");

  private ExitCodes() {}

  /** Prints {@code e} on stderr (the URL's password never shown); its exit code. */
  static int report(Exception e, CommandLine line) {
    int code = of(e);
    String message = Urls.redactIn(describe(e));
    String what = code == CONNECTION
        ? "cannot connect" + Urls.last().map(u -> " to " + u).orElse("") + ": "
        : code == PENDING || code == DRIFT ? "check failed: " : "error: ";
    line.getErr().println("toasty: " + what + message);
    return code;
  }

  /** The exit code of a command that ended with {@code e}. */
  static int of(Throwable e) {
    if (e instanceof UsageException) {
      return USAGE;
    }
    if (e instanceof CheckFailed failed) {
      return failed.code();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ChecksumMismatchException) {
        return CHECKSUM_MISMATCH;
      }
      if (t instanceof DestructiveChangeException) {
        return DESTRUCTIVE;
      }
      if (t instanceof MigrationFailedException) {
        return MIGRATION_FAILED;
      }
      if (t instanceof ConnectionLostException || t instanceof PoolTimeoutException
          || UNREACHABLE.contains(t.getClass().getName())) {
        return CONNECTION;
      }
    }
    return FAILED;
  }

  /** The message, with the root cause's when it says more. */
  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (" + root.getMessage() + ")";
    }
    return message;
  }

  /** A command whose options do not fit together, or whose input is missing. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** A check that found something ({@code --check}): the message printed, the code returned. */
  static final class CheckFailed extends RuntimeException {
    private final int code;

    CheckFailed(int code, String message) {
      super(message);
      this.code = code;
    }

    int code() {
      return code;
    }
  }
}
