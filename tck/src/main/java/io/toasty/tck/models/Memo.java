package io.toasty.tck.models;

import io.toasty.Deferred;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A memo (deferred fields family): a model without relations, whose reads the driver builds
 * straight into records when they read every field, with a deferred text and a deferred number.
 */
@Model
public record Memo(@Key long id, String subject, Deferred<String> text, Deferred<Long> views) {}
