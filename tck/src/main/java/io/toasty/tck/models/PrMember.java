package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.UUID;

/**
 * A member with a has-many to a polymorphic model (polymorphic relation family): its activities
 * are logins and orders of one table, each read back as its variant; and a has-many to one
 * variant, its orders.
 */
@Model
@Table("polyrel_members")
public record PrMember(@Key @Auto UUID id, String name, HasMany<PrActivity> activities,
    HasMany<PrActivity.PrOrder> orders) {}
