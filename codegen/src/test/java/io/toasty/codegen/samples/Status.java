package io.toasty.codegen.samples;

/** A user's status, stored by the constant's name. */
public enum Status { DRAFT, PUBLISHED }
