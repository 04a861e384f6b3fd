package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;

/** A tenant-scoped model keyed by (tenant, name) (tenancy family): upserts stay in a tenant. */
@Model
public record TnCounter(
    @Key @TenantId String tenant,
    @Key String name,
    long hits) {}
