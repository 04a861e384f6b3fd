package io.toasty.docs.dynamic;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The customer of docs/queries.md's raw SQL and request filter sections. */
// snippet: dyn-models
@Model
public record Customer(
    @Key @Auto UUID id,
    String name,
    @Unique String email,
    int age,
    Optional<String> city,
    LocalDate joined,
    String passwordHash,                 // never filterable from a request
    HasMany<Purchase> purchases) {}
// end-snippet
