package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/**
 * Field names that collide with generated names: {@code model} with {@code MODEL}, {@code db} with
 * the executor parameter of {@code getByDb}, {@code EMAIL} with its own constant, {@code set} and
 * {@code exec} with the builders' methods.
 */
@Model
public record Clash(
    @Key long db,
    @Unique String model,
    @Index String EMAIL,
    @Column("email_2") String email,
    String set,
    String exec,
    String record) {}
