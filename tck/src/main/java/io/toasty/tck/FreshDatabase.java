package io.toasty.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scenario's runs each get a fresh database, dropped after them, instead of one the harness
 * keeps for the test class and empties between runs. For scenarios that change their database in
 * ways the harness cannot see (it sees {@code BackendContext.executeSql}, schema operations,
 * other SQL than SELECT, INSERT, UPDATE and DELETE, writes left unanswered, other databases
 * opened, and failed runs). On the method or the class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FreshDatabase {}
