package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Version;
import java.util.UUID;

/** A record under optimistic locking: its {@code @Version} is checked and bumped. */
@Model
public record Ticket(@Key UUID id, String title, @Version long version) {}
