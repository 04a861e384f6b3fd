package io.toasty.planner.explain;

import io.toasty.driver.OperationText;
import io.toasty.planner.action.ActionPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan's actions send, each as the driver writes it in its language: the last section of
 * an explain, and what the statement log shows beside a statement's shape.
 */
public final class SentText {
  private SentText() {}

  /** Each operation {@code plan} sends, by action number, as {@code text} renders it. */
  public static List<Sent> of(ActionPlan plan, OperationText text) {
    List<Sent> out = new ArrayList<>();
    for (int i = 0; i < plan.actions().size(); i++) {
      int action = i;
      ActionOperations.of(plan.actions().get(i))
          .ifPresent(op -> out.add(new Sent(action, text.render(op))));
    }
    return out;
  }

  /** All that {@code plan} sends, on one line: its operations' texts joined by {@code "; "}. */
  public static String line(ActionPlan plan, OperationText text) {
    List<String> each = new ArrayList<>();
    of(plan, text).forEach(s -> each.add(s.text().replace('\n', ' ')));
    return String.join("; ", each);
  }

  /**
   * One operation's text.
   *
   * @param action the number of the action that sends it
   * @param text   the driver's text of it
   */
  public record Sent(int action, String text) {}
}
