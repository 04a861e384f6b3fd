package io.toasty.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scenario, run once per backend of every {@link BackendSource}, named {@code [h2] method}.
 * Each run gets a fresh, isolated database with the schema created, and may take as parameters:
 * the {@code Db}, its {@link OperationLog} (cleared after setup), the {@link Backend}, its
 * {@code Capability}, and the {@link BackendContext} (to open further databases).
 *
 * <pre>{@code
 * @BackendTest
 * void createsWithUuidKey(Db db, OperationLog log) {
 *   Doc doc = Docs.create().title("t").exec(db).block();
 *   assertEquals(7, doc.id().version());
 *   assertEquals(1, log.size());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(BackendExtension.class)
public @interface BackendTest {}
