package io.toasty.spring.app;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/** A tenant-scoped test model: each request sees its own tenant's memos (TenantWebFilterTest). */
@Model
public record Memo(@Key @Auto UUID id, @TenantId String tenant, String text) {}
