package io.toasty.docs.vertx;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The model of the Vert.x transport section of docs/databases.md. */
@Model
public record Note(@Key @Auto long id, String text) {}
