package io.toasty.codegen.samples;

import io.toasty.Deferred;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** Deferred fields: a text, an optional byte array and a number, read only when asked. */
@Model
public record Note(@Key long id, String title, Deferred<String> text,
    Deferred<Optional<byte[]>> attachment, Deferred<Integer> stars) {}
