package io.toasty.codegen.samples;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A model whose changes are followed as a stream. */
@Model(changes = true)
public record Watched(@Key String code, String label) {}
