package io.toasty.example.techempower;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * The fortunes test's page: the rows read plus one added at request time, sorted by message,
 * in TechEmpower's HTML table, each message HTML-escaped. Written with a string builder rather
 * than a template engine, the same for every implementation.
 */
final class FortunesPage {
  /** {@code text/html; charset=utf-8}, as the verifier demands. */
  static final MediaType CONTENT_TYPE = MediaType.parseMediaType("text/html; charset=utf-8");
  /** The fortune each request adds before sorting. */
  static final Fortune ADDED = new Fortune(0, "Additional fortune added at request time.");

  private static final String HEAD = "<!DOCTYPE html><html><head><title>Fortunes</title></head>"
      + "<body><table><tr><th>id</th><th>message</th></tr>";
  private static final String TAIL = "</table></body></html>";

  private FortunesPage() {}

  /** The page for {@code rows} (the table's rows; the added one is added here). */
  static String render(List<Fortune> rows) {
    List<Fortune> all = new ArrayList<>(rows.size() + 1);
    all.addAll(rows);
    all.add(ADDED);
    all.sort(Comparator.comparing(Fortune::message));
    StringBuilder html = new StringBuilder(HEAD.length() + TAIL.length() + 96 * all.size());
    html.append(HEAD);
    for (Fortune f : all) {
      html.append("<tr><td>").append(f.id()).append("</td><td>");
      escape(f.message(), html);
      html.append("</td></tr>");
    }
    return html.append(TAIL).toString();
  }

  /** Appends {@code text} with the five characters HTML gives meaning to escaped. */
  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
