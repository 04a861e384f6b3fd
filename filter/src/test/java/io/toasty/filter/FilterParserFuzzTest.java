package io.toasty.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.Order;
import io.toasty.error.InvalidFilterException;
import io.toasty.filter.model.Notes;
import io.toasty.filter.model.Persons;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: random and mutated documents and parameters. The parser may accept a document
 * or refuse it with {@link InvalidFilterException}; nothing else. An accepted filter reaches only
 * allowed fields (checked by walking the built condition).
 */
class FilterParserFuzzTest {
  private static final int DOCUMENTS = 12_000;
  private static final int PARAMETER_SETS = 3_000;
  private static final String GARBAGE = "{}[]\":,tfn0-e.\\ ab$";
  private static final FilterParser PARSER = FilterParserTest.PARSER;
  /** Allowed {@code ExprNode.Field} indexes per model: data fields and the allowed relation. */
  private static final Map<String, Set<Integer>> ALLOWED = Map.of(
      "Person", Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13),
      "Note", Set.of(3, 4));
  /** The fields a request may sort by: the allowed data fields of Person (not the relation). */
  private static final Set<Integer> SORTABLE = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  private static final FilterLimits LIMITS = FilterLimits.DEFAULTS;
  private static final String[] SORTS = {"name", "-age", "createdAt", "-visits", "+score",
      "born", "-mood", "level", "balance", "nickname", "active", "notes", "-passwordHash", "id",
      "notes.text", "-"};
  private static final String[] KEYS = {"name", "age", "nickname", "active", "mood", "createdAt",
      "balance", "visits", "score", "level", "born", "passwordHash", "id", "notes", "secret",
      "text", "stars", "$and", "$or", "$not", "$any", "$none", "$every", "$is", "$eq", "$ne",
      "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$null", "$startsWith", "$contains",
      "$endsWithIgnoreCase", "$like", "$regex", "$where", "$expr", "__proto__", "constructor",
      "prototype", "", " ", "na\u0000me", "\u202eeman", "名前", "\ud83d\ude00", "NAME", "name ",
      "$", "$$", "toString", "hasOwnProperty"};
  private static final String[] SCALARS = {"0", "-1", "18", "127", "128", "-129", "2147483647",
      "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
      "1e400", "-1e400", "1e-400", "1.5", "-0", "0.0", "1E2", "123456789012345678901234567890",
      "true", "false", "null", "\"\"", "\"A\"", "\"%_\\\\\"", "\"x'; DROP TABLE persons; --\"",
      "\"HAPPY\"", "\"SAD\"", "\"2026-01-02T03:04:05Z\"", "\"2026-13-01\"", "\"2000-02-29\"",
      "\"00000000-0000-0000-0000-000000000000\"", "\"NaN\"", "\"Infinity\"", "\"\\u0000\"",
      "\"\\ud800\"", "\"名前\"", "\"\\ud83d\\ude00\"", "{}", "[]", "[1,2]", "[\"a\", null]"};

  @Test
  void hostileDocumentsYieldOnlyInvalidFilterExceptionsAndAllowedFields() {
    Random random = new Random(14);
    int accepted = 0;
    int refused = 0;
    int sorted = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      boolean query = random.nextInt(4) == 0;
      String doc = query && random.nextBoolean() ? "{\"age\": {\"$gte\": 18}}" : switch (i % 6) {
        case 0, 1 -> document(random, 0);
        case 2 -> mutate(random, document(random, 0));
        case 3 -> deep(random);
        case 4 -> huge(random);
        default -> garbage(random);
      };
      String input = query ? "{\"filter\": " + doc + ", \"sort\": " + sort(random)
          + ", \"limit\": " + count(random, 2_000) + ", \"offset\": " + count(random, 200_000)
          + "}" : doc;
      try {
        if (query) {
          DynamicQuery q = PARSER.query(input);
          assertWithinTheAllowList(q, input);
          sorted += q.orders().isEmpty() ? 0 : 1;
        } else {
          assertOnlyAllowedFields(PARSER.filter(input).node(), input);
        }
        accepted++;
      } catch (InvalidFilterException e) {
        refused++;
      } catch (Throwable t) {
        fail("not an InvalidFilterException for " + abbreviate(input), t);
      }
    }
    System.out.printf("filter parser fuzz: %d documents, %d accepted (%d sorted), %d refused%n",
        DOCUMENTS, accepted, sorted, refused);
    assertTrue(accepted > DOCUMENTS / 20, "too few accepted to exercise the walk: " + accepted);
    assertTrue(refused > DOCUMENTS / 4, "too few refused: " + refused);
    assertTrue(sorted > 20, "too few accepted queries had a sort to check: " + sorted);
  }

  @Test
  void hostileParametersYieldOnlyInvalidFilterExceptionsAndAllowedFields() {
    Random random = new Random(41);
    int accepted = 0;
    for (int i = 0; i < PARAMETER_SETS; i++) {
      Map<String, List<String>> params = new LinkedHashMap<>();
      int n = random.nextInt(6);
      for (int j = 0; j < n; j++) {
        String key = pick(random, KEYS).replace("$", "");
        String op = random.nextInt(3) == 0 ? "" : "[" + pick(random, KEYS).replace("$", "") + "]";
        List<String> values = new ArrayList<>();
        for (int k = random.nextInt(3) + (random.nextInt(10) == 0 ? 0 : 1); k > 0; k--) {
          values.add(random.nextInt(20) == 0 ? null : pick(random, SCALARS).replace("\"", ""));
        }
        params.put(random.nextInt(10) == 0 ? pick(random, new String[] {"sort", "limit",
            "offset", "a[b", "x]", "[y]"}) : key + op, values);
      }
      try {
        assertWithinTheAllowList(PARSER.params(params), params.toString());
        accepted++;
      } catch (InvalidFilterException e) {
        // refused, as it may be
      } catch (Throwable t) {
        fail("not an InvalidFilterException for " + params, t);
      }
    }
    System.out.printf("filter parser fuzz: %d parameter sets, %d accepted%n", PARAMETER_SETS,
        accepted);
    assertTrue(accepted > 0);
  }

  /**
   * Fails unless the query's filter reaches only allowed fields, it sorts only by allowed data
   * fields of the model itself (never a relation, never a field of another model), and its page
   * stays within the parser's limits.
   */
  static void assertWithinTheAllowList(DynamicQuery q, String input) {
    assertOnlyAllowedFields(q.filter().node(), input);
    for (Order o : q.orders()) {
      if (!(o.node().expr() instanceof ExprNode.Field f) || !f.model().equals("Person")
          || !SORTABLE.contains(f.index())) {
        fail("sort " + o.node() + " is outside the allow-list, from " + abbreviate(input));
      }
    }
    if (q.limit() < 0 || q.limit() > LIMITS.maxLimit() || q.offset() < 0
        || q.offset() > LIMITS.maxOffset()) {
      fail("page limit " + q.limit() + " offset " + q.offset() + " is outside " + LIMITS
          + ", from " + abbreviate(input));
    }
  }

  /** Fails unless every field and relation the condition reaches is allowed. */
  static void assertOnlyAllowedFields(ExprNode e, String input) {
    if (e == null) {
      fail("a null node for " + abbreviate(input));
    }
    if (e instanceof ExprNode.Field f && !ALLOWED.getOrDefault(f.model(), Set.of())
        .contains(f.index())) {
      fail("field " + f + " is outside the allow-list, from " + abbreviate(input));
    }
    for (ExprNode child : children(e)) {
      assertOnlyAllowedFields(child, input);
    }
  }

  private static List<ExprNode> children(ExprNode e) {
    if (e instanceof ExprNode.Compare c) {
      return List.of(c.left(), c.right());
    } else if (e instanceof ExprNode.And a) {
      return a.operands();
    } else if (e instanceof ExprNode.Or o) {
      return o.operands();
    } else if (e instanceof ExprNode.Not n) {
      return List.of(n.operand());
    } else if (e instanceof ExprNode.IsNull n) {
      return List.of(n.operand());
    } else if (e instanceof ExprNode.Pattern p) {
      return List.of(p.operand(), p.pattern());
    } else if (e instanceof ExprNode.InList in) {
      List<ExprNode> out = new ArrayList<>(in.items());
      out.add(in.operand());
      return out;
    } else if (e instanceof ExprNode.Related r) {
      return List.of(r.relation(), r.filter());
    } else if (e instanceof ExprNode.Const || e instanceof ExprNode.Field) {
      return List.of();
    }
    throw new AssertionError("the parser built an unexpected node " + e);
  }

  /** A random document from the language's grammar and beyond it. */
  private static String document(Random r, int depth) {
    int n = r.nextInt(4);
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      String key = pick(r, KEYS);
      out.append(json(key)).append(':').append(member(r, key, depth));
    }
    return out.append('}').toString();
  }

  private static String member(Random r, String key, int depth) {
    if (depth < 4 && (key.equals("$and") || key.equals("$or"))) {
      int n = r.nextInt(4);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(document(r, depth + 1));
      }
      return "[" + String.join(",", items) + "]";
    }
    if (depth < 4 && (key.equals("$not") || key.startsWith("$a") || key.startsWith("$n")
        || key.startsWith("$e") || key.equals("$is"))) {
      return document(r, depth + 1);
    }
    if (depth < 4 && key.equals("notes")) {
      return "{" + json(pick(r, new String[] {"$any", "$none", "$every", "$is", "$x"})) + ":"
          + document(r, depth + 1) + "}";
    }
    if (r.nextBoolean()) {
      return pick(r, SCALARS);
    }
    int n = 1 + r.nextInt(2);
    StringBuilder ops = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      ops.append(i > 0 ? "," : "").append(json(pick(r, KEYS))).append(':')
          .append(r.nextInt(4) == 0 ? "[" + pick(r, SCALARS) + "," + pick(r, SCALARS) + "]"
              : pick(r, SCALARS));
    }
    return ops.append('}').toString();
  }

  private static String mutate(Random r, String doc) {
    StringBuilder s = new StringBuilder(doc);
    for (int i = 1 + r.nextInt(3); i > 0 && s.length() > 0; i--) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(4)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, GARBAGE.charAt(r.nextInt(GARBAGE.length())));
        case 2 -> s.setCharAt(at, (char) r.nextInt(0x3000));
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }

  private static String deep(Random r) {
    int n = 5 + r.nextInt(3000);
    String[] opens = {"{\"$not\":", "{\"$or\":[", "[", "{\"notes\":{\"$any\":"};
    String[] closes = {"}", "]}", "]", "}}"};
    int kind = r.nextInt(opens.length);
    return opens[kind].repeat(n) + "{\"age\":1}" + closes[kind].repeat(r.nextInt(6) == 0 ? n - 1
        : n);
  }

  private static String huge(Random r) {
    int n = 50 + r.nextInt(5000);
    StringBuilder s = new StringBuilder();
    switch (r.nextInt(4)) {
      case 0 -> {
        s.append("{\"age\":{\"$in\":[");
        for (int i = 0; i < n; i++) {
          s.append(i > 0 ? "," : "").append(i);
        }
        s.append("]}}");
      }
      case 1 -> {
        s.append("{\"$or\":[");
        for (int i = 0; i < n; i++) {
          s.append(i > 0 ? "," : "").append("{\"age\":").append(i).append('}');
        }
        s.append("]}");
      }
      case 2 -> s.append("{\"name\":\"").append("x".repeat(n * 10)).append("\"}");
      default -> s.append("{\"age\":").append("9".repeat(n)).append('}');
    }
    return s.toString();
  }

  private static String garbage(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(60); i > 0; i--) {
      s.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x10000) : GARBAGE.charAt(
          r.nextInt(GARBAGE.length())));
    }
    return s.toString();
  }

  private static String sort(Random r) {
    return switch (r.nextInt(6)) {
      case 4, 5 -> json(pick(r, SORTS) + "," + pick(r, SORTS)); // mostly valid: sorts to check
      case 0 -> json(pick(r, KEYS));
      case 1 -> json("-" + pick(r, KEYS) + "," + pick(r, KEYS));
      case 2 -> "[" + json(pick(r, KEYS)) + ",1]";
      default -> pick(r, SCALARS);
    };
  }

  /** A count around the limits' bounds (below and beyond {@code around}), or any scalar. */
  private static String count(Random r, int around) {
    return r.nextInt(3) == 0 ? pick(r, SCALARS) : String.valueOf(r.nextInt(around + 1));
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

}
