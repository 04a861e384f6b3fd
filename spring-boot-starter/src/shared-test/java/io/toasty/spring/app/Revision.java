package io.toasty.spring.app;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Version;

/** A test model with a {@code @Version}: an update of a stale copy fails. */
@Model
public record Revision(@Key @Auto long id, String text, @Version long version) {}
