/**
 * Spring Boot auto-configuration for Toasty: a {@link io.toasty.reactive.Db} bean on the
 * application's R2DBC {@code ConnectionFactory} (one pool), its models from the index the
 * annotation processor writes, Spring transactions that govern its statements, Spring's
 * {@code DataAccessException}s for its errors, and a health indicator. See {@code docs/spring.md}.
 */
@NullMarked
package io.toasty.spring;

import org.jspecify.annotations.NullMarked;
