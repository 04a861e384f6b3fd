package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The keeper a {@link Specimen} may belong to: its key is a relation's key there. */
@Model
public record Keeper(@Key UUID id, String name) {}
