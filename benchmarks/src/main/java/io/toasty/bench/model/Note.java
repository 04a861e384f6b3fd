package io.toasty.bench.model;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * The record {@code ChangeStreamLoad} writes and follows: a model with change streams
 * ({@code @Model(changes = true)}), its key chosen by the writer so that a delivery can be
 * matched with its write.
 *
 * @param id   the writer's count of writes
 * @param text what was written
 */
@Model(changes = true)
public record Note(@Key long id, String text) {}
