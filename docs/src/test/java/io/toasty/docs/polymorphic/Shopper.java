package io.toasty.docs.polymorphic;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

// snippet: polymorphic-relation-parent
@Model
public record Shopper(@Key @Auto UUID id, String name, HasMany<Visit> visits,
    HasMany<Visit.Checkout> checkouts) {}      // one variant's records only
// end-snippet
