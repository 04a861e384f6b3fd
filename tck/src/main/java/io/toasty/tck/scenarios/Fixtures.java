package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;

import io.toasty.reactive.Db;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCreate;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Data the scenarios start from. */
final class Fixtures {
  private Fixtures() {}

  /** Creates a user called {@code name}, email {@code name@example.com}, no nickname. */
  static User user(Db db, String name) {
    return await(Users.create().name(name).email(name + "@example.com").exec(db));
  }

  /** Creates a user with every field set. */
  static User user(Db db, String name, String nickname, int loginCount) {
    return await(Users.create().name(name).email(name + "@example.com").nickname(nickname)
        .loginCount(loginCount).exec(db));
  }

  /**
   * Five users, one statement each: ann (nick "a", 0 logins), bob (no nick, 1), cid (nick "c",
   * 2), dan (no nick, 3), eve (nick "a", 4).
   */
  static List<User> fiveUsers(Db db) {
    List<User> out = new ArrayList<>();
    out.add(user(db, "ann", "a", 0));
    out.add(user(db, "bob", null, 1));
    out.add(user(db, "cid", "c", 2));
    out.add(user(db, "dan", null, 3));
    out.add(user(db, "eve", "a", 4));
    return out;
  }

  /** Every user, ordered by id (in memory, so the order needs nothing of the backend). */
  static List<User> allUsers(Db db) {
    List<User> all = new ArrayList<>(await(Users.all().collect(db)));
    all.sort(Comparator.comparing(User::id));
    return all;
  }

  /** The names of {@code users}, sorted. */
  static List<String> sortedNames(List<User> users) {
    return users.stream().map(User::name).sorted().toList();
  }

  /** {@code count} user creates named {@code prefix0..}. */
  static List<UserCreate> creates(String prefix, int count) {
    List<UserCreate> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Users.create().name(prefix + i).email(prefix + i + "@example.com"));
    }
    return out;
  }

  /** {@code f} of each item. */
  /**
   * {@code items} sorted by {@code key}, in memory: for scenarios whose subject is not ordering,
   * so that they need nothing of the backend's ORDER BY.
   */
  static <T, K extends Comparable<? super K>> List<T> sortedBy(List<T> items,
      Function<T, K> key) {
    List<T> out = new ArrayList<>(items);
    out.sort(Comparator.comparing(key));
    return out;
  }

  static <T, R> List<R> map(List<T> items, Function<T, R> f) {
    return items.stream().map(f).toList();
  }
}
