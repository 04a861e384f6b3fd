package io.toasty.codegen.samples;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A UUID key generated as version 4. */
@Model
public record Token(@Key @Auto(Auto.Strategy.UUID_V4) UUID id, @Index long ownerId) {}
