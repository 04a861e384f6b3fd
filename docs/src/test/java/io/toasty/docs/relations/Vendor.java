package io.toasty.docs.relations;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A vendor in the referential integrity example of docs/relations.md. */
@Model
public record Vendor(@Key @Auto long id, String name) {}
