package io.toasty.tck.models;

/** An enum field's type; stored by constant name. */
public enum Color { RED, GREEN, BLUE }
