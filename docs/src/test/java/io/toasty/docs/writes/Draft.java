package io.toasty.docs.writes;

import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.UpdatedAt;
import java.time.Instant;
import java.util.UUID;

/** A record with timestamps and generated values, of docs/writes.md. */
// snippet: writes-timestamps-model
@Model
public record Draft(
    @Key UUID id,
    String title,
    @CreatedAt Instant createdAt,                          // set by creates
    @UpdatedAt Instant updatedAt,                          // set by creates and every update
    @Default("uuid()") @OnUpdate("uuid()") UUID etag) {}   // a new tag with every write
// end-snippet
