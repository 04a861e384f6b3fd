package io.toasty.tck.models;

/** An amount, embedded with {@code @Embedded} on the field (its type is not annotated). */
public record Money(long cents, String currency) {}
