package io.toasty.docs.graph;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A company people work at (docs/neo4j.md, "Modelling relationships"). */
@Model(entry = "Companies")
public record Company(@Key @Auto UUID id, String name, HasMany<Person> staff) {}
