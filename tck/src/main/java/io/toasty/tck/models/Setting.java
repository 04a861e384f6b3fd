package io.toasty.tck.models;

import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.math.BigDecimal;

/** Defaults of several types, applied when a create leaves the field unset. */
@Model
public record Setting(
    @Key String name,
    @Default("true") boolean enabled,
    @Default("7") long maxItems,
    @Default("n/a") String note,
    @Default("1.50") BigDecimal ratio) {}
