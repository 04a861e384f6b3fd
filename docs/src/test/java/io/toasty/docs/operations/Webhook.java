package io.toasty.docs.operations;

import io.toasty.Sensitive;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The model with a {@code Sensitive<T>} field of docs/operations.md. */
// snippet: ops-sensitive-type-model
@Model
public record Webhook(@Key @Auto UUID id, String url, Sensitive<String> signingSecret) {}
// end-snippet
