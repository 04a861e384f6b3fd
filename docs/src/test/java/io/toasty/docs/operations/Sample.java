package io.toasty.docs.operations;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A metric's sample at one moment: docs/operations.md's reads by one value. */
@Model
public record Sample(@Key @Auto UUID id, @Index UUID metricId, long at, long value) {}
