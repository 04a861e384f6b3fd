package io.toasty.tck.models;

import io.toasty.annotations.Column;
import io.toasty.annotations.Embeddable;
import java.util.Optional;

/** A postal address, stored flattened into its model's table (embedded family). */
@Embeddable
public record Address(String street, String city, @Column("postcode") Optional<String> zip,
    Optional<Geo> geo) {}
