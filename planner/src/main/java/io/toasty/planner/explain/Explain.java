package io.toasty.planner.explain;

import io.toasty.Redaction;
import io.toasty.driver.Capability;
import io.toasty.driver.OperationText;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.Var;
import io.toasty.planner.cache.Shape;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirMerge;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.hir.JoinedColumn;
import io.toasty.planner.lower.ExtraArg;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.Output;
import io.toasty.planner.verify.ArgCheck;
import io.toasty.planner.verify.TypeCompat;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The multi-line dump behind {@code Planner.explain}: one section per phase. */
public final class Explain {
  private final Schema schema;
  private final Capability capability;
  private final ExplainExpr x;
  private final ExplainStatement st;
  private final ExplainNode nodes;
  private final StringBuilder out = new StringBuilder();
  /** The driver's text of its operations, or null when it shows none. */
  private final @Nullable OperationText text;
  private int argCount;

  /** An explainer for plans of {@code schema} on {@code capability}. */
  public Explain(Schema schema, Capability capability) {
    this(schema, capability, null);
  }

  /**
   * An explainer that also shows each operation as the driver sends it, in its language
   * ({@code text}; null for none).
   */
  public Explain(Schema schema, Capability capability, @Nullable OperationText text) {
    this.text = text;
    this.schema = schema;
    this.capability = capability;
    this.x = new ExplainExpr(schema);
    this.st = new ExplainStatement(schema, x);
    this.nodes = new ExplainNode(x, st, capability.sql());
  }

  /** Renders every phase's output. */
  public String render(StatementNode original, Shape shape, List<ArgCheck> checks,
      StatementNode simplified, Hir hir, Mir mir, ActionPlan actions) {
    argCount = shape.args().size();
    line("statement: " + st.statement(original));
    section("parameterize (the shape is the plan-cache key)");
    line(st.statement(shape.statement()));
    for (int i = 0; i < shape.args().size(); i++) {
      ArgCheck c = checks.get(i);
      String value = c != null && c.sensitive() ? Redaction.MASK
          : TypeCompat.describe(shape.args().get(i));
      line("$" + i + " = " + value + check(c));
    }
    section("simplify");
    line(st.statement(simplified));
    hir(hir);
    mir(mir);
    actions(actions);
    sent(actions);
    return out.toString();
  }

  /** A merge's columns: its table's, or its joined table's (numbered by JoinedColumn). */
  private String mergeColumns(Source.Table source, List<Integer> numbers) {
    List<String> out = new ArrayList<>();
    for (int n : numbers) {
      out.add(JoinedColumn.isJoined(n)
          ? x.columnName(new ExprNode.Column(Objects.requireNonNull(source.join()).table(),
              JoinedColumn.column(n)))
          : x.columns(source.table(), List.of(n)));
    }
    return String.join(", ", out);
  }

  private String check(@Nullable ArgCheck c) {
    return c == null ? "" : "  checked as " + c.model() + "." + c.field() + ": "
        + TypeCompat.describe(c.type()) + (c.nullable() ? ", nullable" : "");
  }

  private void hir(Hir hir) {
    section("lower (HIR: table-level statements and their dependencies)");
    if (hir.isEmpty()) {
      line("(no statement: the filter matches nothing)");
    }
    for (HirStatement s : hir.statements()) {
      line("#" + s.id() + " " + st.statement(s.statement()) + deps(s.deps()));
      if (s.merge() != null) {
        HirMerge m = s.merge();
        Source.Table source = (Source.Table) s.statement().source();
        String parentTable = ((Source.Table) hir.statements().get(m.parent())
            .statement().source()).table();
        line("     merged into #" + m.parent() + " as slot " + m.slot() + " (" + m.relation()
            + (m.many() ? ", many" : ", one") + (m.flatten() ? ", flattened" : "") + "): "
            + mergeColumns(source, m.childColumns()) + " IN keys of #" + m.parent() + " ("
            + x.columns(parentTable, m.parentColumns()) + ")"
            + (m.sortColumns().isEmpty() ? "" : ", each parent's sorted by ("
                + mergeColumns(source, m.sortColumns()) + ")")
            + (m.flatOrder().isEmpty() ? "" : ", then by " + flatOrder(m.flatOrder())
                + " of the flattened records")
            + "; #" + m.parent()
            + " needs #" + s.id() + "'s rows back: a cycle, broken by NestedMerge");
      }
      if (!s.bindings().isEmpty()) {
        List<String> b = new ArrayList<>();
        for (var binding : s.bindings()) {
          b.add("#" + binding.statement() + " row " + binding.row() + " column "
              + binding.column());
        }
        line("     binds " + String.join(", ", b));
      }
      if (s.nest() != null) {
        line("     returned in #" + s.nest().parent() + " row " + s.nest().row() + " slot "
            + s.nest().slot() + (s.nest().flatten() < 0 ? ""
                : " (their targets, slot " + s.nest().flatten() + ")"));
      }
    }
    for (int i = 0; i < hir.extraArgs().size(); i++) {
      line("$" + (argCount + i) + " = " + extra(hir.extraArgs().get(i)));
    }
    String result = hir.result() < 0 ? "nothing" : "#" + hir.result();
    line("result: " + result + " -> " + output(hir));
  }


