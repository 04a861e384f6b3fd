package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;
import java.util.UUID;

/** A user, as in the API guide: a generated UUID key, unique email, indexed optional nickname. */
@Model
public record User(
    @Key @Auto UUID id,
    String name,
    @Unique String email,
    @Index Optional<String> nickname,
    @Default("0") int loginCount) {}
