package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A job of a queue, taken by one worker; also a counter for lost-update checks. */
@Model
public record Job(@Key UUID id, int seq, boolean taken, Optional<String> worker, long count) {}
