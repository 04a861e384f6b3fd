package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.reactive.observe.StatementInfo;
import io.toasty.reactive.observe.StatementObservation;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What observers learn beyond the shape: with {@code DbBuilder.logValues} off (the default) no
 * value, on each value by slot with a sensitive field's masked; the planner phases' times once
 * per plan-cache miss.
 */
class ObservedDetailsTest {
  private static final ModelSchema LOGIN = new ModelSchema("Login", "test.Login", "logins",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "user", Type.Scalar.STRING, false, null, null, "user"),
          new FieldSchema(2, "password", Type.Scalar.STRING, false, null, null, "password", null,
              true)),
      List.of(0), List.of());

  private final List<StatementInfo> seen = new CopyOnWriteArrayList<>();

  private Db db(UnaryOperator<DbBuilder> settings) {
    FakeDriver driver = new FakeDriver(Capability.H2, Schema.of(List.of(LOGIN)));
    driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.empty())));
    return settings.apply(Toasty.builder().models(Models.def(LOGIN))
        .driverFactory(config -> driver)
        .observer((info, context) -> {
          seen.add(info);
          return (StatementObservation) (rows, error, cancelled) -> {};
        })).build();
  }

  private static Query login(String user, String password) {
    ExprNode filter = new ExprNode.And(List.of(
        new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Field("Login", 1),
            new ExprNode.Const(new Value.Str(user))),
        new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Field("Login", 2),
            new ExprNode.Const(new Value.Str(password)))));
    return new Query(new Source.Model("Login"), filter, Returning.Model.plain(), List.of(), null);
  }

  @Test
  void valuesAreNotOfferedByDefault() {
    db(b -> b).exec(login("ann", "hunter2")).blockLast();
    assertEquals(1, seen.size());
    assertEquals(Optional.empty(), seen.get(0).values());
  }

  @Test
  void valuesAreOfferedWhenAllowedAndSensitiveOnesMasked() {
    db(b -> b.logValues(true)).exec(login("ann", "hunter2")).blockLast();
    String values = seen.get(0).values().orElseThrow();
    assertEquals("$0 = \"ann\", $1 = ***", values);
    assertFalse(values.contains("hunter2"), values);
    assertTrue(seen.get(0).shape().contains("$0"), seen.get(0).shape());
  }

  @Test
  void aPlanCacheMissReportsThePlannerPhasesOnce() {
    Db db = db(b -> b);
    db.exec(login("ann", "hunter2")).blockLast();
    db.exec(login("bob", "other")).blockLast();
    Map<String, Long> first = seen.get(0).phases();
    assertEquals(List.of("eager", "verify", "simplify", "lower", "plan", "actions"),
        List.copyOf(first.keySet()));
    assertTrue(first.values().stream().allMatch(n -> n >= 0), first::toString);
    assertEquals(Map.of(), seen.get(1).phases(), "the second ran a cached plan");
  }
}
