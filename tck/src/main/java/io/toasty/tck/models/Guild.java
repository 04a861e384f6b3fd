package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The target of a crest's belongs-to (schema upgrade family). Not among TckModels#all(). */
@Model
public record Guild(@Key long id, String name) {}
