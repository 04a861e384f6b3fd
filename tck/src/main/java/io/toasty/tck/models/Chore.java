package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * The change stream family's model: its committed changes are followed as a stream
 * ({@code changes = true}). A natural text key, which every backend can hold.
 */
@Model(changes = true)
public record Chore(@Key String code, String title, int points) {}
