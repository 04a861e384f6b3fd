package io.toasty.docs.deferred;

import io.toasty.Deferred;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

// snippet: deferred-model
@Model
public record Post(
    @Key long id,
    String title,
    Deferred<String> body,                 // large: read only when asked
    Deferred<Optional<byte[]>> cover) {}   // nullable, deferred too
// end-snippet
