package io.toasty.test;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The model of the module's tests and of docs/testing.md's examples. */
// snippet: testing-model
@Model
public record Book(@Key @Auto UUID id, String title, @Index String author, int year) {}
// end-snippet
