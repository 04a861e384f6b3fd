package io.toasty.docs.dynamic;

import io.toasty.annotations.Projection;
import java.util.Optional;

// snippet: raw-projection-record
@Projection(Customer.class)
public record CustomerCard(String name, Optional<String> city) {}
// end-snippet
