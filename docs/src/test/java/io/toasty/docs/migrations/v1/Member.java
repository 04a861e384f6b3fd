package io.toasty.docs.migrations.v1;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The first version of docs/migrations.md's model. */
// snippet: migrations-model-v1
@Model
public record Member(@Key String id, String name, int age) {}
// end-snippet
