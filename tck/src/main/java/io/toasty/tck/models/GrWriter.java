package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Writes essays: the relationship points from the writer, declared on the essay. */
@Model
public record GrWriter(@Key @Auto UUID id, String name, HasMany<GrEssay> essays) {}
