package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A UUID key the engine generates at random: version 4. */
@Model
public record Token(@Key @Auto(Auto.Strategy.UUID_V4) UUID id, String label) {}
