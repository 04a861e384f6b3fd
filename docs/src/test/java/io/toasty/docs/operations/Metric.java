package io.toasty.docs.operations;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The model of docs/operations.md. */
@Model
public record Metric(@Key @Auto UUID id, String name, long value) {}
