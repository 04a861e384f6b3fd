package io.toasty.reactive.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.planner.action.Action;
import io.toasty.planner.action.ConstAction;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Dispatch} has a branch for every permitted type of the sealed {@link Action}: each is
 * built with placeholder components and sent through it, and none may reach its fallback.
 */
class DispatchTest {
  @Test
  void everyPermittedActionHasAnExecutor() throws ReflectiveOperationException {
    Class<?>[] permitted = Action.class.getPermittedSubclasses();
    assertTrue(permitted.length > 0, "Action is sealed");
    for (Class<?> type : permitted) {
      Action action = placeholder(type);
      String error = "";
      try {
        Dispatch.run(action, null, null);
      } catch (RuntimeException e) {
        // placeholders may fail in the executor itself; only the fallback's message counts
        error = String.valueOf(e.getMessage());
      }
      assertFalse(error.startsWith(Dispatch.UNHANDLED), type.getName() + " has no branch");
    }
  }

  /** A record of {@code type} with placeholder components: empty lists, zeros, nulls. */
  private static Action placeholder(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    assertTrue(components != null, type.getName() + " is a record");
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = placeholderOf(types[i]);
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    return (Action) canonical.newInstance(values);
  }

  private static Object placeholderOf(Class<?> type) {
    if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == boolean.class) {
      return false;
    } else if (type == List.class) {
      return List.of();
    } else if (type == Map.class) {
      return Map.of();
    } else if (type == String.class) {
      return "";
    } else if (type == Action.class) {
      return new ConstAction(0, List.of());
    }
    return null;
  }
}
