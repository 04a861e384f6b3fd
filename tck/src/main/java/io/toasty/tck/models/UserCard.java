package io.toasty.tck.models;

import io.toasty.annotations.Projection;
import java.util.Optional;
import java.util.UUID;

/** A projection of {@link User}: its key, name and optional nickname. */
@Projection(User.class)
public record UserCard(UUID id, String name, Optional<String> nickname) {}
