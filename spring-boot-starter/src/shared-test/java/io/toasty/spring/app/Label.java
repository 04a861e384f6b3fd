package io.toasty.spring.app;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A test model with no relations. */
@Model(repository = true)
public record Label(@Key @Auto long id, String text) {}
