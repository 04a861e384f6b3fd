package io.toasty.docs.tenancy;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** The per-tenant unique email of docs/tenancy.md. */
// snippet: tenancy-unique
@Model
public record Customer(@Key @Auto UUID id, @TenantId String tenant, @Unique String email,
    String name) {}   // unique index (tenant, email): each tenant may hold an email once
// end-snippet
