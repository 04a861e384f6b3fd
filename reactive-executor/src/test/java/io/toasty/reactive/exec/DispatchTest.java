package io.toasty.reactive.exec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.planner.action.Action;
import io.toasty.planner.action.ActionVisitor;
import io.toasty.planner.action.ConstAction;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every permitted type of the sealed {@link Action} reaches its own executor: its
 * {@code accept} calls the {@link ActionVisitor} method for its own type (seen through a
 * visitor that answers with the type it was called for), and {@link Dispatch} declares that
 * method itself. Each action is built with placeholder components.
 */
class DispatchTest {
  @Test
  void everyPermittedActionVisitsTheMethodOfItsOwnType() throws ReflectiveOperationException {
    Class<?>[] permitted = Action.class.getPermittedSubclasses();
    assertTrue(permitted.length > 0, "Action is sealed");
    ActionVisitor<Class<?>> types = typeVisitor();
    for (Class<?> type : permitted) {
      assertEquals(type, placeholder(type).accept(types), type.getName() + "'s accept");
    }
  }

  @Test
  void dispatchHasAnExecutorForEveryPermittedAction() {
    Class<?>[] permitted = Action.class.getPermittedSubclasses();
    assertEquals(permitted.length, ActionVisitor.class.getDeclaredMethods().length,
        "one visit per permitted action type");
    for (Class<?> type : permitted) {
      Method visit = assertDoesNotThrow(() -> Dispatch.class.getDeclaredMethod("visit", type),
          type.getName() + " has no executor in Dispatch");
      assertFalse(visit.isDefault() || visit.isBridge(), type.getName());
    }
  }

  /** A visitor whose every method answers with the type of its parameter. */
  @SuppressWarnings("unchecked")
  private static ActionVisitor<Class<?>> typeVisitor() {
    return (ActionVisitor<Class<?>>) Proxy.newProxyInstance(
        ActionVisitor.class.getClassLoader(), new Class<?>[] {ActionVisitor.class},
        (proxy, method, args) -> method.getParameterTypes()[0]);
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
