package io.toasty.docs.model;

import io.toasty.annotations.Column;
import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

// snippet: embedded-model
@Model
public record Shop(
    @Key UUID id,
    String name,
    Address address,                        // address_street, address_city, address_zip
    @Column("billing") Optional<Address> billingAddress) {   // billing_street, ...

  @Embeddable
  public record Address(String street, String city, Optional<String> zip) {}
}
// end-snippet
