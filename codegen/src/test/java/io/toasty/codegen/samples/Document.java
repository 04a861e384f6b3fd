package io.toasty.codegen.samples;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A UUID key generated as version 7, the default. */
@Model
public record Document(@Key @Auto UUID id, String title) {}
