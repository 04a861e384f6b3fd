package io.toasty.docs.softdelete;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import io.toasty.annotations.Unique;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A model of docs/models.md, Soft delete: an email unique among live accounts. */
@Model
public record Account(
    @Key @Auto UUID id,
    @Unique String email,
    @SoftDelete Optional<Instant> deletedAt) {}
