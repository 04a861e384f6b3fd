package io.toasty.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toasty.Condition;
import io.toasty.Order;
import io.toasty.error.InvalidFilterException;
import io.toasty.stmt.ExprNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a filter, order and page from untrusted input (a JSON document in an operator language
 * modelled on MongoDB's, or query parameters) into the typed {@link Condition} and
 * {@link Order}s the DSL builds. Every field is checked against the model and the
 * {@link FilterSpec}'s allow-list, every value converted to its field's type, every size bounded
 * by the {@link FilterLimits}; anything else is an {@link InvalidFilterException} naming the place
 * in the input. Thread-safe; build one per endpoint and reuse it.
 *
 * <pre>{@code
 * FilterParser parser = FilterParser.of(FilterSpec.of(Users.MODEL).allow("name", "loginCount"));
 * Condition c = parser.filter("{\"name\": {\"$startsWith\": \"A\"}}");
 * Flux<User> users = Users.filter(c).stream(db);
 * }</pre>
 */
public final class FilterParser {
  private static final Set<String> QUERY_KEYS = Set.of("filter", "sort", "limit", "offset");
  /** The parameters of {@link #params} that are no filter terms. */
  private static final Set<String> QUERY_PARAMS = Set.of("sort", "limit", "offset");
  /** The parameters of {@link #pageParams} that are no filter terms. */
  private static final Set<String> PAGE_PARAMS = Set.of("sort", "size", "after", "before");

  private final FilterSpec spec;
  private final FilterLimits limits;
  private final Operators operators;
  private final Set<String> ignored;
  private final ObjectMapper mapper;

  private FilterParser(FilterSpec spec, FilterLimits limits, Operators operators,
      Set<String> ignored) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.operators = Objects.requireNonNull(operators, "operators");
    this.ignored = Set.copyOf(ignored);
    this.mapper = mapper(limits);
  }

  /** A parser of {@code spec} with the default limits and operators. */
  public static FilterParser of(FilterSpec spec) {
    return new FilterParser(spec, FilterLimits.DEFAULTS, Operators.STANDARD, Set.of());
  }

  /** A parser of {@code spec} with other limits and operators. */
  public static FilterParser of(FilterSpec spec, FilterLimits limits, Operators operators) {
    return new FilterParser(spec, limits, operators, Set.of());
  }

  /**
   * This parser, reading query parameters ({@link #params}, {@link #pageParams}) without the
   * parameters {@code names}: the endpoint's own ({@code include}, {@code format}), which are no
   * filter terms. Every other parameter still is one, so a name that is neither an allowed field
   * nor ignored is refused, naming it.
   */
  public FilterParser ignoring(String... names) {
    Set<String> all = new LinkedHashSet<>(ignored);
    for (String name : names) {
      all.add(Objects.requireNonNull(name, "name"));
    }
    return new FilterParser(spec, limits, operators, all);
  }

  /** The condition of a filter document ({@code {"name": "Ann"}}). */
  public Condition filter(String json) {
    return filter(parse(json));
  }

  /** The condition of a filter document already parsed (bounded by depth and counts only). */
  public Condition filter(JsonNode document) {
    return new Condition(condition(document, false));
  }

  /**
   * The filter, sort and page of a query document: {@code {"filter": {..}, "sort": "-age,name",
   * "limit": 20, "offset": 40}}, every member optional.
   */
  public DynamicQuery query(String json) {
    return query(parse(json), false);
  }

  /**
   * The filter, sort and page of query parameters ({@code name[startsWith]=A}, {@code age=18},
   * {@code id[in]=a&id[in]=b}, {@code sort=-age,name}, {@code limit=20}, {@code offset=40}),
   * read as the query document they stand for (so errors name that document's paths). Spring's
   * {@code MultiValueMap<String, String>} is such a map.
   */
  public DynamicQuery params(Map<String, ? extends List<String>> params) {
    Objects.requireNonNull(params, "params");
    return query(ParamDocument.of(spec.model().name(), params, limits, QUERY_PARAMS, ignored),
        true);
  }

  /**
   * The filter, sort and keyset page of query parameters: filter terms and {@code sort} as for
   * {@link #params}, then {@code size} (the limits' default page size when absent, at most their
   * largest), and {@code after} or {@code before}, a cursor of an earlier page ({@code
   * Page.next()}, {@code Page.previous()}); {@code limit} and {@code offset} are no parameters of
   * a keyset page and are refused. Parameters named by {@link #ignoring} are left out.
   *
   * <pre>{@code
   * // GET /authors?name[startsWith]=A&sort=name&size=20&after=<next>
   * Mono<Page<Author>> page = AUTHORS.pageParams(params).applyTo(Authors.all()).collect(db);
   * }</pre>
   */
  public DynamicPage pageParams(Map<String, ? extends List<String>> params) {
    Objects.requireNonNull(params, "params");
    ObjectNode doc = ParamDocument.of(spec.model().name(), params, limits, PAGE_PARAMS, ignored);
    InputPath root = InputPath.ROOT;
    ExprNode filter = condition(doc.get("filter"), true, root.key("filter"));
    List<Order> sort = doc.has("sort")
        ? new SortReader(limits).read(spec, doc.get("sort"), root.key("sort")) : List.of();
    long size = doc.has("size") ? count(doc.get("size"), true, root.key("size"),
        limits.maxLimit()) : Math.max(1, limits.defaultLimit());
    if (size < 1) {
      throw new InvalidFilterException(spec.model().name(), null, root.key("size").text(),
          "expected an integer from 1 to " + limits.maxLimit() + ", got 0");
    }
    String after = doc.has("after") ? doc.get("after").textValue() : null;
    String before = doc.has("before") ? doc.get("before").textValue() : null;
    if (after != null && before != null) {
      throw new InvalidFilterException(spec.model().name(), null, "$",
          "give after or before, not both");
    }
    return new DynamicPage(new Condition(filter), sort, (int) size, after, before);
  }

  private DynamicQuery query(JsonNode doc, boolean lenient) {
    String model = spec.model().name();
    if (!doc.isObject()) {
      throw new InvalidFilterException(model, null, "$", "expected a query object, got "
          + ValueReader.describe(doc));
    }
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!QUERY_KEYS.contains(key)) {
        throw new InvalidFilterException(model, null, InputPath.ROOT.key(key).text(),
            "unknown member '" + InputPath.quote(key) + "' (expected " + QUERY_KEYS + ")");
      }
    }
    InputPath root = InputPath.ROOT;
    ExprNode filter = doc.has("filter") ? condition(doc.get("filter"), lenient, root.key("filter"))
        : ExprNode.TRUE;
    List<Order> sort = doc.has("sort")
        ? new SortReader(limits).read(spec, doc.get("sort"), root.key("sort")) : List.of();
    long limit = doc.has("limit") ? count(doc.get("limit"), lenient, root.key("limit"),
        limits.maxLimit()) : limits.defaultLimit();
    long offset = doc.has("offset") ? count(doc.get("offset"), lenient, root.key("offset"),
        limits.maxOffset()) : 0;
    return new DynamicQuery(new Condition(filter), sort, limit, offset);
  }

  private ExprNode condition(JsonNode doc, boolean lenient) {
    return condition(doc, lenient, InputPath.ROOT);
  }

  private ExprNode condition(JsonNode doc, boolean lenient, InputPath path) {
    Objects.requireNonNull(doc, "document");
    if (doc.isObject() && doc.isEmpty()) {
      return ExprNode.TRUE;
    }
    return new ConditionReader(limits, operators, lenient).object(spec, doc, path, 1);
  }

  private long count(JsonNode node, boolean lenient, InputPath path, long max) {
    BigInteger n = null;
    if (node.isIntegralNumber()) {
      n = node.bigIntegerValue();
    } else if (lenient && node.isTextual() && node.textValue().matches("[0-9]{1,19}")) {
      n = new BigInteger(node.textValue());
    }
    if (n == null || n.signum() < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new InvalidFilterException(spec.model().name(), null, path.text(),
          "expected an integer from 0 to " + max + ", got " + ValueReader.describe(node));
    }
    return n.longValue();
  }

  private JsonNode parse(String json) {
    Objects.requireNonNull(json, "json");
    String model = spec.model().name();
    if (json.length() > limits.maxDocumentLength()) {
      throw new InvalidFilterException(model, null, "$", "a document of " + json.length()
          + " characters exceeds the limit of " + limits.maxDocumentLength());
    }
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidFilterException(model, null, "$", "the document is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidFilterException(model, null, "$", "malformed JSON: "
          + InputPath.quote(Objects.toString(e.getOriginalMessage(), "")) + location(e));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidFilterException(model, null, "$", "a number out of range");
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr() + ")";
  }

  private static ObjectMapper mapper(FilterLimits limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() * 2 + 4)
            .maxNumberLength(64)
            .maxStringLength(limits.maxDocumentLength())
            .build())
        .build();
    return new ObjectMapper(factory)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }
}
