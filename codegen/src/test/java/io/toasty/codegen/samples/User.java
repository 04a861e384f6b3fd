package io.toasty.codegen.samples;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;

/** The model of docs/design/codegen.md. */
@Model
public record User(
    @Key @Auto long id,
    String name,
    @Unique String email,
    @Index Optional<String> nickname,
    @Default("0") int loginCount,
    Status status) {}
