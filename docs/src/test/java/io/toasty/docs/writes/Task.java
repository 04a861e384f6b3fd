package io.toasty.docs.writes;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A queued task of docs/writes.md, taken by one worker. */
@Model
public record Task(@Key UUID id, int seq, boolean done, Optional<String> worker) {}
