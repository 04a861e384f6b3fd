package io.toasty.spring.app;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A test model with a key every backend can generate, DynamoDB included. */
@Model(repository = true)
public record Note(@Key @Auto UUID id, String text) {}
