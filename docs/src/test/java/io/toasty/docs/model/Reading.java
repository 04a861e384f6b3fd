package io.toasty.docs.model;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;

// snippet: composite-key
@Model
public record Reading(
    @Key String sensor,          // the key's first part
    @Key Instant takenAt,        // its second part
    BigDecimal celsius) {}
// end-snippet
