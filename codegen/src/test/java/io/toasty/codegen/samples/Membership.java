package io.toasty.codegen.samples;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** A composite key, in declaration order, beside a unique field. */
@Model
public record Membership(
    @Key String tenant,
    @Key long id,
    @Unique String handle,
    String role) {}
