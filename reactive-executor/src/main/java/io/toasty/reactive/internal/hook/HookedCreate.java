package io.toasty.reactive.internal.hook;

import io.toasty.ModelDef;
import io.toasty.reactive.Tx;
import io.toasty.reactive.hook.HookKind;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A create's hooks: before it, each record as the statement writes it, then the records nested
 * in it, depth first; after it, each record as stored (from what the create returns, relations
 * loaded, in the same order), or, for a create that returns a count, as written.
 */
final class HookedCreate {
  private final HookTable table;
  private final Schema schema;
  private final Map<String, ModelDef<?>> defs;
  private final Tx tx;

  HookedCreate(HookTable table, Schema schema, Map<String, ModelDef<?>> defs, Tx tx) {
    this.table = table;
    this.schema = schema;
    this.defs = defs;
    this.tx = tx;
  }

  Flux<Value> run(InsertNode insert, Function<StatementNode, Flux<Value>> plain) {
    return before(insert)
        .then(plain.apply(insert).collectList())
        .flatMapMany(out -> afterAll(insert, out).thenMany(Flux.fromIterable(out)));
  }

  private Mono<Void> afterAll(InsertNode insert, List<Value> out) {
    return insert.returning() instanceof Returning.Model
        ? Flux.fromIterable(out).concatMap(v -> after(insert, (Value.Record) v)).then()
        : after(insert);
  }

  /** The before hooks of {@code insert}'s rows and of the creates nested in them. */
  private Mono<Void> before(InsertNode insert) {
    String model = model(insert);
    return Flux.fromIterable(insert.rows())
        .concatMap(row -> table.run(HookKind.BEFORE_CREATE, model, tx,
                () -> HookedWrites.defOf(defs, model).load(written(schema.model(model), row)))
            .then(nested(row, this::before)))
        .then();
  }

  /** The after hooks of rows returning nothing but a count: the records as written. */
  private Mono<Void> after(InsertNode insert) {
    String model = model(insert);
    return Flux.fromIterable(insert.rows())
        .concatMap(row -> table.run(HookKind.AFTER_CREATE, model, tx,
            () -> HookedWrites.defOf(defs, model).load(written(schema.model(model), row))))
        .then();
  }

  /**
   * The after hooks of a created record, as returned (its relation slots holding the records
   * created with it), then of the records nested in it.
   */
  private Mono<Void> after(InsertNode insert, Value.Record stored) {
    String model = model(insert);
    ModelSchema schemaOf = schema.model(model);
    return table.run(HookKind.AFTER_CREATE, model, tx,
            () -> HookedWrites.defOf(defs, model).load(stored))
        .then(Flux.range(0, stored.size() - schemaOf.fields().size())
            .concatMap(slot -> nestedAfter(insert, schemaOf, stored, slot))
            .then());
  }

  private Mono<Void> nestedAfter(InsertNode insert, ModelSchema model, Value.Record stored,
      int slot) {
    int at = model.fields().size() + slot;
    InsertNode child = childAt(insert, at);
    if (child == null || !(stored.get(at) instanceof Value.ListValue created)) {
      return Mono.empty();
    }
    return Flux.fromIterable(created.items())
        .concatMap(v -> after(child, (Value.Record) v))
        .then();
  }

  /** The create nested at field {@code at} of {@code insert}'s rows, or null. */
  private static @Nullable InsertNode childAt(InsertNode insert, int at) {
    for (ExprNode.Record row : insert.rows()) {
      if (at < row.fields().size() && row.fields().get(at) instanceof ExprNode.Stmt s
          && s.statement() instanceof InsertNode child) {
        return child;
      }
    }
    return null;
  }

  private static Mono<Void> nested(ExprNode.Record row,
      Function<InsertNode, Mono<Void>> each) {
    return Flux.fromIterable(row.fields())
        .concatMap(e -> e instanceof ExprNode.Stmt s && s.statement() instanceof InsertNode c
            ? each.apply(c) : Mono.empty())
        .then();
  }

  private static String model(InsertNode insert) {
    return ((Source.Model) insert.target()).model();
  }

  /**
   * A row as the statement writes it: its values; a field it leaves to the database holds its
   * default, else (a generated key or timestamp, a nested create's foreign key) null where the
   * field may be, or a placeholder: zero, false, empty, the nil UUID, the epoch.
   */
  static Value.Record written(ModelSchema model, ExprNode.Record row) {
    Value[] values = new Value[model.fields().size()];
    for (int i = 0; i < values.length; i++) {
      ExprNode e = i < row.fields().size() ? row.fields().get(i) : null;
      FieldSchema f = model.field(i);
      if (e instanceof ExprNode.Const c) {
        values[i] = c.value();
      } else if (f.defaultValue() != null) {
        values[i] = f.defaultValue();
      } else {
        values[i] = f.nullable() ? Value.NULL : zero(f.type());
      }
    }
    return Value.Record.adopt(values);
  }

  /** A placeholder of {@code type}'s for a value the database fills: its zero, or empty. */
  private static Value zero(Type type) {
    if (!(type instanceof Type.Scalar s)) {
      return Value.NULL;
    }
    return switch (s) {
      case I8, I16, I32, I64 -> new Value.I64(0);
      case BOOL -> Value.FALSE;
      case F32, F64 -> new Value.F64(0);
      case DECIMAL -> Value.of(BigDecimal.ZERO);
      case STRING -> Value.of("");
      case BYTES -> Value.of(new byte[0]);
      case UUID -> Value.of(new UUID(0, 0));
      case INSTANT -> Value.of(Instant.EPOCH);
      case LOCAL_DATE -> Value.of(LocalDate.EPOCH);
      case LOCAL_TIME -> Value.of(LocalTime.MIDNIGHT);
      case LOCAL_DATE_TIME -> Value.of(LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT));
      case OFFSET_DATE_TIME -> Value.of(Instant.EPOCH.atOffset(ZoneOffset.UTC));
      default -> Value.NULL;
    };
  }
}
