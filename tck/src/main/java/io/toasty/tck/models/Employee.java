package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A self-referential relation: an optional manager, and the reports that point back. */
@Model
public record Employee(
    @Key @Auto UUID id,
    String name,
    @Index Optional<UUID> managerId,
    BelongsTo<Optional<Employee>> manager,
    @HasMany.Pair("manager") HasMany<Employee> reports) {}
