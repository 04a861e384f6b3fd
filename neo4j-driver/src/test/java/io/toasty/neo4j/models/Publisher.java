package io.toasty.neo4j.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/** Publishes books: {@code (Publisher)-[:PUBLISHED]->(Book)}, declared on this side. */
@Model
public record Publisher(@Key @Auto UUID id, String name,
    @Relationship(type = "PUBLISHED") HasMany<Book> books) {}
