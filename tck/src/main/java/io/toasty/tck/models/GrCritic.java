package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Reviews films. */
@Model
public record GrCritic(@Key @Auto UUID id, String name, HasMany<GrReview> reviews) {}
