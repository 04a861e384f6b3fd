package io.toasty.internal;

import io.toasty.Condition;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.Path;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.StaleRecordException;
import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A write of one record at the version its caller read ({@code Notes.updateByIdAtVersion(id, v)})
 * that matched nothing: the write itself is one conditional statement (key and version), and
 * only when it matched no record is the record's version read, to tell the caller which of two
 * things it met. The record is gone: {@link RecordNotFoundException}. It is at another version:
 * {@link StaleRecordException} with that version. What the read finds is what the database held
 * after the write failed, and nothing was written either way; should the read find the record at
 * the very version expected (it was created or set back in between), the write is sent again.
 *
 * @param key      the record's key, as a condition
 * @param version  the model's {@code @Version} field
 * @param expected the version the caller read
 */
public record VersionMismatch(Condition key, Path<?> version, long expected) {
  /** How often a write that met its expected version on the second look is sent again. */
  public static final int ATTEMPTS = 3;

  public VersionMismatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(version, "version");
  }

  /**
   * The error of a write that matched nothing, or, when the record is now at the expected
   * version, {@code again} (the write sent once more) while {@code attempts} last.
   */
  public <T> Mono<T> explain(Executor db, ModelDef<?> model, int attempts,
      Supplier<Mono<T>> again) {
    Query read = new Query(new Source.Model(model.name()), key.node(),
        new Returning.Project(List.of(version.node())), List.of(), null);
    return db.exec(read).next()
        .map(row -> Values.asLong(((Value.Record) row).get(0)))
        .flatMap(stored -> stored == expected && attempts > 1 ? again.get()
            : Mono.<T>error(new StaleRecordException(model.name(), printed(model), expected,
                stored)))
        .switchIfEmpty(Mono.defer(() -> Mono.error(new RecordNotFoundException(model.name(),
            printed(model)))));
  }

  /** The failure when no executor can be asked (an atomic batch): stale, without a version. */
  public StaleRecordException unexplained(ModelDef<?> model) {
    return new StaleRecordException(model.name(), printed(model) + ", " + version.name() + " = "
        + expected);
  }

  private String printed(ModelDef<?> model) {
    return ExprPrinter.print(key.node(), model.schema());
  }
}
