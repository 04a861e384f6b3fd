package io.toasty.example.techempower;

/**
 * TechEmpower's reference fortunes page ({@code valid_fortune} of
 * toolset/test_types/fortune/fortune_html_parser.py), and the normalizations its parser applies
 * before comparing a response with it: line breaks between tags are not significant, the doctype
 * is compared in lower case, and {@code &#39;} (or {@code &#x27;}) counts as {@code &apos;}.
 */
final class ReferenceFortunes {
  private static final String VALID = """
      <!doctype html><html>
      <head><title>Fortunes</title></head>
      <body><table>
      <tr><th>id</th><th>message</th></tr>
      <tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr>
      <tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>
      <tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to do.</td></tr>
      <tr><td>2</td><td>A computer scientist is someone who fixes things that aren&apos;t broken.</td></tr>
      <tr><td>8</td><td>A list is only as strong as its weakest link. — Donald Knuth</td></tr>
      <tr><td>0</td><td>Additional fortune added at request time.</td></tr>
      <tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>
      <tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>
      <tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>
      <tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen</td></tr>
      <tr><td>9</td><td>Feature: A bug with seniority.</td></tr>
      <tr><td>1</td><td>fortune: No such file or directory</td></tr>
      <tr><td>12</td><td>フレームワークのベンチマーク</td></tr>
      </table></body></html>""";

  private ReferenceFortunes() {}

  /** The reference, normalized. */
  static String normalized() {
    return normalize(VALID);
  }

  /** {@code html} as the reference parser compares it. */
  static String normalize(String html) {
    String flat = html.replace("\r", "").replace("\n", "");
    int doctypeEnd = flat.indexOf('>') + 1;
    return flat.substring(0, doctypeEnd).toLowerCase(java.util.Locale.ROOT)
        + flat.substring(doctypeEnd).replace("&#39;", "&apos;").replace("&#x27;", "&apos;");
  }
}
