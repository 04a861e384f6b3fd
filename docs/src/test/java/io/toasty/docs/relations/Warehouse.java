package io.toasty.docs.relations;

import io.toasty.HasMany;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

// snippet: composite-models
@Model
public record Warehouse(
    @Key String region,                       // a composite primary key: (region, code)
    @Key String code,
    String city,
    HasMany<Bin> bins) {}
// end-snippet
