package io.toasty.docs.neo4j;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A bookmark: its field of two words shows what a naming strategy does to property names. */
// snippet: neo4j-naming-model
@Model
public record Bookmark(@Key @Auto UUID id, String url, int clickCount) {}
// end-snippet