  private String output(Hir hir) {
    if (hir.output() instanceof HirOutput.Rows rows) {
      return hir.model() + " records (" + x.list(rows.fields()) + ")";
    }
    return "a count";
  }

  private static String extra(ExtraArg e) {
    if (e instanceof ExtraArg.ConstantArg c) {
      return "default " + TypeCompat.describe(c.value());
    }
    if (e instanceof ExtraArg.NowArg n) {
      return "now() for " + n.model() + "." + n.field() + ", per execution";
    }
    ExtraArg.GeneratedArg g = (ExtraArg.GeneratedArg) e;
    return "generated " + g.auto() + " for " + g.model() + "." + g.field() + ", per execution";
  }

  private static String deps(List<HirDep> deps) {
    List<String> out = new ArrayList<>();
    for (HirDep d : deps) {
      out.add(d.kind() == HirDep.Kind.KEYS ? "keys of #" + d.statement() : "after #"
          + d.statement());
    }
    return out.isEmpty() ? "" : "   <- " + String.join(", ", out);
  }

  private void mir(Mir mir) {
    section("plan (MIR, capability " + capability.backend() + ")");
    for (int i = 0; i < mir.nodes().size(); i++) {
      line("%" + i + " " + nodes.node(mir.nodes().get(i)));
    }
    line("root: %" + mir.root() + (mir.output() instanceof Output.Rows r
        ? (r.lift().isPlain() ? ", rows lifted by column position" : ", rows lifted by expression")
        : ", a count"));
  }

  private void actions(ActionPlan plan) {
    section("actions");
    for (int i = 0; i < plan.actions().size(); i++) {
      Var v = plan.vars().get(i);
      String role = i == plan.result() ? "result, streams out" : v.streams()
          ? "streams into its reader" : v.readers() == 0 ? "run for its effect" : "stored";
      line("$" + i + " = " + nodes.action(plan.actions().get(i)) + "   [readers " + v.readers()
          + ", " + role + "]");
    }
    line("transaction: " + (plan.transaction() ? "yes" : "no") + "; connection: "
        + (plan.needsConnection() ? "yes" : "none (no driver operation)"));
  }

  /** What the driver sends for each action that sends something, in its own language. */
  private void sent(ActionPlan plan) {
    if (text == null) {
      return;
    }
    section(text.language() + " (what the driver sends)");
    List<SentText.Sent> sent = SentText.of(plan, text);
    for (SentText.Sent s : sent) {
      String[] lines = s.text().split("\\n");
      line("$" + s.action() + " = " + lines[0]);
      for (int l = 1; l < lines.length; l++) {
        line("     " + lines[l]);
      }
    }
    if (sent.isEmpty()) {
      line("(nothing: the plan sends no operation)");
    }
  }

  private void section(String title) {
    out.append("-- ").append(title).append('\n');
  }

  private void line(String s) {
    out.append("   ").append(s).append('\n');
  }

  /** The schema explained against. */
  public Schema schema() {
    return schema;
  }

  private String flatOrder(List<OrderBy> orderBy) {
    List<String> terms = new ArrayList<>();
    orderBy.forEach(o -> terms.add(x.expr(o.expr()) + " " + o.direction()));
    return String.join(", ", terms);
  }
}
