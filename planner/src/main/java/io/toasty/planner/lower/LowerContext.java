package io.toasty.planner.lower;

import io.toasty.driver.Capability;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/** The state of one lowering: the model being lowered, and the extra argument slots added. */
final class LowerContext {
  final Schema schema;
  final Capability capability;
  final ModelSchema model;
  final ModelMapping mapping;
  final TableSchema table;
  /** Whether {@code now()} is the database's time (SQL backends only), not the clock's. */
  final boolean databaseTime;
  private final int argCount;
  private final List<ExtraArg> extraArgs;

  LowerContext(Schema schema, Capability capability, String model, int argCount) {
    this(schema, capability, model, argCount, new ArrayList<>(), false);
  }

  LowerContext(Schema schema, Capability capability, String model, int argCount,
      boolean databaseTime) {
    this(schema, capability, model, argCount, new ArrayList<>(), databaseTime);
  }

  private LowerContext(Schema schema, Capability capability, String model, int argCount,
      List<ExtraArg> extraArgs, boolean databaseTime) {
    this.databaseTime = databaseTime && capability.sql();
    this.schema = schema;
    this.capability = capability;
    this.model = schema.model(model);
    this.mapping = schema.mapping(model);
    this.table = schema.table(mapping.table());
    this.argCount = argCount;
    this.extraArgs = extraArgs;
  }

  /** A context for another model of the same statement: argument slots are shared. */
  LowerContext child(String model) {
    return new LowerContext(schema, capability, model, argCount, extraArgs, databaseTime);
  }

  /** The statement's own argument slots. */
  int argCount() {
    return argCount;
  }

  /** A new argument slot after the statement's own, filled as {@code arg} says. */
  ExprNode.Arg addArg(ExtraArg arg) {
    extraArgs.add(arg);
    return new ExprNode.Arg(argCount + extraArgs.size() - 1);
  }

  List<ExtraArg> extraArgs() {
    return extraArgs;
  }

  /** Every column of the table, as column expressions in table order. */
  List<ExprNode> allColumns() {
    List<ExprNode> out = new ArrayList<>(table.columns().size());
    for (int i = 0; i < table.columns().size(); i++) {
      out.add(new ExprNode.Column(table.name(), i));
    }
    return out;
  }

  /** The primary key columns, as column expressions in key order. */
  List<ExprNode> keyColumns() {
    List<ExprNode> out = new ArrayList<>(table.primaryKey().size());
    for (int c : table.primaryKey()) {
      out.add(new ExprNode.Column(table.name(), c));
    }
    return out;
  }
}
