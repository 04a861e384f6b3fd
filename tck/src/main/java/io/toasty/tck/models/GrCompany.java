package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A company its employees work at: no annotation of its own (RelationshipModelScenarios), and a
 * field of two words, which a naming strategy names ({@code founded_year}, {@code foundedYear}).
 */
@Model
public record GrCompany(@Key @Auto UUID id, String name, Optional<Integer> foundedYear,
    HasMany<GrEmployee> staff) {}
