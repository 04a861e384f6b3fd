/**
 * The annotation processor: reads {@code @Model} records (and their embedded, sealed, relation
 * and projection declarations) and writes each model's entry class, its definition, row reader
 * and paths, and the index of models the runtime loads.
 */
@NullMarked
package io.toasty.codegen;

import org.jspecify.annotations.NullMarked;
