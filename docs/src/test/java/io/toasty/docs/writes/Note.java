package io.toasty.docs.writes;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Version;
import java.util.UUID;

/** A versioned record of docs/writes.md. */
// snippet: writes-version-model
@Model
public record Note(@Key UUID id, String text, @Version long version) {}
// end-snippet
