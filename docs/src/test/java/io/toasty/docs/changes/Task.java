package io.toasty.docs.changes;

// snippet: changes-model
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

@Model(changes = true)
public record Task(@Key String id, String title, boolean done) {}
// end-snippet
