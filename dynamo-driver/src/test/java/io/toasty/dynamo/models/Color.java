package io.toasty.dynamo.models;

/** An enum field's type. */
public enum Color { RED, GREEN, BLUE }
