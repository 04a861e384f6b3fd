package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * The referenced side of a foreign key that {@code ConstraintScenarios} declares with SQL (the
 * models declare no constraint). Not among {@link TckModels#all()}.
 */
@Model
public record Owner(@Key long id, String name) {}
