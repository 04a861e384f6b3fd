package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A UUID key the engine generates: version 7 (time-ordered), the default for UUID keys. */
@Model
public record Doc(@Key @Auto UUID id, String title) {}
