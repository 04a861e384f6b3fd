package io.toasty.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Database URLs as the tool prints them: the password of {@code r2dbc:postgresql://user:pw@..},
 * and {@code password}, {@code secretAccessKey} and {@code sessionToken} parameters, replaced by
 * {@code ***}. Every URL given on the command line is registered, so that an error message that
 * quotes one is redacted too.
 */
final class Urls {
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#]*:)[^@/?#]*@");
  private static final Pattern SECRETS = Pattern.compile(
      "((?:password|secretAccessKey|sessionToken)=)[^&;\\s]*", Pattern.CASE_INSENSITIVE);
  private static final List<String> SEEN = new ArrayList<>();

  private Urls() {}

  /** {@code url} without its secrets. */
  static String redact(String url) {
    String out = USER_INFO.matcher(url).replaceAll("$1***@");
    return SECRETS.matcher(out).replaceAll("$1***");
  }

  /** Remembers {@code url}, so that messages quoting it are redacted; the URL. */
  static synchronized String seen(String url) {
    SEEN.add(url);
    return url;
  }

  /** The URL given last, redacted, or empty when none was. */
  static synchronized Optional<String> last() {
    return SEEN.isEmpty() ? Optional.empty()
        : Optional.of(redact(SEEN.get(SEEN.size() - 1)));
  }

  /** {@code text} with every registered URL redacted, and any user-info password. */
  static synchronized String redactIn(String text) {
    String out = text;
    for (String url : SEEN) {
      out = out.replace(url, redact(url));
    }
    return redact(out);
  }
}
