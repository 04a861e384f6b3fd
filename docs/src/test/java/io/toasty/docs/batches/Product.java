package io.toasty.docs.batches;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** The model of docs/batches.md. */
// snippet: batch-model
@Model
public record Product(@Key @Auto UUID id, @Unique String sku, String name, long stock) {}
// end-snippet
