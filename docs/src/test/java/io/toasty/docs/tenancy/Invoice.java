package io.toasty.docs.tenancy;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/** The model of docs/tenancy.md. */
// snippet: tenancy-model
@Model
public record Invoice(@Key @Auto UUID id, @TenantId String tenant, String customer,
    long cents, @Default("false") boolean paid) {}
// end-snippet
