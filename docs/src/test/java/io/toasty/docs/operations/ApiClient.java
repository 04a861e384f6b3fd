package io.toasty.docs.operations;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Sensitive;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** The sensitive model of docs/operations.md. */
// snippet: ops-sensitive-model
@Model
public record ApiClient(@Key @Auto UUID id, String name, @Unique @Sensitive String apiKey) {}
// end-snippet
