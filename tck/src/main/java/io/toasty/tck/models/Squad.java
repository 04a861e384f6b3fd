package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * Belongs to an {@link Org} through the composite foreign key (orgRegion, orgCode), and has a
 * composite key of its own, (orgCode, name), that its {@link Medal}s reference.
 */
@Model
public record Squad(
    @Key String code,
    @Key String name,
    @Index String orgRegion,
    String orgCode,
    @BelongsTo.Key(value = {"orgRegion", "orgCode"}, references = {"region", "code"})
    BelongsTo<Org> org,
    int rank,
    HasMany<Medal> medals) {}
